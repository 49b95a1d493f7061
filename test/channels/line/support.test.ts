// The LINE adapter's small parts: error classification, Retry-After, the expiring cache, abortable SDK calls.

import { describe, expect, it } from 'vitest';
import { HTTPFetchError } from '@line/bot-sdk';
import { NetworkError, PlatformError } from '../../../src/core/errors';
import { abortable } from '../../../src/channels/line/abortable';
import { classifyLineError, isInvalidReplyToken, retryAfterSeconds } from '../../../src/channels/line/errors';
import { createTtlCache } from '../../../src/channels/line/ttl-cache';

const httpError = (status: number, message: string, headers: Record<string, string> = {}) =>
  new HTTPFetchError(`${status} - x`, { status, statusText: 'x', headers: new Headers(headers), body: JSON.stringify({ message }) });

describe('classifyLineError', () => {
  it('keeps LINE’s message as the code and marks what may be retried', () => {
    const bad = classifyLineError(httpError(400, 'Invalid reply token'), 'reply') as PlatformError;
    expect([bad.status, bad.details.code, bad.retryable, isInvalidReplyToken(bad)]).toEqual([400, 'Invalid reply token', false, true]);
    const down = classifyLineError(httpError(502, 'Bad gateway'), 'push') as PlatformError;
    expect([down.status, down.retryable, isInvalidReplyToken(down)]).toEqual([502, true, false]);
  });

  it('turns a refused connection and a timeout into NetworkError with the cause', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(classifyLineError(refused, 'push')).toBeInstanceOf(NetworkError);
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const classified = classifyLineError(timeout, 'push');
    expect(classified).toBeInstanceOf(NetworkError);
    expect(classified.cause).toBe(timeout);
  });

  it('leaves other errors alone', () => {
    const bug = new RangeError('bug');
    expect(classifyLineError(bug, 'push')).toBe(bug);
  });
});

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '12' }))).toBe(12);
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 10:00:30 GMT' }), now)).toBe(30);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });
});

describe('createTtlCache', () => {
  it('forgets an entry after its time', () => {
    let now = 0;
    const cache = createTtlCache<string, number>({ max: 10, ttlMs: 100, now: () => now });
    cache.set('a', 1);
    now = 99;
    expect(cache.get('a')).toBe(1);
    now = 100;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry when full', () => {
    const cache = createTtlCache<string, number>({ max: 2, ttlMs: 1_000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
  });
});

describe('abortable', () => {
  it('settles with the call when the signal stays quiet', async () => {
    await expect(abortable(async () => 42, new AbortController().signal)).resolves.toBe(42);
  });

  it('rejects with the signal’s reason when it aborts first, and does not start when already aborted', async () => {
    const controller = new AbortController();
    const pending = abortable(() => new Promise(() => {}), controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    let started = false;
    await expect(abortable(async () => (started = true), controller.signal)).rejects.toThrow('stop');
    expect(started).toBe(false);
  });
});
