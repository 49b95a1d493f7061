// Committing events in batches: on a single-writer store, events that arrive during a commit share the next one.

import type { EngineStore, EngineTx } from '../core/engine-store';

/** Most events one transaction carries. */
export const MAX_BATCH = 64;

/** Runs work items, each in a transaction of its own or several to one transaction. */
export interface Committer<I, R> {
  /** Resolves once the transaction holding the item committed; rejects if the item failed (alone) or the commit did. */
  submit(item: I): Promise<R>;
}

/**
 * SQLite has one writer, and a commit costs more than the event itself. Items that arrive while
 * a commit is under way are processed together in the next transaction, each inside its own
 * savepoint: a failing item rolls back alone, and every caller is answered only after the commit
 * that holds its item (group commit). PostgreSQL runs items side by side, one transaction each.
 */
export function createCommitter<I, R>(store: EngineStore, work: (tx: EngineTx, item: I) => Promise<R>, onCommitted: (result: R) => void): Committer<I, R> {
  const pending: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let writing = false;

  async function writeBatches() {
    writing = true;
    try {
      // Items submitted in this turn of the event loop share the first transaction. Taken at once,
      // the first of them went alone while the rest waited for its commit: callers that each
      // submit again when answered kept alternating between a transaction of one and one of all
      // the others (16 callers: 7.9 events a commit, 16 after waiting the turn).
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (pending.length > 0) {
        const batch = pending.splice(0, MAX_BATCH);
        const done: { entry: (typeof batch)[number]; result: R }[] = [];
        try {
          await store.transaction(async (tx) => {
            if (batch.length === 1) {
              done.push({ entry: batch[0]!, result: await work(tx, batch[0]!.item) });
              return;
            }
            for (const entry of batch) {
              try {
                done.push({ entry, result: await tx.savepoint(() => work(tx, entry.item)) });
              } catch (error) {
                entry.reject(error);
              }
            }
          });
        } catch (error) {
          // A lone item's own failure, or a failed commit: nothing of the batch is kept.
          for (const entry of batch.length === 1 ? batch : done.map((d) => d.entry)) entry.reject(error);
          continue;
        }
        for (const { entry, result } of done) {
          onCommitted(result);
          entry.resolve(result);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    async submit(item) {
      if (!store.singleWriter) {
        const result = await store.transaction((tx) => work(tx, item));
        onCommitted(result);
        return result;
      }
      return new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (!writing) void writeBatches();
      });
    },
  };
}
