// Retention as the helpline's admins set it: transcripts, notes and whispers, the audit log and closed cases' links,
// each on its own clock; the audit log stays append-only for everything but the purge.

import { afterEach, describe, expect, it } from 'vitest';
import { createRetention, type RetentionDays } from '../../src/engine/retention';
import { silentLogger } from '../../src/core/logger';
import type { Store } from '../../src/store/database';
import { DIALECTS, freshStore } from '../helpers';

const DAY = 24 * 60 * 60_000;
const NOW = 1000 * DAY;

describe.each(DIALECTS)('retention settings on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  it('purges each kind of data after its own number of days, and nothing younger', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const line = (direction: string, age: number) => ({ conversation_id: 'c-1', direction, text: `${direction} ${age}`, at: NOW - age * DAY });
    await store.db.insertInto('transcript').values([line('in', 20), line('out', 5), line('staff', 11), line('note', 20), line('whisper', 40), line('note', 5)]).execute();
    await store.db
      .insertInto('staff_audit')
      .values([100, 400].map((age) => ({ at: NOW - age * DAY, staff_id: 's', staff_email: 's@x.test', action: 'login', conversation_id: null, detail: null, ip: null })))
      .execute();
    const kase = (id: string, status: string, age: number) => ({ id, case_number: id.toUpperCase().padEnd(9, 'X').slice(0, 9), conversation_id: 'c-1', locale: 'en', status, created_at: NOW - age * DAY, updated_at: NOW - age * DAY });
    await store.db.insertInto('cases').values([kase('old-withdrawn', 'withdrawn', 60), kase('new-withdrawn', 'withdrawn', 10), kase('old-active', 'active', 60)]).execute();

    const days: RetentionDays = { transcriptDays: 10, notesDays: 30, auditDays: 365, closedCaseLinkDays: 30 };
    const report = await createRetention({ store, logger: silentLogger, transcriptDays: 99, days: async () => days, now: () => NOW }).purge();

    const left = (await store.db.selectFrom('transcript').select('text').orderBy('text').execute()).map((r) => r.text);
    expect(left).toEqual(['note 20', 'note 5', 'out 5']);
    expect(report).toMatchObject({ transcript: 2, notes: 1, audit: 1, caseLinks: 1 });
    expect((await store.db.selectFrom('staff_audit').select('at').execute()).map((r) => Number(r.at))).toEqual([NOW - 100 * DAY]);
    const links = Object.fromEntries((await store.db.selectFrom('cases').select(['id', 'conversation_id']).execute()).map((r) => [r.id, r.conversation_id]));
    expect(links).toEqual({ 'old-withdrawn': null, 'new-withdrawn': 'c-1', 'old-active': 'c-1' });
  });

  it('keeps refusing every other change to the audit log, before and after a purge', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    await store.db.insertInto('staff_audit').values({ at: 1, staff_id: 's', staff_email: 's@x.test', action: 'login', conversation_id: null, detail: null, ip: null }).execute();
    await expect(store.db.deleteFrom('staff_audit').execute()).rejects.toThrow(/append-only/);
    await createRetention({ store, logger: silentLogger, transcriptDays: 30, days: async () => ({ transcriptDays: 30, notesDays: 30, auditDays: 365 * 10, closedCaseLinkDays: 30 }), now: () => 2 }).purge();
    await expect(store.db.deleteFrom('staff_audit').execute()).rejects.toThrow(/append-only/);
    await expect(store.db.updateTable('staff_audit').set({ action: 'logout' }).execute()).rejects.toThrow(/append-only/);
    expect(await store.db.selectFrom('staff_audit').select('id').execute()).toHaveLength(1);
  });
});
