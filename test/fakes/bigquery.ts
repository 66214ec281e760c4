/**
 * A fake of the BigQuery advanced service (v2) for the built bundle in
 * gas-local: load jobs check rows against their schema and fill tables,
 * CREATE TABLE and MERGE queries act on those tables, and the §6a query is
 * answered by the TypeScript engine over the stored rows (the SQL itself is
 * held equal to the engine on DuckDB by test/warehouse/). Jobs report
 * RUNNING first and results come in pages, so polling and paging run.
 */
import type { Consultation, Order } from '../../src/core/types';
import { computeMetrics } from '../../src/core/engine';
import { defaultRules, type Rules } from '../../src/core/rules';
import { MS_PER_DAY, MS_PER_HOUR } from '../../src/core/dates';

type Row = Record<string, unknown>;
interface Field {
  name: string;
  type: string;
  mode: string;
}
interface FakeBlob {
  getDataAsString(): string;
}

const WINDOWS: Record<string, Rules['attributionWindow']> = { '1': 'same_day', '2': 'next_day', '3': '3_days' };

export class FakeBigQuery {
  tables = new Map<string, Row[]>();
  loads: { table: string; fields: Field[]; rows: number }[] = [];
  queries: { query: string; params: { name: string; parameterType: { type: string }; parameterValue: { value: string } }[] }[] = [];
  pagesRead = 0;
  /** The error the next §6a query job fails with at run time (as BigQuery reports it: DONE with an errorResult). */
  failQueryWith: string | null = null;
  private failed = new Set<string>();
  private results = new Map<string, unknown[][]>();
  private nextJob = 1;
  readonly pageSize = 3;

