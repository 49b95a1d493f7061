// The engine's floor: the least a durable conversation engine does per event on the same store and flow.
//
// Each event: its dedupe key claimed, the conversation's stored snapshot read, Reclaim's own intake
// flow restored, stepped and persisted through XState (src/engine/flow-runner.ts), the snapshot
// written back and one reply queued, 16 people's events in one transaction (Reclaim's engine
// shares a commit among the events waiting for it the same way). It runs on better-sqlite3 with
// Reclaim's pragmas and prepared statements, without Kysely, text understanding, risk detection,
// rendering, transcripts or timers: what is left of Reclaim's per-event cost above this is its own.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { FLOW_VERSION, type FlowEvent } from '../flows/intake';
import { persistFlow, restoreFlow, runFlow, startingSnapshot } from '../src/engine/flow-runner';

const CHOICES = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];
const AT_ONCE = 16;

/** Figures from one run of the floor. */
export interface EngineFloorFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  cpuMicrosPerEvent: number;
}

/** Walks `users` people through the intake (7 events each), AT_ONCE people per transaction; `warm` people first, unmeasured. */
export function measureEngineFloor(users = 1000, warm = 300): EngineFloorFigures {
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-bench-engine-floor-'));
  const file = new SqliteDatabase(join(dir, 'floor.db'));
  try {
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
    file.pragma('wal_autocheckpoint = 10000');
    file.pragma('temp_store = MEMORY');
    file.exec(`
      create table processed (key text primary key, at integer not null) without rowid;
      create table conversations (person text primary key, snapshot text not null, flow_version integer not null, updated_at integer not null) without rowid;
      create table outbox (id integer primary key autoincrement, person text not null, message text not null, created_at integer not null);`);
    const claim = file.prepare('insert into processed (key, at) values (?, ?) on conflict (key) do nothing returning key');
    const read = file.prepare('select snapshot, flow_version from conversations where person = ?');
    const save = file.prepare('insert into conversations (person, snapshot, flow_version, updated_at) values (?, ?, ?, ?) on conflict (person) do update set snapshot = excluded.snapshot, updated_at = excluded.updated_at');
    const queue = file.prepare('insert into outbox (person, message, created_at) values (?, ?, ?)');
    const reply = JSON.stringify({ text: 'สวัสดีนะ เราอยู่ตรงนี้ ค่อย ๆ ไปด้วยกันนะ', buttons: [{ id: 'role:self', label: 'เรื่องของฉันเอง' }] });

    const handle = (person: string, stepIndex: number, key: string, at: number) => {
      if (!claim.get(key, at)) return;
      const row = read.get(person) as { snapshot: string; flow_version: number } | undefined;
      const stored = row ?? { snapshot: startingSnapshot({ locale: 'th', hint: 'th' }), flow_version: FLOW_VERSION };
      const event: FlowEvent = stepIndex === 0 ? { type: 'TEXT', at } : { type: 'CHOICE', id: CHOICES[stepIndex - 1]!, at };
      const [next] = runFlow(restoreFlow({ snapshot: stored.snapshot, flow_version: stored.flow_version, locale: 'th' }), event);
      save.run(person, persistFlow(next) ?? stored.snapshot, FLOW_VERSION, at);
      queue.run(person, reply, at);
    };
    const group = file.transaction((people: number[], stepIndex: number, at: number) => {
      for (const p of people) handle(`floor-${p}`, stepIndex, `floor:${p}:${stepIndex}`, at);
    });
    const run = (first: number, count: number) => {
      let events = 0;
      for (let g = first; g < first + count; g += AT_ONCE) {
        const people = Array.from({ length: Math.min(AT_ONCE, first + count - g) }, (_, i) => g + i);
        for (let s = 0; s <= CHOICES.length; s++) {
          group(people, s, 1_700_000_000_000 + s);
          events += people.length;
        }
      }
      return events;
    };
    run(users, warm);
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const events = run(0, users);
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { events, seconds, eventsPerSecond: events / seconds, cpuMicrosPerEvent: (cpu.user + cpu.system) / events };
  } finally {
    file.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`BENCH_RESULT ${JSON.stringify(measureEngineFloor(Number(process.env.BENCH_USERS ?? 1000)))}`);
}
