// The benchmark's printed report: side-by-side tables and every target next to its measured figure.

import { cpus } from 'node:os';
import type { EngineFigures } from './engine';
import type { EngineFloorFigures } from './engine-floor';
import { FIRST_ANSWER_MESSAGES, type Dialect } from './processes';
import { DEFAULT_CONCURRENCY } from '../src/engine/outbox';
import type { RssFigures } from './rss';
import type { EndToEnd } from './run';
import type { AckResult } from './wrk';

export interface DialectFigures {
  ack1?: { floor: AckResult; reclaim: AckResult };
  ack7?: { floor: AckResult; reclaim: AckResult };
  /** The end-to-end floor's peak (bench/floor.ts sending one reply per webhook), closed loop. */
  e2eFloor?: EndToEnd;
  e2ePeak?: EndToEnd;
  e2eHalf?: EndToEnd;
  /** The highest fixed rate tried whose replies all came with p99 within 250 ms; null when none was, absent when not looked for. */
  e2eSustained?: EndToEnd | null;
}

export interface Report {
  generator: string;
  seconds: number;
  /** Telegram's send pacing kept (30 messages/s) rather than lifted for the fake API. */
  paced: boolean;
  connections: number;
  loadAverage: number;
  loadAverageAfter?: number;
  postgresSkipped?: string;
  dialects: Partial<Record<Dialect, DialectFigures>>;
  engine?: Partial<Record<Dialect, EngineFigures | { error: string }>>;
  /** The engine's floor on SQLite (bench/engine-floor.ts). */
  engineFloor?: EngineFloorFigures | { error: string };
  rss?: RssFigures;
  rssError?: string;
  /** The risk detection line from bench/risk.ts. */
  risk?: string;
}

/** The floor must reach this for the load generator not to be what limits the figures. */
export const GENERATOR_FLOOR = 10_000;
/** RSS may grow this much from a fifth of the way to the end and still count as flat. */
const FLAT_GROWTH = 0.15;

const NAMES: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const pct = (n: number) => `${(n * 100).toFixed(n < 0.1 ? 1 : 0)} %`;

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

/** Reclaim's end-to-end peak as a share of the floor's, when both were measured. */
function e2eShare(side: DialectFigures): string | undefined {
  return side.e2ePeak && side.e2eFloor ? pct(side.e2ePeak.eventsPerSecond / side.e2eFloor.eventsPerSecond) : undefined;
}

type Verdict = 'yes' | 'NO' | 'n/a';
const verdict = (ok: boolean | undefined): Verdict => (ok === undefined ? 'n/a' : ok ? 'yes' : 'NO');

/**
 * Whether memory stayed flat, and how it is told: RSS and the heap left after a full GC, a
 * fifth of the way in against the end. Either growing past FLAT_GROWTH (the heap with a few
 * megabytes of slack for a small heap) means memory follows the number of conversations.
 */