  private table(ref: string): string {
    return ref.replace(/`/g, '').split('.').pop()!;
  }

  Jobs = {
    insert: (job: { configuration: { load: { destinationTable: { tableId: string }; schema: { fields: Field[] }; writeDisposition: string } } }, _project: string, blob: FakeBlob) => {
      const { destinationTable, schema, writeDisposition } = job.configuration.load;
      const rows = blob.getDataAsString().split('\n').map((line) => JSON.parse(line) as Row);
      for (const row of rows) {
        for (const field of schema.fields) {
          const value = row[field.name];
          if (value === null || value === undefined) {
            if (field.mode === 'REQUIRED') throw new Error(`load: ${field.name} is REQUIRED`);
            continue;
          }
          const expected = field.type === 'STRING' ? 'string' : field.type === 'BOOL' ? 'boolean' : 'number';
          if (typeof value !== expected) throw new Error(`load: ${field.name} should be ${field.type}, got ${JSON.stringify(value)}`);
        }
        if (Object.keys(row).length !== schema.fields.length) throw new Error('load: a row has fields the schema lacks');
      }
      const existing = writeDisposition === 'WRITE_TRUNCATE' ? [] : this.tables.get(destinationTable.tableId) ?? [];
      this.tables.set(destinationTable.tableId, [...existing, ...rows]);
      this.loads.push({ table: destinationTable.tableId, fields: schema.fields, rows: rows.length });
      return { jobReference: { jobId: `load${this.nextJob++}`, location: 'US' }, status: { state: 'RUNNING' } };
    },
    get: (_project: string, jobId: string) => ({
      jobReference: { jobId, location: 'US' },
      status: this.failed.has(jobId) ? { state: 'DONE', errorResult: { message: this.failQueryWith!, reason: 'invalidQuery' } } : { state: 'DONE' },
    }),
    query: (request: { query: string; queryParameters: FakeBigQuery['queries'][number]['params'] }) => {
      this.queries.push({ query: request.query, params: request.queryParameters });
      const jobId = `query${this.nextJob++}`;
      const create = /^CREATE TABLE IF NOT EXISTS (\S+)/.exec(request.query);
      if (create) {
        const name = this.table(create[1]);
        if (!this.tables.has(name)) this.tables.set(name, []);
        return { jobComplete: true, jobReference: { jobId } };
      }
      const merge = /^MERGE (\S+) T USING (\S+) S/.exec(request.query);
      if (merge) {
        const target = this.tables.get(this.table(merge[1])) ?? [];
        for (const row of this.tables.get(this.table(merge[2])) ?? []) {
          const at = target.findIndex((r) => r.key === row.key);
          if (at >= 0) target[at] = row;
          else target.push(row);
        }
        this.tables.set(this.table(merge[1]), target);
        return { jobComplete: true, jobReference: { jobId } };
      }
      if (request.query.startsWith('WITH RECURSIVE')) {
        if (this.failQueryWith) this.failed.add(jobId);
        else this.results.set(jobId, this.agentDayRows(request.queryParameters));
        // Not complete at first: the caller must poll getQueryResults.
        return { jobComplete: false, jobReference: { jobId, location: 'US' } };
      }
      throw new Error(`fake BigQuery: unexpected query ${request.query.slice(0, 60)}`);
    },
    getQueryResults: (_project: string, jobId: string, options: { pageToken?: string }) => {
      // What BigQuery answers for a job that failed at run time: never complete.
      if (this.failed.has(jobId)) return { jobComplete: false, jobReference: { jobId, location: 'US' } };
      const rows = this.results.get(jobId) ?? [];
      const start = options.pageToken ? Number(options.pageToken) : 0;
      this.pagesRead++;
      const page = rows.slice(start, start + this.pageSize).map((cells) => ({ f: cells.map((v) => ({ v })) }));
      const next = start + this.pageSize < rows.length ? String(start + this.pageSize) : undefined;
      return { jobComplete: true, jobReference: { jobId, location: 'US' }, rows: page, pageToken: next };
    },
  };

  /** The §6a answer as BigQuery's REST API gives it: every value a string, NULL as null. */
  private agentDayRows(params: FakeBigQuery['queries'][number]['params']): unknown[][] {
    const value = (name: string) => params.find((p) => p.name === name)!.parameterValue.value;
    const rules: Rules = {
      ...defaultRules(),
      repeatWindowHours: Number(value('repeat_window_ms')) / MS_PER_HOUR,
      attributionWindow: WINDOWS[value('window_days')],
      excludedCategories: value('excluded').split('|').filter(Boolean) as Rules['excludedCategories'],
    };
    const chats: Consultation[] = (this.tables.get('chats') ?? []).map((r) => ({
      buyer: r.buyer as string,
      agent: r.agent as string,
      start: r.start_ms as number,
      firstResponseSec: r.first_response_sec as number | null,
      buyerMessages: r.buyer_messages as number,
      agentMessages: r.agent_messages as number,
      category: r.category as Consultation['category'],
    }));
    const orders: Order[] = (this.tables.get('orders') ?? []).map((r) => ({
      orderId: r.order_id as string,
      buyer: r.buyer as string,
      created: r.created_ms as number,
      paidAt: r.paid_ms as number | null,
      amount: r.amount as number,
      items: r.items as number,
      status: r.status as string,
      refunded: r.refunded as boolean,
      couponUsed: r.coupon_used as boolean,
      remark: r.remark as string,
      flag: r.flag as string,
    }));
    const [first, last] = [Number(value('first_day')), Number(value('last_day'))];
    return computeMetrics(chats, orders, [], rules)
      .agentDays.map((d) => ({ d, day: Date.parse(`${d.date}T00:00:00Z`) / MS_PER_DAY }))
      .filter(({ day }) => day >= first && day <= last)
      .map(({ d, day }) =>
        [day, d.agent, d.consultations, d.receptions, d.excluded, d.inquiries, d.placed, d.paid, d.sales, d.items, d.couponBuyers, d.buyerMessages, d.agentMessages, d.firstResponseTotalSec, d.firstResponseSamples].map(
          (v) => (v === null ? null : String(v)),
        ),
      );
  }
}

export class FakeUtilities {
  sleeps: number[] = [];
  newBlob(text: string) {
    return { getDataAsString: () => text };
  }
  sleep(ms: number) {
    this.sleeps.push(ms);
  }
}
