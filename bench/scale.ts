// `npm run bench:scale`: one and then two `reclaim serve` processes on one PostgreSQL database under the same load; throughput, latency, and dashboard propagation across instances.
//
// Each configuration gets a fresh database. Two instances get two load generator threads, one
// aimed at each (as a balancer would split the platform's connections), with half the connections
// each, so the offered load is the same as for one. Every webhook is from a new person, so its
// first reply at the fake Bot API marks its end-to-end time. Send pacing is lifted (BENCH_UNPACED)
// so the figures are Reclaim's, not Telegram's 30 messages/s.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAccount } from '../src/staff/accounts';
import { openStore } from '../src/store/database';
import { readSse } from '../test/scale/sse';
import { absoluteNow, BOT_TOKEN, startFakeBotApi, WEBHOOK_SECRET, type FakeBotApi } from './fake-bot-api';
import { percentile, runGenerator, type GeneratorResult } from './generator';
import { machineCpu, PG_URL, postgresReachable, processCpu, runStatement } from './processes';

const ROOT = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/** Urgent messages sent to B whose row is awaited on A's staff stream. */
const PROPAGATION_SAMPLES = Number(process.env.BENCH_PROPAGATION_SAMPLES ?? 50);
const DRAIN_LIMIT_MS = 60_000;
const PASSWORD = 'bench staff password 0123456789';

const log = (line: string) => process.stderr.write(`${line}\n`);

let nextIdBase = 3_000_000_000;
function idBase(): number {
  nextIdBase += 100_000_000;
  return nextIdBase;
}

interface Instance {
  url: string;
  child: ChildProcess;
}

/** CPU seconds used so far: the whole machine (busy, of all cores), the bench's own process, and PostgreSQL's processes. */
interface CpuReading {
  machineBusy: number;
  machineTotal: number;
  bench: number;
  postgres: number;
  servers: number;
}

/** Reads /proc (Linux); zeros elsewhere, and the CPU line is left out. */
function readCpu(servers: Instance[]): CpuReading {
  try {
    const machine = machineCpu();
    let postgres = 0;
    for (const pid of readdirSync('/proc')) if (/^\d+$/.test(pid)) {
      const p = processCpu(pid);
      if (p.comm === 'postgres') postgres += p.seconds;
    }
    return {
      machineBusy: machine.busy,
      machineTotal: machine.total,
      bench: processCpu(process.pid).seconds,
      postgres,
      servers: servers.reduce((n, s) => n + (s.child.pid ? processCpu(s.child.pid).seconds : 0), 0),
    };
  } catch {
    return { machineBusy: 0, machineTotal: 0, bench: 0, postgres: 0, servers: 0 };
  }
}

