// Events committed to the inbox on receipt: an event the engine cannot process is skipped and remembered; a store outage still fails the request.

import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/core/events';
import type { Engine } from '../../src/engine/engine';
import { createInbox } from '../../src/engine/inbox';
import { silentLogger } from '../../src/core/logger';
import { createIngest } from '../../src/http/ingest';
import { isStoreUnavailable } from '../../src/store/database';
import { createMetrics } from '../../src/http/metrics';
import { DIALECTS, freshStore } from '../helpers';

const event = (n: number, text = 'hello'): InboundEvent => ({ type: 'inbound', channel: 'line', userId: `U${n}`, dedupeKey: `line:E${n}`, kind: 'text', text, at: Date.now() });

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe.each(DIALECTS)('ingest on %s', (dialect) => {
  it('skips a poison event, logging no content, marks it processed, and handles the events after it', async () => {
    const fresh = await freshStore(dialect);
    cleanup = fresh.cleanup;
    const handled: string[] = [];
    const committed: string[] = [];
    const engine = {
      handleIn: async (_tx: unknown, e: InboundEvent) => {
        if (e.userId === 'U1') throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00 in "secret words"'), { code: '22021' });
        handled.push(e.userId);
        return { duplicate: false, conversationId: e.userId, queued: 0 };
      },
      committed: (result: { conversationId: string }) => void committed.push(result.conversationId),
    } as unknown as Engine;
    const lines: string[] = [];
    const logger = { ...silentLogger, error: (fields: Record<string, unknown>, message: string) => void lines.push(JSON.stringify({ ...fields, message })) };
    const inbox = createInbox({ store: fresh.store, engine, logger, metrics: createMetrics() });
    const ingest = createIngest({ inbox, waitForProcessing: true });

    await ingest([event(0), event(1, 'secret words'), event(2)]);
    // A batch may run straight through first and, meeting the poison event, again event by event: what counts is what was committed.
    expect(handled.slice(-2)).toEqual(['U0', 'U2']);
    expect(committed).toEqual(['U0', 'U2']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('22021');
    expect(lines[0]).not.toContain('secret');
    expect(lines[0]).not.toContain('U1');
    const keys = await fresh.store.db.selectFrom('processed_events').select('key').execute();
    expect(keys).toHaveLength(1);
    // Nothing of the events stays in the inbox, the skipped one included.
    expect(await fresh.store.db.selectFrom('inbox').selectAll().execute()).toEqual([]);
  });

  it('lets a store outage through, so the webhook answers 503 and the platform redelivers', async () => {
    const fresh = await freshStore(dialect);
    cleanup = fresh.cleanup;
    const outage = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    // The inbox cannot be written: the connection went away (whether the insert is built or given as text).
    const db = new Proxy(fresh.store.db, { get: (target, name) => (name === 'insertInto' || name === 'executeQuery' ? () => { throw outage; } : Reflect.get(target, name)) });
    const inbox = createInbox({ store: { ...fresh.store, db }, engine: {} as Engine, logger: silentLogger });
    const ingest = createIngest({ inbox });
    await expect(ingest([event(0), event(1)])).rejects.toThrow('administrator command');
  });
});

describe('isStoreUnavailable', () => {
  it('tells an unreachable or busy store from a bad value', () => {
    const coded = (code: string) => Object.assign(new Error('x'), { code });
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '08006', '57P01', '57014', '53300', '40001', 'SQLITE_BUSY', 'SQLITE_IOERR_WRITE']) expect(isStoreUnavailable(coded(code))).toBe(true);
    expect(isStoreUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isStoreUnavailable(new Error('wrapped', { cause: coded('ECONNREFUSED') }))).toBe(true);
    for (const code of ['22021', '22P02', '23505', 'SQLITE_CONSTRAINT', 'SQLITE_MISMATCH']) expect(isStoreUnavailable(coded(code))).toBe(false);
    expect(isStoreUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
