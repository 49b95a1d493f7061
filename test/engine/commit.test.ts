// Group commit on a single-writer store: events submitted together share a transaction, a failing one rolls back alone.

import { describe, expect, it } from 'vitest';
import { createCommitter } from '../../src/engine/commit';
import { memoryEngineStore } from '../../src/store/memory-engine-store';
import type { EngineStore } from '../../src/core/engine-store';

/** The in-memory store, counting its transactions. */
function countingStore(): { store: EngineStore; transactions: () => number } {
  const inner = memoryEngineStore();
  let transactions = 0;
  return {
    store: {
      singleWriter: true,
      transaction(work) {
        transactions++;
        return inner.transaction(work);
      },
    },
    transactions: () => transactions,
  };
}

describe('the committer on a single-writer store', () => {
  it('gives callers that each submit again when answered one transaction per round, not one alone and one for the rest', async () => {
    const { store, transactions } = countingStore();
    const committed: number[] = [];
    const committer = createCommitter(store, async (tx, item: number) => {
      await tx.claimKey(`item:${item}`, 0);
      return item;
    }, (result) => committed.push(result));
    const callers = 16;
    const rounds = 5;
    await Promise.all(
      Array.from({ length: callers }, async (_, c) => {
        for (let r = 0; r < rounds; r++) expect(await committer.submit(c * rounds + r)).toBe(c * rounds + r);
      }),
    );
    expect(committed).toHaveLength(callers * rounds);
    expect(transactions()).toBe(rounds);
  });

  it('rolls back a failing item alone and answers every other item of its transaction', async () => {
    const { store, transactions } = countingStore();
    const committer = createCommitter(store, async (tx, item: number) => {
      await tx.claimKey(`item:${item}`, 0);
      if (item === 2) throw new Error('item 2 fails');
      return item;
    }, () => {});
    const outcomes = await Promise.allSettled([1, 2, 3].map((item) => committer.submit(item)));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([1, 'item 2 fails', 3]);
    // Straight through first, rolled back when item 2 failed, then each in a savepoint of its own.
    expect(transactions()).toBe(2);
    // Alone, an item fails with its own error, once.
    await expect(committer.submit(2)).rejects.toThrow('item 2 fails');
    expect(transactions()).toBe(3);
    // Item 2's claim was undone with it: submitted again, it is fresh.
    const again = createCommitter(store, async (tx, item: number) => tx.claimKey(`item:${item}`, 0), () => {});
    expect(await Promise.all([1, 2, 3].map((item) => again.submit(item)))).toEqual([false, true, false]);
  });
});
