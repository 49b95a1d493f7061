// Outbound pacing per channel, shared by every instance: one token bucket row per channel, taken atomically, several tokens at a time for a fast channel.

import { CompiledQuery } from 'kysely';
import type { Store } from '../store/database';

/**
 * Why one shared bucket row rather than a per-instance share (the rate divided by the number of
 * live instances, counted in a heartbeat table): the row keeps a platform's limit exact however
 * many instances run and whatever each one is sending, while shares waste the quiet instances'
 * part and go wrong for a heartbeat interval whenever an instance starts or dies.
 *
 * Taking one token per send cost a committed update of that one row per message, and every
 * instance's sends queued on its lock. A send now takes as many tokens as this instance has
 * sends waiting for the channel, up to a twentieth of a second's worth (LINE: 50, Messenger: 12,
 * Telegram: 1), and spends the rest locally within 50 ms; tokens not spent by then are dropped,
 * never carried over. Every token still comes out of the one shared bucket, so the instances
 * together never exceed the platform's rate; at most a twentieth of a second's worth is sent up
 * to 50 ms later than it was granted.
 */
export interface Pacer {
  /** Takes one token for `channel` if there is one (bucket of `rate` tokens, refilled at `rate` a second); never waits. */
  tryTake(channel: string, rate: number): Promise<boolean>;
  /** Waits until a token for `channel` is free, then takes it. */
  take(channel: string, rate: number): Promise<void>;
}

/** How long tokens granted together may wait here to be spent. */
export const GRANT_SPEND_MS = 50;

/** Most tokens one take asks for: a twentieth of a second of the channel's rate, at least one. */
export function grantCeiling(rate: number): number {
  return Math.max(1, Math.min(64, Math.floor(rate / 20)));
}

type GrantParam = 'channel' | 'rate' | 'now' | 'want';

/**
 * What the bucket holds now is what it held plus what flowed in since, up to one second's worth;
 * a take gets `min(want, whole tokens held)` if at least one is there. SET expressions read the row
 * as it was, in both dialects. Returns the text and the order its placeholders take the values in.
 */
function grantStatement(dialect: Store['dialect']): { text: string; order: GrantParam[] } {
  const pg = dialect === 'postgres';
  const order: GrantParam[] = [];
  const p = (name: GrantParam) => (order.push(name), pg ? `$${order.length}` : '?');
  const [least, greatest, whole] = pg ? ['least', 'greatest', 'trunc'] : ['min', 'max', ''];
  const r = () => `cast(${p('rate')} as ${pg ? 'double precision' : 'real'})`;
  const t = () => `cast(${p('now')} as ${pg ? 'bigint' : 'integer'})`;
  const want = () => `cast(${p('want')} as integer)`;
  const refilled = () => `${least}(${r()}, outbound_pacing.tokens + ${greatest}(0, ${t()} - outbound_pacing.updated_at) * ${r()} / 1000.0)`;
  const first = () => `${least}(${want()}, cast(${whole}(${r()}) as integer))`;
  const grant = () => `${least}(${want()}, cast(${whole}(${refilled()}) as integer))`;
  // Placeholders are numbered in the order they are written, so the text is assembled left to right.
  let text = `insert into outbound_pacing (channel, tokens, updated_at, granted) values (${p('channel')}, ${r()} - ${first()}, ${t()}, ${first()}) `;
  text += `on conflict (channel) do update set tokens = ${refilled()} - ${grant()}, updated_at = ${greatest}(outbound_pacing.updated_at, ${t()}), granted = ${grant()} `;
  text += `where ${refilled()} >= 1 returning granted`;
  return { text, order };
}

export function createSharedPacer(store: Store, now: () => number = Date.now): Pacer {
  const { text, order } = grantStatement(store.dialect);
  /** Tokens granted here and not spent yet, per channel, and until when they may be. */
  const held = new Map<string, { tokens: number; until: number }>();
  /** Sends waiting for a token, per channel: how many to ask for at once. */
  const waiting = new Map<string, number>();
  /** The take under way per channel: the others wait for it rather than race it to the row. */
  const asking = new Map<string, Promise<number>>();
  /** While a channel's bucket is empty, one shared wait for it to refill: its sends ask again together, not each on its own clock. */
  const refilling = new Map<string, Promise<void>>();

  function refilled(channel: string, rate: number): Promise<void> {
    let wait = refilling.get(channel);
    if (!wait) {
      // Long enough for one whole take to flow in (for a slow channel, one token).
      const ms = Math.max(1, Math.ceil((1000 * grantCeiling(rate)) / rate));
      wait = new Promise<void>((resolve) => setTimeout(resolve, ms)).finally(() => refilling.delete(channel));
      refilling.set(channel, wait);
    }
    return wait;
  }

  async function grant(channel: string, rate: number, want: number): Promise<number> {
    const values: Record<GrantParam, unknown> = { channel, rate, now: now(), want };
    const result = await store.db.executeQuery<{ granted: number }>(CompiledQuery.raw(text, order.map((name) => values[name])));
    return Number(result.rows[0]?.granted ?? 0);
  }

  function spend(channel: string): boolean {
    const mine = held.get(channel);
    if (!mine || mine.tokens <= 0 || now() > mine.until) return false;
    mine.tokens--;
    return true;
  }

  /** Asks the shared bucket once (or joins the ask under way); true when a token was ours. */
  async function ask(channel: string, rate: number): Promise<boolean> {
    const under = asking.get(channel);
    if (under) {
      await under.catch(() => 0);
      return spend(channel);
    }
    // Decided a moment later, so that sends queued in the same turn are counted in one take.
    const pending = Promise.resolve().then(() => grant(channel, rate, Math.min(grantCeiling(rate), Math.max(1, waiting.get(channel) ?? 1))));
    asking.set(channel, pending);
    try {
      const granted = await pending;
      if (granted <= 0) return false;
      // One for this send, the rest for the sends waiting behind it.
      held.set(channel, { tokens: granted - 1, until: now() + GRANT_SPEND_MS });
      return true;
    } finally {
      asking.delete(channel);
    }
  }

  return {
    async tryTake(channel, rate) {
      return spend(channel) || (await ask(channel, rate));
    },
    async take(channel, rate) {
      waiting.set(channel, (waiting.get(channel) ?? 0) + 1);
      try {
        while (!(spend(channel) || (await ask(channel, rate)))) {
          // Another take may have been granted more than it needed meanwhile.
          if (asking.has(channel)) continue;
          await refilled(channel, rate);
        }
      } finally {
        waiting.set(channel, (waiting.get(channel) ?? 1) - 1);
      }
    },
  };
}
