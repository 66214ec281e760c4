import { describe, expect, it } from 'vitest';
import { agentsNeeded, thresholdsProblem, workloadBand } from '../../src/core/bands';

describe('workloadBand', () => {
  it.each([
    [0, 1],
    [59, 1],
    [59.9, 1],
    [60, 2],
    [80, 2],
    [80.5, 3],
    [100, 3],
    [101, 4],
    [120, 4],
    [121, 5],
    [500, 5],
  ])('puts %d daily inquiries in band %d', (inquiries, band) => {
    expect(workloadBand(inquiries)).toBe(band);
  });
  it('uses thresholds a supervisor passes', () => {
    expect(workloadBand(55, [50, 70, 90, 110])).toBe(2);
    expect(workloadBand(111, [50, 70, 90, 110])).toBe(5);
  });
});

describe('thresholdsProblem', () => {
  it('accepts 4 ascending numbers and explains anything else', () => {
    expect(thresholdsProblem([60, 80, 100, 120])).toBeNull();
    expect(thresholdsProblem([60, 80, 100])).toContain('4');
    expect(thresholdsProblem([60, 100, 80, 120])).toContain('ascending');
  });
});

describe('agentsNeeded', () => {
  it('rounds up to whole agents at 100 inquiries each by default', () => {
    expect(agentsNeeded(393)).toBe(4);
    expect(agentsNeeded(400)).toBe(4);
    expect(agentsNeeded(401)).toBe(5);
    expect(agentsNeeded(0)).toBe(0);
  });
  it('takes another per-agent load', () => {
    expect(agentsNeeded(393, 80)).toBe(5);
  });
});
