// `npm run bench:exchange`: a platform's HMA taking the whole list through the StopNCII-compatible
// exchange, beside the plain partner feed of the same cases in the same run (the floor: one query,
// no aggregation per hash, no per-partner case ids).
//
// Cases are made through the real submission API, in-process (no sockets), on SQLite and, when
// reachable, PostgreSQL. Printed: hashes a second for a full walk from the start, per-page p50/p99,
// and the ratio to the floor. BENCH_CASES sets how many cases (each: one image, one video).

import { createHash } from 'node:crypto';
import { addPartner } from '../src/engine/partners';
import { issueHandoffToken } from '../src/engine/tokens';
import { EXCHANGE_PATH } from '../src/http/stopncii';
import { openBenchReclaim, type EngineDialect } from './engine';
import { percentile } from './generator';

const CASES = Number(process.env.BENCH_CASES ?? 2000);
const PAGE = 800; // HMA's StopNCII client asks for 800 a page.

const hex = (n: number, seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, n);
const files = (i: number) => [
  { type: 'image', md5: hex(32, `m${i}`), sha256: hex(64, `s${i}`), pdq: hex(64, `p${i}`), quality: 90 },
  { type: 'video', md5: hex(32, `vm${i}`), sha256: hex(64, `vs${i}`), vpdq: [{ pdq: hex(64, `vp${i}`), quality: 80 }] },
];

interface Walk {
  hashes: number;
  pages: number;
  seconds: number;
  pageMs: number[];
}

async function walk(next: (token: string | null) => Promise<{ records: number; token: string | null; more: boolean }>): Promise<Walk> {
  const pageMs: number[] = [];
  let token: string | null = null;
  let hashes = 0;
  const started = performance.now();
  for (;;) {
    const t = performance.now();
    const page = await next(token);
    pageMs.push(performance.now() - t);
    hashes += page.records;
    token = page.token;
    if (!page.more) break;
  }
  return { hashes, pages: pageMs.length, seconds: (performance.now() - started) / 1000, pageMs };
}

async function run(dialect: EngineDialect): Promise<void> {
  const { reclaim, cleanup } = await openBenchReclaim(dialect);
  try {
    const db = reclaim.store.db;
    const partner = await addPartner(db, 'bench-platform', { displayName: 'Bench' });
    const seeded = performance.now();
    for (let i = 0; i < CASES; i++) {
      const userId = `exchange-${i}`;
      await reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:0`, kind: 'text', text: 'hi', localeHint: 'en', at: Date.now() });
      const { id } = await db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
      const token = await issueHandoffToken(db, id, Date.now());
      const response = await reclaim.app.request('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, files: files(i) }) });
      if (response.status !== 201) throw new Error(`submission ${i}: ${response.status}`);
    }
    console.log(`${dialect}: ${CASES} cases submitted in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const feed = await walk(async (token) => {
      const r = await reclaim.app.request(`/api/partner/v1/hashes?after=${token ?? 0}&limit=${PAGE}`, { headers: { authorization: `Bearer ${partner.key}` } });
      const body = (await r.json()) as { count: number; nextCursor: string; hasMoreRecords: boolean };
      return { records: body.count, token: body.nextCursor, more: body.hasMoreRecords };
    });
    const exchange = await walk(async (token) => {
      const query = `startTimestamp=10&pageSize=${PAGE}${token ? `&nextPageToken=${encodeURIComponent(token)}` : ''}`;
      const r = await reclaim.app.request(`${EXCHANGE_PATH}/FetchHashes?${query}`, { headers: { 'x-functions-key': partner.key, 'Ocp-Apim-Subscription-Key': partner.subscriptionKey } });
      if (r.status !== 200) throw new Error(`FetchHashes: ${r.status} ${await r.text()}`);
      const body = (await r.json()) as { count: number; nextPageToken: string | null; hasMoreRecords: boolean };
      return { records: body.count, token: body.nextPageToken, more: body.hasMoreRecords };
    });
    const line = (label: string, w: Walk) =>
      `  ${label.padEnd(34)} ${String(w.hashes).padStart(6)} hashes, ${String(w.pages).padStart(3)} pages, ${Math.round(w.hashes / w.seconds).toLocaleString('en').padStart(7)} hashes/s, page p50 ${percentile(w.pageMs, 0.5).toFixed(1)} ms, p99 ${percentile(w.pageMs, 0.99).toFixed(1)} ms`;
    console.log(line('floor: /api/partner/v1 (all types)', feed));
    console.log(line('exchange: FetchHashes (PDQ, MD5)', exchange));
    const perHash = (w: Walk) => w.seconds / Math.max(1, w.hashes);
    console.log(`  exchange time per hash: ${(perHash(exchange) / perHash(feed)).toFixed(2)}× the floor's`);
  } finally {
    await cleanup();
  }
}

console.log(`StopNCII-compatible exchange: ${CASES} cases (one image, one video each), pages of ${PAGE}, in-process`);
for (const dialect of (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as EngineDialect[]) {
  try {
    await run(dialect);
  } catch (error) {
    console.log(`${dialect}: not measured (${error instanceof Error ? error.message : String(error)})`);
  }
}
