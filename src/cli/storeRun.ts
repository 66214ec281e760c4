/**
 * `--store FILE.duckdb`: the run's records (read and merged exactly as
 * without a store) are added to the store, and the reports are built from
 * everything the store holds, so a morning's run needs only yesterday's
 * files. Rules, roster, events and claims are read from their files on every
 * run, as without a store: they are the supervisor's current settings, not
 * history.
 */
import type { Language } from '../core/types';
import type { ReportInput } from '../reports';
import { RecordStore, type RecordKeys, type RunRecords } from '../store/recordStore';
import { RECORD_KEY } from '../import/ingest';
import { addUnknownAgents, type LoadedInput } from './load';
import { t } from '../i18n';

/** The ingest core's record keys: the store replaces by the same identity as every other store. */
export const STORE_KEYS: RecordKeys = {
  chats: RECORD_KEY.consultations,
  orders: RECORD_KEY.orders,
  agentDays: RECORD_KEY.agentDays,
  shopDays: RECORD_KEY.shopDays,
};

/** The run's records and its files' rejections, as the store keeps them. */
export function runRecords(loaded: LoadedInput): RunRecords {
  const { input } = loaded;
  const first = loaded.settingsRejections ?? 0;
  const conflictCount = loaded.conflicts ?? 0;
  const fileRejections = input.rejections.slice(first, input.rejections.length - conflictCount);
  const byFile = new Map<string, typeof fileRejections>((loaded.filesRead ?? []).map((name) => [name, []]));
  for (const r of fileRejections) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  return {
    consultations: input.consultations,
    orders: input.orders,
    agentDays: input.agentDays,
    shopDays: input.shopDays,
    rejectionsByFile: byFile,
    conflicts: input.rejections.slice(input.rejections.length - conflictCount),
  };
}

export type StoreOutcome = { ok: true; input: ReportInput; log: string[]; records: number } | { ok: false; message: string };

export async function reportInputFromStore(path: string, loaded: LoadedInput, lang: Language): Promise<StoreOutcome> {
  let store: RecordStore;
  try {
    store = await RecordStore.open(path);
  } catch (error) {
    return { ok: false, message: t(lang, 'cli.store.unavailable', { path, error: (error as Error).message }) };
  }
  try {
    const run = runRecords(loaded);
    const replaced = await store.add(run, STORE_KEYS);
    const stored = await store.readAll();
    const settings = loaded.input.rejections.slice(0, loaded.settingsRejections ?? 0);
    const input: ReportInput = {
      ...loaded.input,
      // The roster as its file gave it; agents the stored records name and it lacks are added again below.
      roster: loaded.input.roster.filter((a) => !a.unknown),
      consultations: stored.consultations,
      orders: stored.orders,
      agentDays: stored.agentDays,
      shopDays: stored.shopDays,
      rejections: [...settings, ...stored.rejections],
    };
    const log: string[] = [];
    addUnknownAgents(input, log);
    const records = stored.consultations.length + stored.orders.length + stored.agentDays.length + stored.shopDays.length;
    const added = run.consultations.length + run.orders.length + run.agentDays.length + run.shopDays.length;
    log.unshift(
      t(lang, 'cli.store.added', {
        path,
        stored: added,
        replaced,
        chats: stored.consultations.length,
        orders: stored.orders.length,
        agentDays: stored.agentDays.length,
        shopDays: stored.shopDays.length,
      }),
    );
    if (records === 0) return { ok: false, message: t(lang, 'cli.store.empty', { path }) };
    return { ok: true, input, log, records };
  } finally {
    store.close();
  }
}
