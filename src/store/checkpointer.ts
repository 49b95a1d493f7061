// Checkpoints the SQLite write-ahead log from a thread of its own, so that no commit on the main thread pays for one.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Why a thread: SQLite checkpoints inside whichever commit crosses `wal_autocheckpoint`, and that
 * commit copies the whole log into the database file and syncs it. Measured in the engine bench on
 * this 2-core machine, 14 such commits (>5 ms each, up to 87 ms) took half of all commit time, and
 * every webhook behind them waited. A PASSIVE checkpoint from a second connection takes no lock a
 * writer needs, so the main thread only appends to the log.
 *
 * The log is restarted (its space reused) only when a checkpoint has caught up and no writer is
 * mid-transaction, which a steady stream of webhooks rarely leaves; once the log is past
 * `restartPages` the thread asks for a RESTART checkpoint, which waits briefly for the writer and
 * holds it back only while the last frames are copied.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 0');
let timer;
function tick() {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.log >= workerData.restartPages && r.checkpointed === r.log) {
      db.pragma('busy_timeout = ' + workerData.restartWaitMs);
      try { db.pragma('wal_checkpoint(RESTART)'); } finally { db.pragma('busy_timeout = 0'); }
    }
  } catch (error) {
    // SQLITE_BUSY: another checkpoint or a long writer; the next tick tries again.
    if (!error || error.code !== 'SQLITE_BUSY') parentPort.postMessage({ failed: String(error && (error.code || error.message)) });
  }
  timer = setTimeout(tick, workerData.intervalMs);
}
parentPort.on('message', () => {
  clearTimeout(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.postMessage({ stopped: true });
});
tick();
`;

export interface Checkpointer {
  /** Runs a last checkpoint and closes the thread's connection. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  intervalMs?: number;
  /** Log size (pages) past which a RESTART is asked for; default 16,384 (64 MB with 4 KB pages). */
  restartPages?: number;
  restartWaitMs?: number;
  /** Told when the thread cannot checkpoint (error codes only); the caller falls back to SQLite's own. */
  onFailure?: (reason: string) => void;
}

/** Starts checkpointing the database at `path` (a file in WAL mode) every `intervalMs`. */
export function startCheckpointer(path: string, options: CheckpointerOptions = {}): Checkpointer {
  const require = createRequire(import.meta.url);
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      module: require.resolve('better-sqlite3'),
      path,
      intervalMs: options.intervalMs ?? 250,
      restartPages: options.restartPages ?? 16_384,
      restartWaitMs: options.restartWaitMs ?? 100,
    },
  });
  // A checkpointer never keeps the process alive by itself.
  worker.unref();
  let failed = false;
  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    options.onFailure?.(reason);
  };
  worker.on('message', (m: { failed?: string }) => {
    if (m.failed) fail(m.failed);
  });
  worker.on('error', (error) => fail(error.message));
  return {
    async stop() {
      if (failed) {
        await worker.terminate();
        return;
      }
      const stopped = new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.on('message', (m: { stopped?: boolean }) => {
          if (m.stopped) void worker.terminate().then(() => resolve());
        });
      });
      worker.postMessage('stop');
      await stopped;
    },
  };
}
