// The staff layer's security primitives and rules, as pure functions: passwords, CSRF, rate limits, masking, holding.

import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../src/staff/passwords';
import { csrfTokenFor, verifyCsrf } from '../../src/staff/csrf';
import { createRateLimiter } from '../../src/staff/rate-limit';
import { maskUserId } from '../../src/staff/mask';
import { refuse } from '../../src/staff/policy';
import { atLeast } from '../../src/staff/roles';
import { compareQueueRows, type QueueRow } from '../../src/staff/queue';

describe('passwords', () => {
  it('hash with scrypt and a random salt, and verify only the right password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
    expect(await verifyPassword('anything', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });
  it('ask for length, not complexity', () => {
    expect(passwordProblem('short')).toMatch(/12/);
    expect(passwordProblem('all lower case words')).toBeNull();
    expect(generatePassword()).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });
});

describe('CSRF tokens', () => {
  it('belong to one session and compare exactly', () => {
    const token = csrfTokenFor('session-a');
    expect(verifyCsrf('session-a', token)).toBe(true);
    expect(verifyCsrf('session-b', token)).toBe(false);
    expect(verifyCsrf('session-a', undefined)).toBe(false);
    expect(verifyCsrf('session-a', token.slice(1))).toBe(false);
  });
});

describe('rate limiter', () => {
  it('allows the limit within a window, then refuses until it resets', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => now });
    expect(limiter.hit('k').allowed).toBe(true);
    expect(limiter.hit('k').allowed).toBe(true);
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(limiter.hit('other').allowed).toBe(true);
    now = 1000;
    expect(limiter.check('k').allowed).toBe(true);
  });
  it('stays bounded in memory', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, maxKeys: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) limiter.hit(key);
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.check('d').allowed).toBe(false);
  });
});

describe('masking', () => {
  it('keeps only the last four characters', () => {
    expect(maskUserId('7100001234')).toBe('••••1234');
    expect(maskUserId('U4af4980629abcdef')).toBe('••••cdef');
    expect(maskUserId('12345')).toBe('••••');
  });
});

describe('roles', () => {
  it('rank agent < supervisor < admin, and an unknown role below all', () => {
    expect(atLeast('admin', 'supervisor')).toBe(true);
    expect(atLeast('supervisor', 'admin')).toBe(false);
    expect(atLeast('agent', 'agent')).toBe(true);
    expect(atLeast('root', 'agent')).toBe(false);
  });
});

describe('holding rules', () => {
  const open = (held_by: string | null) => ({ status: 'open', held_by });
  const agent = { id: 'a', role: 'agent' };
  const supervisor = { id: 's', role: 'supervisor' };
  it.each([
    ['takeover', open(null), agent, null],
    ['takeover', open('a'), agent, 'already_yours'],
    ['takeover', open('b'), agent, 'held_by_other'],
    ['takeover', open('b'), supervisor, null],
    ['takeover', { status: 'closed', held_by: null }, agent, 'closed'],
    ['reply', open(null), agent, 'take_over_first'],
    ['reply', open('a'), agent, null],
    ['reply', open('a'), supervisor, 'take_over_first'],
    ['handback', open(null), agent, 'not_held'],
    ['handback', open('b'), agent, 'held_by_other'],
    ['handback', open('b'), supervisor, null],
    ['close', open(null), agent, null],
    ['close', open('b'), agent, 'held_by_other'],
    ['close', open('b'), supervisor, null],
    ['note', open('b'), agent, null],
    ['flag', open('b'), { id: 'x', role: 'visitor' }, 'forbidden'],
  ] as const)('%s on %j by %j: %s', (action, conversation, actor, code) => {
    expect(refuse({ action, conversation, actor })?.code ?? null).toBe(code);
  });
});

describe('queue order', () => {
  const row = (id: string, flags: QueueRow['flags'], waitingSince: number): QueueRow => ({
    id, channel: 'telegram', user: '••••', locale: 'en', step: 'role', flags, status: 'open', unreachable: false, waitingSince, heldBy: null, updatedAt: 0, demo: false,
  });
  it('ranks urgent, under 13, sextortion, asked for a person, then the longest wait', () => {
    const rows = [row('rest-new', [], 50), row('human', ['human'], 1), row('rest-old', [], 10), row('sext', ['sextortion'], 5), row('u13', ['under13'], 9), row('urgent', ['urgent'], 99)];
    expect(rows.sort(compareQueueRows).map((r) => r.id)).toEqual(['urgent', 'u13', 'sext', 'human', 'rest-old', 'rest-new']);
  });
});