export function rssFlatness(rss: RssFigures): { flat: boolean; text: string } {
  const samples = rss.samples.filter((s) => s.conversations > 0);
  const last = samples.at(-1);
  const early = samples[Math.max(0, Math.floor(samples.length / 5) - 1)] ?? samples[0];
  if (!last || !early) return { flat: false, text: 'no samples' };
  const growth = last.rssMb / early.rssMb - 1;
  const heapGrowth = last.heapUsedMb / early.heapUsedMb - 1;
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${pct(n)}`;
  const text =
    `RSS ${int(early.rssMb)} → ${int(last.rssMb)} MB (${signed(growth)}), heap ${int(early.heapUsedMb)} → ${int(last.heapUsedMb)} MB (${signed(heapGrowth)}), ` +
    `${int(early.conversations)} → ${int(last.conversations)} conversations${rss.finished ? '' : ` (time limit before ${int(rss.target)})`}`;
  const heapFlat = heapGrowth <= FLAT_GROWTH || last.heapUsedMb - early.heapUsedMb <= 8;
  return { flat: rss.finished && growth <= FLAT_GROWTH && heapFlat, text };
}

export function printReport(report: Report, print: (line: string) => void): void {
  const out: string[] = [];
  out.push('', `Reclaim benchmark: ${cpus().length} cores, load average ${report.loadAverage.toFixed(1)} at start${report.loadAverageAfter !== undefined ? `, ${report.loadAverageAfter.toFixed(1)} at end` : ''}`);
  out.push(`load: signed unique Telegram updates, ${report.seconds} s per load (acknowledgement: after 1 s of the same load); generator: ${report.generator}`);
  out.push(report.paced ? "Reclaim: bench/serve.ts (as `reclaim serve`), Telegram's 30 messages/s send pacing kept" : "Reclaim: bench/serve.ts (as `reclaim serve`), Telegram's 30 messages/s send pacing lifted (the fake API has no limit; BENCH_PACED=1 keeps it)");
  if (report.postgresSkipped) out.push(`PostgreSQL parts skipped: ${report.postgresSkipped}`);

  const ackRows: string[][] = [];
  for (const [dialect, side] of Object.entries(report.dialects) as [Dialect, DialectFigures][]) {
    for (const [perPerson, pair] of [[1, side.ack1], [7, side.ack7]] as const) {
      if (!pair) continue;
      for (const [name, r] of [['floor', pair.floor], ['reclaim serve', pair.reclaim]] as const) {
        ackRows.push([
          NAMES[dialect],
          String(perPerson),
          name,
          int(r.eventsPerSecond),
          ms(r.p50Ms),
          ms(r.p99Ms),
          name === 'floor' ? '100 %' : pct(r.eventsPerSecond / pair.floor.eventsPerSecond),
          r.errors ? int(r.errors) : '0',
        ]);
      }
    }
  }
  if (ackRows.length) {
    out.push('', `Acknowledgement, c=${report.connections} (webhook answered; floor = same HTTP stack, secret check, JSON parse, one insert)`);
    out.push(...table(['store', 'events/person', 'server', 'events/s', 'ack p50', 'ack p99', 'of floor', 'errors'], ackRows));
    const floor = report.dialects.sqlite?.ack1?.floor;
    if (floor) {
      const ok = floor.eventsPerSecond >= GENERATOR_FLOOR;
      out.push(`generator check: the SQLite floor took ${int(floor.eventsPerSecond)} events/s (${ok ? '≥' : 'below'} ${int(GENERATOR_FLOOR)}${ok ? ': the generator is not the limit' : ': the machine is busy or the generator limits; figures are low for both'})`);
    }
  }

  const e2eRows: string[][] = [];
  for (const [dialect, side] of Object.entries(report.dialects) as [Dialect, DialectFigures][]) {
    for (const [name, r] of [['floor: peak (closed loop)', side.e2eFloor], ['peak (closed loop)', side.e2ePeak], [side.e2ePeak ? 'half of peak (fixed rate)' : 'fixed rate (BENCH_E2E_RATE)', side.e2eHalf], ['kept (highest fixed rate, p99 ≤ 250 ms)', side.e2eSustained]] as const) {
      if (!r) {
        if (r === null) e2eRows.push([NAMES[dialect], name, 'none of the rates tried', '', '', '', '', '', '', '']);
        continue;
      }
      e2eRows.push([NAMES[dialect], name, int(r.offeredPerSecond), int(r.eventsPerSecond), `${int(r.delivered)}/${int(r.sent)}`, r.messagesPerReply === undefined ? '' : r.messagesPerReply.toFixed(1), ms(r.p50Ms), ms(r.p99Ms), ms(r.ackP99Ms), r.serverCpuMsPerReply === undefined ? '' : r.serverCpuMsPerReply.toFixed(2)]);
    }
  }
  if (e2eRows.length) {
    out.push('', 'End to end (webhook → first reply received at the fake Bot API, one new person per webhook)');
    const warmed = Object.values(report.dialects).flatMap((side) => [side.e2ePeak, side.e2eHalf, side.e2eSustained]).flatMap((r) => (r?.warmed ? [r.warmed] : []));
    if (warmed.length) {
      const span = (values: number[], unit: string) => (Math.min(...values) === Math.max(...values) ? int(values[0]!) : `${int(Math.min(...values))}–${int(Math.max(...values))}`) + unit;
      out.push(`each load on a fresh server, warmed first until V8's compiler settles (${span(warmed.map((w) => w.rate), ' events/s')}; ${span(warmed.map((w) => w.events), ' events')}, ${span(warmed.map((w) => w.seconds), ' s')})`);
    }
    out.push(...table(['store', 'load', 'sent/s', 'replied/s', 'replied', 'messages/reply', 'p50', 'p99', 'ack p99', 'server cpu-ms/reply'], e2eRows));
    out.push(`floor: same HTTP stack, secret check, JSON parse, one insert, then as many short messages as Reclaim's first answer holds (${FIRST_ANSWER_MESSAGES}), in order, through the same Bot API client (grammY), to ${DEFAULT_CONCURRENCY} chats at a time`);
    for (const [dialect, side] of Object.entries(report.dialects) as [Dialect, DialectFigures][]) {
      const share = e2eShare(side);
      if (share) out.push(`${NAMES[dialect]}: Reclaim's peak is ${share} of the end-to-end floor's`);
    }
  }

  const engineRows: string[][] = [];
  for (const [dialect, f] of Object.entries(report.engine ?? {}) as [Dialect, EngineFigures | { error: string }][]) {
    engineRows.push('error' in f ? [NAMES[dialect], f.error, '', '', '', ''] : [NAMES[dialect], int(f.events), int(f.eventsPerSecond), int(f.cpuMicrosPerEvent), `${int(f.snapshotMeanBytes)} B`, `${int(f.snapshotMaxBytes)} B`]);
  }
  const engineFloor = report.engineFloor && !('error' in report.engineFloor) ? report.engineFloor : undefined;
  if (report.engineFloor) {
    engineRows.push('error' in report.engineFloor ? ['SQLite, floor', report.engineFloor.error, '', '', '', ''] : ['SQLite, floor', int(report.engineFloor.events), int(report.engineFloor.eventsPerSecond), int(report.engineFloor.cpuMicrosPerEvent), '', '']);
  }
  if (engineRows.length) {
    const warm = Object.values(report.engine ?? {}).flatMap((f) => ('warmPeople' in f ? [f.warmPeople] : []));
    out.push('', `Engine alone, in-process (people × 7 events through the intake, 16 people at a time, at most 30 s${warm.length ? `, after ${int(Math.max(...warm))} people unmeasured` : ''}; replies committed to the outbox, not delivered)`);
    out.push(...table(['store', 'events', 'events/s', 'cpu µs/event', 'snapshot mean', 'snapshot max'], engineRows));
    if (engineFloor) {
      out.push('floor: the same people and flow through XState, each event deduplicated, its snapshot read and written back and one reply queued, 16 events a transaction (better-sqlite3, no Kysely, no text understanding, rendering, transcript or timers)');
      const sqliteEngine = report.engine?.sqlite;
      if (sqliteEngine && !('error' in sqliteEngine)) out.push(`SQLite: Reclaim's engine is ${pct(sqliteEngine.eventsPerSecond / engineFloor.eventsPerSecond)} of the floor's rate (${(sqliteEngine.cpuMicrosPerEvent / engineFloor.cpuMicrosPerEvent).toFixed(1)}× its CPU per event)`);
    }
  }
  if (report.risk) out.push(report.risk);
  if (report.rss || report.rssError) {
    out.push('', 'Resident memory, in-process, new people stored on SQLite (after a full GC)');
    if (report.rss) out.push(...table(['conversations', 'RSS', 'heap used', 'seconds'], report.rss.samples.map((s) => [int(s.conversations), `${int(s.rssMb)} MB`, `${int(s.heapUsedMb)} MB`, s.seconds.toFixed(1)])));
    else out.push(`failed: ${report.rssError}`);
  }

  const targets: string[][] = [];
  const sqlite = report.dialects.sqlite;
  const postgres = report.dialects.postgres;
  const ack = sqlite?.ack1;
  const add = (target: string, measured: string | undefined, ok: boolean | undefined) => targets.push([target, measured ?? 'not measured', verdict(measured === undefined ? undefined : ok)]);
  add('ack ≥ 50 % of the floor, SQLite, 1 event/person', ack && pct(ack.reclaim.eventsPerSecond / ack.floor.eventsPerSecond), ack && ack.reclaim.eventsPerSecond >= 0.5 * ack.floor.eventsPerSecond);
  add(`ack p99 ≤ 15 ms at c=${report.connections}, SQLite`, ack && ms(ack.reclaim.p99Ms), ack && ack.reclaim.p99Ms <= 15);
  // Beside each end-to-end peak, the floor's: a target above the floor cannot be met on this machine by any server.
  const addPeak = (name: string, side: DialectFigures | undefined, target: number) => {
    const peak = side?.e2ePeak;
    const floor = side?.e2eFloor;
    const beside = floor ? ` (floor ${int(floor.eventsPerSecond)}/s${floor.eventsPerSecond < target ? ': the target is above the floor on this machine' : ''})` : '';
    add(`end to end ≥ ${int(target)} events/s, ${name}`, peak && `${int(peak.eventsPerSecond)}/s${beside}`, peak && peak.eventsPerSecond >= target);
  };
  addPeak('SQLite', sqlite, 3000);
  addPeak('PostgreSQL', postgres, 1500);
  // A fixed rate chosen by hand (BENCH_E2E_RATE) is not half of a peak: no verdict from it.
  const half = (side: DialectFigures | undefined) => (side?.e2ePeak ? side.e2eHalf : undefined);
  const sqliteHalf = half(sqlite);
  const postgresHalf = half(postgres);
  add('end to end p99 ≤ 250 ms at half of peak, SQLite', sqliteHalf && ms(sqliteHalf.p99Ms), sqliteHalf && sqliteHalf.p99Ms <= 250 && sqliteHalf.delivered === sqliteHalf.sent);
  add('end to end p99 ≤ 250 ms at half of peak, PostgreSQL', postgresHalf && ms(postgresHalf.p99Ms), postgresHalf && postgresHalf.p99Ms <= 250 && postgresHalf.delivered === postgresHalf.sent);
  const engineSqlite = report.engine?.sqlite;
  const engineFigures = engineSqlite && !('error' in engineSqlite) ? engineSqlite : undefined;
  add('engine alone ≥ 6,000 events/s, SQLite', engineFigures && `${int(engineFigures.eventsPerSecond)}/s${engineFloor ? ` (floor ${int(engineFloor.eventsPerSecond)}/s)` : ''}`, engineFigures && engineFigures.eventsPerSecond >= 6000);
  add('snapshot ≤ 1 KB (largest, after the whole intake)', engineFigures && `${int(engineFigures.snapshotMaxBytes)} B`, engineFigures && engineFigures.snapshotMaxBytes <= 1024);
  const flat = report.rss && rssFlatness(report.rss);
  add(`memory flat over ${int(report.rss?.target ?? 100_000)} conversations (RSS, heap ≤ +${pct(FLAT_GROWTH)})`, flat?.text, flat?.flat);
  out.push('', 'Targets');
  out.push(...table(['target', 'measured', 'met'], targets));
  for (const line of out) print(line);
}
