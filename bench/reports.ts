// `npm run bench:reports`: a supervisor's report over a busy month, beside the floor of reading the
// same conversations' rows with no aggregation, in the same run.
//
// BENCH_CONVERSATIONS people (default 20,000) each write once through the engine, spread over 28
// days; a tenth ask for a person. Printed: the report (by day and by week) and the CSV export,
// median of 5 runs each, and their ratio to the floor. In-process, SQLite and (when reachable) PostgreSQL.

import { buildReport, conversationFacts, factsToCsv, parseReportQuery } from '../src/staff/reports';
import { openBenchReclaim, type EngineDialect } from './engine';
import { percentile } from './generator';

const PEOPLE = Number(process.env.BENCH_CONVERSATIONS ?? 20_000);
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 28, 12);

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  return percentile(ms, 0.5);
}

async function run(dialect: EngineDialect): Promise<void> {
  const { reclaim, cleanup } = await openBenchReclaim(dialect);
  try {
    const seeded = performance.now();
    const queue = Array.from({ length: PEOPLE }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const at = END - Math.floor((i / PEOPLE) * 28 * DAY);
          const text = i % 10 === 0 ? 'HELP' : 'hi';
          await reclaim.engine.handle({ type: 'inbound', channel: i % 3 === 0 ? 'line' : 'telegram', userId: `r${i}`, dedupeKey: `r${i}`, kind: 'text', text, localeHint: i % 2 ? 'th' : 'en', at });
        }
      }),
    );
    console.log(`${dialect}: ${PEOPLE.toLocaleString('en')} conversations written in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const db = reclaim.store.db;
    const byDay = parseReportQuery({ from: '2026-11-01', to: '2026-11-28', by: 'day' }, 'Asia/Bangkok', '2026-11-28');
    const byWeek = parseReportQuery({ from: '2026-11-01', to: '2026-11-28', by: 'week' }, 'Asia/Bangkok', '2026-11-28');
    const lo = Date.parse('2026-11-01T00:00:00Z') - DAY;
    const hi = Date.parse('2026-11-29T00:00:00Z') + DAY;
    const floor = await timed(5, () =>
      db.selectFrom('conversations').select(['id', 'channel', 'locale', 'country', 'step', 'status', 'created_at', 'last_inbound_at']).where('created_at', '>=', lo).where('created_at', '<', hi).execute(),
    );
    const day = await timed(5, () => buildReport(db, byDay, END));
    const week = await timed(5, () => buildReport(db, byWeek, END));
    let rows = 0;
    const csv = await timed(5, async () => {
      const facts = await conversationFacts(db, byDay, END);
      rows = facts.length;
      return factsToCsv(facts);
    });
    const line = (label: string, ms: number) => `  ${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / floor).toFixed(1).padStart(5)}× the floor`;
    console.log(line('floor: the month\'s conversation rows, read', floor));
    console.log(line('report, 28 days by day', day));
    console.log(line('report, 4 weeks by week', week));
    console.log(line(`CSV export (${rows.toLocaleString('en')} rows)`, csv));
  } finally {
    await cleanup();
  }
}

for (const dialect of (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as EngineDialect[]) {
  try {
    await run(dialect);
  } catch (error) {
    console.log(`${dialect}: not measured (${error instanceof Error ? error.message : String(error)})`);
  }
}