async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts bench/serve.ts (what `reclaim serve` starts, pacing lifted) on `databaseUrl`; resolves once /healthz answers. */
async function startInstance(databaseUrl: string, fake: FakeBotApi, dir: string): Promise<Instance> {
  const port = await freePort();
  const { PATH, HOME, LANG } = process.env;
  const env = {
    ...(PATH ? { PATH } : {}),
    ...(HOME ? { HOME } : {}),
    ...(LANG ? { LANG } : {}),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    PUBLIC_BASE_URL: 'http://127.0.0.1:1',
    LOG_LEVEL: 'error',
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: fake.url,
    BENCH_UNPACED: '1',
    DATABASE_URL: databaseUrl,
  };
  // BENCH_SERVER_NODE_ARGS adds Node flags to each instance, as in `npm run bench` (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', join(ROOT, 'bench', 'serve.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output = (output + c.toString('utf8')).slice(-4000)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`an instance exited during start-up (code ${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) return { url: `http://127.0.0.1:${port}`, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`an instance did not become ready within 60 s:\n${output}`);
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise<void>((done) => instance.child.once('exit', () => done()));
  instance.child.kill('SIGTERM');
  const late = setTimeout(() => instance.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(late);
}

/** A fresh database with `count` instances on it; `work` runs against them, then everything is removed. */
async function withInstances<T>(count: number, fake: FakeBotApi, work: (instances: Instance[], databaseUrl: string) => Promise<T>): Promise<T> {
  const database = `reclaim_scale_${randomBytes(4).toString('hex')}`;
  await runStatement(PG_URL, `create database ${database}`);
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-bench-scale-'));
  const instances: Instance[] = [];
  try {
    // One after the other: the first creates the tables, the next finds them.
    for (let i = 0; i < count; i++) instances.push(await startInstance(url.toString(), fake, dir));
    return await work(instances, url.toString());
  } finally {
    for (const instance of instances) await stopInstance(instance);
    rmSync(dir, { recursive: true, force: true });
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        await runStatement(PG_URL, `drop database if exists ${database}`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

export interface LoadFigures {
  instances: number;
  sent: number;
  delivered: number;
  /** Acknowledged webhooks per second. */
  ackPerSecond: number;
  /** p99 acknowledgement time; with two generators, the worse of their two p99s. */
  ackP99Ms: number;
  /** First replies per second, from the first webhook to the last reply. */
  e2ePerSecond: number;
  e2eP50Ms: number;
  e2eP99Ms: number;
  /** CPU seconds over the load and its drain (see readCpu). */
  cpu: CpuReading;
}

/** Waits until every person has a first reply, or none arrived for 15 s, or the drain limit passed. */
async function drain(fake: FakeBotApi, runs: { base: number; result: GeneratorResult }[]): Promise<void> {
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  const total = runs.reduce((n, r) => n + r.result.sent, 0);
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    let got = 0;
    for (const { base, result } of runs) for (let i = 0; i < result.sent; i++) if (fake.firstReplyAt.has(base + i)) got++;
    if (got >= total || Date.now() > deadline || Date.now() - lastChange > 15_000) return;
    if (got !== last) {
      last = got;
      lastChange = Date.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The same closed-loop load, its connections split evenly across the instances. */
async function load(instances: Instance[], fake: FakeBotApi, seconds: number): Promise<LoadFigures> {
  const cpuBefore = readCpu(instances);
  const per = Math.max(1, Math.floor(CONNECTIONS / instances.length));
  const runs = await Promise.all(
    instances.map(async (instance) => {
      const base = idBase();
      const result = await runGenerator({ url: `${instance.url}/webhooks/telegram`, secret: WEBHOOK_SECRET, mode: 'closed', concurrency: per, durationMs: seconds * 1000, idBase: base, perPerson: 1 });
      return { base, result };
    }),
  );
  await drain(fake, runs);
  const cpuAfter = readCpu(instances);
  const latencies: number[] = [];
  let firstSent = Infinity;
  let lastReply = 0;
  let sent = 0;
  for (const { base, result } of runs) {
    sent += result.sent;
    if (result.sent > 0) firstSent = Math.min(firstSent, result.sentAt[0]!);
    for (let i = 0; i < result.sent; i++) {
      const at = fake.firstReplyAt.get(base + i);
      if (at === undefined) continue;
      latencies.push(at - result.sentAt[i]!);
      lastReply = Math.max(lastReply, at);
    }
  }
  if (!Number.isFinite(firstSent)) firstSent = absoluteNow();
  return {
    instances: instances.length,
    sent,
    delivered: latencies.length,
    ackPerSecond: runs.reduce((n, r) => n + r.result.sent / r.result.seconds, 0),
    ackP99Ms: Math.max(...runs.map((r) => r.result.ackP99Ms)),
    e2ePerSecond: latencies.length / Math.max(1e-3, (lastReply - firstSent) / 1000),
    e2eP50Ms: percentile(latencies, 0.5),
    e2eP99Ms: percentile(latencies, 0.99),
    cpu: {
      machineBusy: cpuAfter.machineBusy - cpuBefore.machineBusy,
      machineTotal: cpuAfter.machineTotal - cpuBefore.machineTotal,
      bench: cpuAfter.bench - cpuBefore.bench,
      postgres: cpuAfter.postgres - cpuBefore.postgres,
      servers: cpuAfter.servers - cpuBefore.servers,
    },
  };
}

export interface PropagationFigures {
  samples: number;
  missed: number;
  p50Ms: number;
  p99Ms: number;
}

/** Urgent messages posted to B, one at a time; how long until each one's row shows on a staff stream served by A. */
async function propagation(a: Instance, b: Instance, databaseUrl: string): Promise<PropagationFigures> {
  const store = await openStore({ databaseUrl, pgPoolSize: 1 });
  try {
    await createAccount(store, { email: 'bench-agent@helpline.test', role: 'agent', password: PASSWORD, now: Date.now() });
  } finally {
    await store.close();
  }
  const login = await fetch(`${a.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench-agent@helpline.test', password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`staff sign-in on A answered ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const stream = readSse(await fetch(`${a.url}/api/staff/events`, { headers: { cookie, 'x-csrf-token': csrfToken } }));
  try {
    await until(() => stream.events.some((e) => e.event === 'hello'), 5000);
    // A moment for both LISTEN connections to be in place before the first sample.
    await new Promise((r) => setTimeout(r, 500));
    const latencies: number[] = [];
    let missed = 0;
    for (let i = 0; i < PROPAGATION_SAMPLES; i++) {
      const id = 7_400_000 + i;
      const masked = `••••${String(id).slice(-4)}`;
      const from = `{"id":${id},"is_bot":false,"first_name":"Ana","language_code":"en"}`;
      const body = `{"update_id":${8_800_000 + i},"message":{"message_id":1,"from":${from},"chat":{"id":${id},"first_name":"Ana","type":"private"},"date":1764000000,"text":"I want to die"}}`;
      const mark = stream.events.length;
      const started = Date.now();
      const response = await fetch(`${b.url}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }, body });
      await response.arrayBuffer();
      const seen = await until(
        () =>
          stream.events.slice(mark).find((e) => {
            if (e.event !== 'row') return false;
            const row = JSON.parse(e.data) as { user?: string; flags?: string[] };
            return row.user === masked && (row.flags ?? []).includes('urgent');
          }),
        5000,
      );
      if (seen) latencies.push(seen.at - started);
      else missed++;
    }
    return { samples: latencies.length, missed, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
  } finally {
    await stream.cancel();
  }
}

/** Polls `check` every 5 ms until it returns something, or undefined after `timeoutMs`. */
async function until<T>(check: () => T | undefined | false, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

export async function main(): Promise<void> {
  if (!(await postgresReachable())) {
    process.stdout.write('PostgreSQL not reachable (BENCH_DATABASE_URL): nothing measured\n');
    return;
  }
  const loadBefore = loadavg()[0]!;
  const fake = await startFakeBotApi();
  const results: LoadFigures[] = [];
  let spread: PropagationFigures | undefined;
  try {
    for (const count of [1, 2]) {
      log(`${count} instance(s) on PostgreSQL: warm-up, then ${SECONDS} s of load…`);
      await withInstances(count, fake, async (instances, databaseUrl) => {
        // A short unmeasured load first: connections, JIT and the first pages of the database warm up.
        await load(instances, fake, 1);
        results.push(await load(instances, fake, SECONDS));
        if (count === 2) {
          log(`dashboard propagation: ${PROPAGATION_SAMPLES} urgent messages on B, watched on A…`);
          spread = await propagation(instances[0]!, instances[1]!, databaseUrl);
        }
      });
      fake.reset();
    }
  } finally {
    await fake.close();
  }
  const [one, two] = results as [LoadFigures, LoadFigures];
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('');
  out(`Reclaim on PostgreSQL, one instance and two (each a serve process, send pacing lifted), ${CONNECTIONS} connections closed loop, ${SECONDS} s, one new person per webhook`);
  out(`load average ${f(loadBefore, 2)} before, ${f(loadavg()[0]!, 2)} after; ${(await import('node:os')).cpus().length} cores shared by everything on this machine`);
  out('');
  out('| instances | acknowledged/s | ack p99 ms | delivered/s (end to end) | e2e p50 ms | e2e p99 ms | sent | replied |');
  out('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) out(`| ${r.instances} | ${f(r.ackPerSecond)} | ${f(r.ackP99Ms, 1)} | ${f(r.e2ePerSecond)} | ${f(r.e2eP50Ms)} | ${f(r.e2eP99Ms)} | ${r.sent} | ${r.delivered} |`);
  out('');
  const ackRatio = two.ackPerSecond / one.ackPerSecond;
  const e2eRatio = two.e2ePerSecond / one.e2ePerSecond;
  out(`two / one, acknowledged: ${f(ackRatio, 2)}× (target ≥ 1.6: ${mark(ackRatio >= 1.6)})`);
  out(`two / one, delivered end to end: ${f(e2eRatio, 2)}× (target ≥ 1.6: ${mark(e2eRatio >= 1.6)})`);
  if (spread) {
    out(
      `dashboard propagation, webhook on B → row on A's staff stream, ${spread.samples} urgent messages${spread.missed ? ` (${spread.missed} not seen within 5 s)` : ''}: p50 ${f(spread.p50Ms)} ms, p99 ${f(spread.p99Ms)} ms (target ≤ 500 ms: ${mark(spread.p99Ms <= 500 && spread.missed === 0)})`,
    );
  }
  out('(ack p99 with two instances is the worse of the two generators\' p99s.)');
  if (one.cpu.machineTotal > 0) {
    out('');
    out('CPU from the start of the load until the last reply (a ratio above 1.0 needs idle cores to grow into):');
    out('| instances | machine busy | Reclaim servers cpu-s | PostgreSQL cpu-s | bench (generators, fake API) cpu-s | server cpu-ms per reply | all cpu-ms per reply |');
    out('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results) {
      const c = r.cpu;
      out(`| ${r.instances} | ${f((100 * c.machineBusy) / Math.max(1e-9, c.machineTotal))} % | ${f(c.servers, 1)} | ${f(c.postgres, 1)} | ${f(c.bench, 1)} | ${f((1000 * c.servers) / Math.max(1, r.delivered), 2)} | ${f((1000 * c.machineBusy) / Math.max(1, r.delivered), 2)} |`);
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
