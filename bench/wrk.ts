// Acknowledgement load with wrk (bench/telegram.lua) when it is installed, else with the Node generator thread.

import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runGenerator } from './generator';

export interface AckLoad {
  url: string;
  secret: string;
  seconds: number;
  connections: number;
  perPerson: 1 | 7;
  idBase: number;
}

export interface AckResult {
  tool: 'wrk' | 'node';
  events: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests that got no 200 (or no answer). */
  errors: number;
}

let wrkPath: string | null | undefined;

/** The wrk binary, or null when it is not installed (`apt-get install wrk`) or BENCH_GENERATOR=node asks for the Node generator. */
export function findWrk(): string | null {
  if (wrkPath !== undefined) return wrkPath;
  if (process.env.BENCH_GENERATOR === 'node') return (wrkPath = null);
  try {
    wrkPath = execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim() || null;
  } catch {
    wrkPath = null;
  }
  return wrkPath;
}

/** Closed-loop load at `connections` for `seconds`; wrk uses two threads, as many as this machine has cores. */
export async function runAckLoad(load: AckLoad): Promise<AckResult> {
  const wrk = findWrk();
  if (!wrk) {
    const r = await runGenerator({ url: load.url, secret: load.secret, mode: 'closed', concurrency: load.connections, durationMs: load.seconds * 1000, idBase: load.idBase, perPerson: load.perPerson });
    return { tool: 'node', events: r.sent, eventsPerSecond: r.eventsPerSecond, p50Ms: r.ackP50Ms, p99Ms: r.ackP99Ms, errors: r.failures };
  }
  const script = join(import.meta.dirname, 'telegram.lua');
  const args = ['-t2', `-c${load.connections}`, `-d${load.seconds}s`, '--timeout', '10s', '-s', script, load.url];
  const env = { ...process.env, BENCH_SECRET: load.secret, BENCH_PER_PERSON: String(load.perPerson), BENCH_ID_BASE: String(load.idBase) };
  const output = await new Promise<string>((resolve, reject) =>
    execFile(wrk, args, { env, timeout: (load.seconds + 30) * 1000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
  const line = output.split('\n').find((l) => l.startsWith('WRK_RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${output}`);
  const r = JSON.parse(line.slice('WRK_RESULT '.length)) as Record<string, number>;
  const errors = r.connectErrors! + r.readErrors! + r.writeErrors! + r.statusErrors! + r.timeouts!;
  return { tool: 'wrk', events: r.requests!, eventsPerSecond: r.requests! / (r.durationUs! / 1e6), p50Ms: r.p50Us! / 1000, p99Ms: r.p99Us! / 1000, errors };
}
