// Committing events in batches: on a single-writer store, events that arrive during a commit share the next one.

import type { EngineStore, EngineTx } from '../core/engine-store';

/** Most events one transaction carries. */
export const MAX_BATCH = 64;

/** An item of a batch run straight through failed: the batch is rolled back and run again item by item. */
class ItemFailed extends Error {
  override name = 'ItemFailed';
}

/** Runs work items, each in a transaction of its own or several to one transaction. */
export interface Committer<I, R> {
  /** Resolves once the transaction holding the item committed; rejects if the item failed (alone) or the commit did. */
  submit(item: I): Promise<R>;
}

/**
 * SQLite has one writer, and a commit costs more than the event itself. Items that arrive while
 * a commit is under way are processed together in the next transaction: a failing item rolls
 * back alone (see runBatch), and every caller is answered only after the commit that holds its
 * item (group commit). PostgreSQL runs items side by side, one transaction each.
 */
export function createCommitter<I, R>(store: EngineStore, work: (tx: EngineTx, item: I) => Promise<R>, onCommitted: (result: R) => void): Committer<I, R> {
  type Pending = { item: I; resolve: (r: R) => void; reject: (e: unknown) => void };
  const pending: Pending[] = [];
  let writing = false;

  /**
   * Runs a batch in one transaction. Straight through first (a savepoint costs two statements per
   * item, and items rarely fail): if one fails, nothing of the batch is kept and it runs again with
   * each item in its own savepoint, so that item alone is rolled back and rejected.
   */
  async function runBatch(batch: Pending[], isolated: boolean): Promise<{ entry: Pending; result: R }[]> {
    const done: { entry: Pending; result: R }[] = [];
    await store.transaction(async (tx) => {
      for (const entry of batch) {
        if (!isolated) {
          try {
            done.push({ entry, result: await work(tx, entry.item) });
          } catch (error) {
            throw batch.length === 1 ? error : new ItemFailed();
          }
          continue;
        }
        try {
          done.push({ entry, result: await tx.savepoint(() => work(tx, entry.item)) });
        } catch (error) {
          entry.reject(error);
        }
      }
    });
    return done;
  }

  /** Straight through, and only if an item failed, again item by item. */
  async function commitBatch(batch: Pending[]): Promise<{ entry: Pending; result: R }[]> {
    try {
      return await runBatch(batch, false);
    } catch (error) {
      if (!(error instanceof ItemFailed)) throw error;
      return runBatch(batch, true);
    }
  }

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
        let done: { entry: Pending; result: R }[];
        try {
          done = await commitBatch(batch);
        } catch (error) {
          // A lone item's own failure, or a failed commit: nothing of the batch is kept.
          for (const entry of batch) entry.reject(error);
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
