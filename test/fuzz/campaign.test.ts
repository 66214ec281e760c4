import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../fuzz/campaign';

describe('a short fixed-seed fuzz campaign (npm run fuzz -- --cases 20000 is the long one)', () => {
  it('one changed byte, cell, row or attribute of the samples, the corpus and the 赤兔 fixture costs at most what it touched', async () => {
    // The hang limit only tells a hang from slowness on a busy machine; how fast a case runs is not tested.
    const figures = await runCampaign({ cases: 100, seed: 20, hangMs: 120_000, sets: ['samples', 'corpus', 'fixture'] });
    expect(figures.findings).toEqual([]);
    expect(figures).toMatchObject({ cases: 100, crashes: 0, hangs: 0, unaccounted: 0, rowsLost: 0, internal: 0 });
    expect(figures.seeds).toBeGreaterThan(100);
  });
});
