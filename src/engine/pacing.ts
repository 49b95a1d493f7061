// Outbound pacing per channel, shared by every instance: one token bucket row per channel, taken atomically.

import { sql } from 'kysely';
import type { Store } from '../store/database';

/**
 * Why one shared bucket row rather than a per-instance share (the rate divided by the number of
 * live instances, counted in a heartbeat table): the row keeps a platform's limit exact however
 * many instances run and whatever each one is sending, while shares waste the quiet instances'
 * part and go wrong for a heartbeat interval whenever an instance starts or dies. The cost is one
 * single-row upsert per take, small beside the HTTPS call it paces; a busy worker takes a few
 * tokens at once (`take(…, count)`) so that the upsert is not paid per message.
 */
export interface Pacer {
  /** Takes `count` tokens for `channel` if the bucket holds them (bucket of `rate` tokens, refilled at `rate` a second); never waits. */
  tryTake(channel: string, rate: number, count?: number): Promise<boolean>;
  /**
   * Waits until a token for `channel` is free, then takes it; with `count` > 1, takes that many
   * at once when the bucket holds them. Resolves with the number taken (`count` or 1).
   */
  take(channel: string, rate: number, count?: number): Promise<number>;
}

export function createSharedPacer(store: Store, now: () => number = Date.now): Pacer {
  const db = store.db;
  const [least, greatest] = store.dialect === 'postgres' ? [sql.raw('least'), sql.raw('greatest')] : [sql.raw('min'), sql.raw('max')];

  async function tryTake(channel: string, rate: number, count = 1): Promise<boolean> {
    const at = now();
    const r = sql`cast(${rate} as double precision)`;
    const n = sql`cast(${count} as double precision)`;
    const t = sql`cast(${at} as bigint)`;
    // What the bucket holds now: what it held, plus what flowed in since, up to one second's worth.
    const refilled = sql`${least}(${r}, outbound_pacing.tokens + ${greatest}(0, ${t} - outbound_pacing.updated_at) * ${r} / 1000.0)`;
    const result = await sql<{ tokens: number }>`
      insert into outbound_pacing (channel, tokens, updated_at) values (${channel}, ${r} - ${n}, ${t})
      on conflict (channel) do update set tokens = ${refilled} - ${n}, updated_at = ${greatest}(outbound_pacing.updated_at, ${t})
      where ${refilled} >= ${n}
      returning tokens`.execute(db);
    return result.rows.length > 0;
  }

  return {
    tryTake,
    async take(channel, rate, count = 1) {
      // Never more than the bucket can hold, or the many would wait forever.
      if (count > 1 && count <= rate && (await tryTake(channel, rate, count))) return count;
      while (!(await tryTake(channel, rate))) await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(1000 / rate))));
      return 1;
    },
  };
}
