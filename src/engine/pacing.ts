// Outbound pacing per channel, shared by every instance: one token bucket row per channel, taken atomically.

import { sql } from 'kysely';
import type { Store } from '../store/database';

/**
 * Why one shared bucket row rather than a per-instance share (the rate divided by the number of
 * live instances, counted in a heartbeat table): the row keeps a platform's limit exact however
 * many instances run and whatever each one is sending, while shares waste the quiet instances'
 * part and go wrong for a heartbeat interval whenever an instance starts or dies. The cost is one
 * single-row upsert per send, small beside the HTTPS call it paces.
 */
export interface Pacer {
  /** Takes one token for `channel` if there is one (bucket of `rate` tokens, refilled at `rate` a second); never waits. */
  tryTake(channel: string, rate: number): Promise<boolean>;
  /** Waits until a token for `channel` is free, then takes it. */
  take(channel: string, rate: number): Promise<void>;
}

export function createSharedPacer(store: Store, now: () => number = Date.now): Pacer {
  const db = store.db;
  const [least, greatest] = store.dialect === 'postgres' ? [sql.raw('least'), sql.raw('greatest')] : [sql.raw('min'), sql.raw('max')];

  async function tryTake(channel: string, rate: number): Promise<boolean> {
    const at = now();
    const r = sql`cast(${rate} as double precision)`;
    const t = sql`cast(${at} as bigint)`;
    // What the bucket holds now: what it held, plus what flowed in since, up to one second's worth.
    const refilled = sql`${least}(${r}, outbound_pacing.tokens + ${greatest}(0, ${t} - outbound_pacing.updated_at) * ${r} / 1000.0)`;
    const result = await sql<{ tokens: number }>`
      insert into outbound_pacing (channel, tokens, updated_at) values (${channel}, ${r} - 1, ${t})
      on conflict (channel) do update set tokens = ${refilled} - 1, updated_at = ${greatest}(outbound_pacing.updated_at, ${t})
      where ${refilled} >= 1
      returning tokens`.execute(db);
    return result.rows.length > 0;
  }

  return {
    tryTake,
    async take(channel, rate) {
      while (!(await tryTake(channel, rate))) await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(1000 / rate))));
    },
  };
}
