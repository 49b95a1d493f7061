// Sign-in limits under attack: raced guesses, forged X-Forwarded-For, lockouts imposed from elsewhere, log floods.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createLogger } from '../../src/core/logger';
import { clientIp } from '../../src/staff/http-utils';
import { addressBucket } from '../../src/staff/rate-limit';
import { PASSWORD, startHarness, type Harness } from './harness';

/** The documented limits: 5 failures per account and address, 20 per address, in 15 minutes. */
const PER_ACCOUNT_ADDRESS = 5;
const PER_ADDRESS = 20;
const WINDOW_MS = 15 * 60_000;

/** What our one trusted proxy sends: whatever the client claimed, then the address it saw. */
const via = (seen: string, claimed?: string) => ({ 'x-forwarded-for': claimed ? `${claimed}, ${seen}` : seen });

function tally(statuses: number[]) {
  return { ok: statuses.filter((s) => s === 200).length, refused: statuses.filter((s) => s === 401).length, limited: statuses.filter((s) => s === 429).length };
}

describe('staff sign-in limits', () => {
  let h: Harness;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    h = await startHarness('sqlite', { trustProxy: true, logger });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('checks at most the limit of 60 concurrent wrong passwords, and the real person still signs in from their own address', async () => {
    const attacker = via('198.51.100.66');
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => h.login(h.accounts.supervisor.email, `wrong guess number ${i}`, attacker).then((r) => r.status)));
    const counts = tally(statuses);
    expect(counts.refused).toBeLessThanOrEqual(PER_ACCOUNT_ADDRESS);
    expect(counts.limited).toBe(60 - counts.refused);
    // The attacker's own guesses stay refused, the right password included…
    expect((await h.login(h.accounts.supervisor.email, PASSWORD, attacker)).status).toBe(429);
    // …while the supervisor, at their desk, is not locked out by someone else's guessing.
    expect((await h.login(h.accounts.supervisor.email, PASSWORD, via('192.0.2.10'))).status).toBe(200);
  });

  it('does not let a rotating X-Forwarded-For escape the per-address limit behind a trusted proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_ADDRESS + 10; i++) {
      statuses.push((await h.login(`spray${i}@helpline.test`, 'guess guess guess', via('198.51.100.77', `203.0.113.${i}`))).status);
    }
    expect(tally(statuses)).toEqual({ ok: 0, refused: PER_ADDRESS, limited: 10 });
    // Someone else behind the same proxy is a different address.
    expect((await h.login(h.accounts.agent.email, PASSWORD, via('192.0.2.11', '203.0.113.1'))).status).toBe(200);
  });

  it('counts every address of one IPv6 /64 as one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_ADDRESS + 5; i++) {
      statuses.push((await h.login(`v6spray${i}@helpline.test`, 'guess guess guess', via(`2001:db8:1:2::${(i + 1).toString(16)}`))).status);
    }
    expect(tally(statuses)).toEqual({ ok: 0, refused: PER_ADDRESS, limited: 5 });
    expect((await h.login(h.accounts.agent.email, PASSWORD, via('2001:db8:1:3::1'))).status).toBe(200);
  });

  it('logs the first refusal of a flood, then a count, not one line per refused login', async () => {
    h.clock.now += WINDOW_MS + 1;
    lines.length = 0;
    const flood = via('198.51.100.88');
    const first = await Promise.all(Array.from({ length: 40 }, (_, i) => h.login(`flood${i}@helpline.test`, 'guess guess guess', flood).then((r) => r.status)));
    expect(tally(first).limited).toBe(40 - PER_ADDRESS);
    const limitedLines = () => lines.filter((l) => l.msg === 'staff login rate-limited');
    expect(limitedLines()).toHaveLength(1);
    expect(limitedLines()[0]).toMatchObject({ ip: '198.51.100.88' });

    // The next window's first refusal says how many went unlogged before it.
    h.clock.now += WINDOW_MS + 1;
    await Promise.all(Array.from({ length: PER_ADDRESS + 1 }, (_, i) => h.login(`again${i}@helpline.test`, 'guess guess guess', flood)));
    expect(limitedLines()).toHaveLength(2);
    expect(limitedLines()[1]).toMatchObject({ ip: '198.51.100.88', unlogged: 40 - PER_ADDRESS - 1 });
    // No line carries what was typed.
    expect(JSON.stringify(lines)).not.toContain('guess guess guess');
  });
});

describe('the unit an address is limited by', () => {
  it('is the IPv4 address itself, or the /64 of an IPv6 one', () => {
    expect(addressBucket('198.51.100.1')).toBe('198.51.100.1');
    expect(addressBucket('::ffff:198.51.100.1')).toBe('198.51.100.1');
    expect(addressBucket('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBucket('local')).toBe('local');
    expect(addressBucket('not:an:address')).toBe('not:an:address');
  });
});

describe('the client address behind proxies', () => {
  const app = (trust: boolean, hops?: number) => {
    const a = new Hono();
    a.get('/ip', (c) => c.text(hops === undefined ? clientIp(c, trust) : clientIp(c, trust, hops)));
    return a;
  };
  const ip = async (trust: boolean, forwarded: string | undefined, hops?: number) =>
    (await app(trust, hops).request('/ip', { headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } })).text();

  it('takes the right-most hop our proxy appended, not the client-supplied first one', async () => {
    expect(await ip(true, '203.0.113.9, 198.51.100.1')).toBe('198.51.100.1');
    expect(await ip(true, '198.51.100.1')).toBe('198.51.100.1');
  });

  it('counts back over the configured number of trusted proxies', async () => {
    expect(await ip(true, '203.0.113.9, 198.51.100.1, 10.0.0.2', 2)).toBe('198.51.100.1');
    // Fewer hops than proxies configured: the farthest one there is.
    expect(await ip(true, '198.51.100.1', 3)).toBe('198.51.100.1');
  });

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    expect(await ip(false, '203.0.113.9')).toBe('local');
    expect(await ip(true, undefined)).toBe('local');
  });
});
