// The inbox on both databases: batches give way to arriving webhooks, a failing event in a batch rolls back alone, drains side by side keep each person's order, a crash-looping event is given up.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine';
import { createInbox, MAX_ATTEMPTS } from '../../src/engine/inbox';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { silentLogger } from '../../src/core/logger';
import type { InboundEvent } from '../../src/core/events';
import type { Store } from '../../src/store/database';
import type { CompiledQuery } from 'kysely';
import { DIALECTS, freshStore } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

let sequence = 0;
const message = (userId: string, text: string): InboundEvent => ({ type: 'inbound', channel: 'console', userId, dedupeKey: `inbox:${userId}:${sequence++}`, kind: 'text', text, localeHint: 'en', at: 1_000 });

async function received(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.db
    .selectFrom('transcript as t')
    .innerJoin('conversations as c', 'c.id', 't.conversation_id')
    .select(['c.user_id', 't.text'])
    .where('t.direction', '=', 'in')
    .orderBy('t.id')
    .execute();
  const byPerson = new Map<string, string[]>();
  for (const row of rows) byPerson.set(row.user_id, [...(byPerson.get(row.user_id) ?? []), row.text]);
  return byPerson;
}

const waiting = async (store: Store) => (await store.db.selectFrom('inbox').select('id').execute()).length;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe.each(DIALECTS)('inbox on %s', (dialect) => {
  async function setup() {
    const fresh = await freshStore(dialect);
    cleanup = fresh.cleanup;
    return fresh.store;
  }

  it('rolls back a failing event inside a batch alone, logs it without content, and commits its neighbours', async () => {
    const store = await setup();
    const real = createEngine({ store, translator });
    // The engine does all of the event's work, then fails: everything it wrote must go.
    const engine: Engine = {
      ...real,
      handleIn: async (tx, event) => {
        const result = await real.handleIn(tx, event);
        if (event.type === 'inbound' && event.userId === 'poison') throw new TypeError('cannot read the secret words');
        return result;
      },
    };
    const lines: string[] = [];
    const logger = { ...silentLogger, error: (fields: Record<string, unknown>, msg: string) => void lines.push(JSON.stringify({ ...fields, msg })) };
    // No webhooks are arriving while it drains, so one batch takes all three.
    const inbox = createInbox({ store, engine, logger, busyWindowMs: 0 });
    await inbox.receive([message('a', 'hello'), message('poison', 'secret words'), message('b', 'hello')]);
    await inbox.stop(); // let the drain that receive started finish
    expect(await waiting(store)).toBe(0);
    const byPerson = await received(store);
    expect([...byPerson.keys()].sort()).toEqual(['a', 'b']);
    const conversations = await store.db.selectFrom('conversations').select('user_id').execute();
    expect(conversations.map((c) => c.user_id).sort()).toEqual(['a', 'b']);
    expect((await store.db.selectFrom('outbox').select('user_id').where('user_id', '=', 'poison').execute())).toEqual([]);
    // Its key is remembered (so a redelivery is dropped), and the log says what failed, never what was written.
    expect((await store.db.selectFrom('processed_events').select('key').execute())).toHaveLength(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('TypeError');
    expect(lines[0]).not.toContain('secret');
    expect(lines[0]).not.toContain('poison');
  });

  it('takes one event per transaction while webhooks keep arriving, and whole batches once they stop', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    let clock = 0;
    const busy = createInbox({ store, engine, logger: silentLogger, batchSize: 8, busyWindowMs: 50, monotonic: () => clock });
    await busy.stop(); // drained by hand below
    await busy.receive([message('a', 'hello'), message('b', 'hello'), message('c', 'hello')]);
    // A webhook committed just now: the next one must not wait behind a batch.
    clock += 10;
    expect(await busy.drainOnce()).toBe(1);
    expect(await waiting(store)).toBe(2);
    // Quiet for longer than the window: what is left goes in one transaction.
    clock += 100;
    expect(await busy.drainOnce()).toBe(2);
    expect(await waiting(store)).toBe(0);
    expect([...(await received(store)).keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('while webhooks keep arriving, takes as many events per transaction as fit the busy budget at the cost it measured', async () => {
    const store = await setup();
    const real = createEngine({ store, translator });
    let clock = 0;
    // Each event costs half a millisecond on the inbox's clock.
    const engine = {
      ...real,
      handleIn: (...args: Parameters<typeof real.handleIn>) => {
        clock += 0.5;
        return real.handleIn(...args);
      },
    };
    const busy = createInbox({ store, engine, logger: silentLogger, batchSize: 8, busyWindowMs: 50, busyBudgetMs: 2, monotonic: () => clock });
    await busy.stop(); // drained by hand below
    await busy.receive('abcdefghij'.split('').map((who) => message(who, 'hello')));
    // Nothing measured yet: one event, timed.
    expect(await busy.drainOnce()).toBe(1);
    // 2 ms at 0.5 ms an event: four in the next transaction, then the three left of the claim of eight.
    expect(await busy.drainOnce()).toBe(4);
    expect(await busy.drainOnce()).toBe(3);
    expect(await waiting(store)).toBe(2);
    // Slower events (1 ms each) and more webhooks: the next four take 1 ms each, which moves the
    // estimate a quarter of the way (0.625 ms), so three fit in the transaction after.
    engine.handleIn = (...args) => {
      clock += 1;
      return real.handleIn(...args);
    };
    await busy.receive(['k', 'l', 'm', 'n', 'o'].map((who) => message(who, 'hello')));
    expect(await busy.drainOnce()).toBe(4);
    expect(await busy.drainOnce()).toBe(3);
    // A webhook long ago: whole batches again.
    await busy.receive(['p', 'q', 'r', 's', 't'].map((who) => message(who, 'hello')));
    clock += 100;
    expect(await busy.drainOnce()).toBe(5);
    expect([...(await received(store)).keys()].sort()).toEqual('abcdefghijklmnopqrst'.split(''));
  });

  it('gives back, untried, the events it claimed but had not reached when it stops', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    const clock = 0;
    const busy = createInbox({ store, engine, logger: silentLogger, batchSize: 8, busyWindowMs: 50, monotonic: () => clock });
    await busy.stop(); // drained by hand below; stopping again gives back what it holds
    await busy.receive([message('a', 'hello'), message('b', 'hello'), message('c', 'hello')]);
    // Webhooks keep arriving: one event of the claim is processed, two are held for the next passes.
    expect(await busy.drainOnce()).toBe(1);
    await busy.stop();
    const left = await store.db.selectFrom('inbox').select(['lease_until', 'attempts']).execute();
    expect(left).toEqual([{ lease_until: null, attempts: 0 }, { lease_until: null, attempts: 0 }]);
    // The next run takes them as fresh events.
    const next = createInbox({ store, engine, logger: silentLogger });
    await next.stop();
    expect(await next.drainOnce()).toBe(2);
    expect([...(await received(store)).keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('takes an event whose last try ended the process alone, and does not count that try against the events beside it', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    const inbox = createInbox({ store, engine, logger: silentLogger, batchSize: 8, busyWindowMs: 0 });
    await inbox.stop(); // drained by hand below
    await inbox.receive([message('a', 'hello'), message('b', 'hello'), message('c', 'hello')]);
    // b's last try ended the process (its claim was counted, its lease ran out).
    const [, b] = await store.db.selectFrom('inbox').select('id').orderBy('id').execute();
    await store.db.updateTable('inbox').set({ attempts: 1 }).where('id', '=', b!.id).execute();
    expect(await inbox.drainOnce()).toBe(1);
    expect([...(await received(store)).keys()]).toEqual(['b']);
    // a and c were given back as they were: never tried, nothing counted.
    expect(await store.db.selectFrom('inbox').select(['lease_until', 'attempts']).execute()).toEqual([
      { lease_until: null, attempts: 0 },
      { lease_until: null, attempts: 0 },
    ]);
    expect(await inbox.drainOnce()).toBe(2);
    expect([...(await received(store)).keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps each person\'s order when drains run side by side, each event processed once', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    // Two instances on one store.
    const inboxes = [0, 1].map(() => createInbox({ store, engine, logger: silentLogger, batchSize: 3 }));
    await inboxes[0]!.stop();
    await inboxes[1]!.stop();
    const people = ['p0', 'p1', 'p2', 'p3'];
    const sent = new Map(people.map((p) => [p, Array.from({ length: 5 }, (_, k) => `${p} says ${k}`)]));
    const events: InboundEvent[] = [];
    for (let k = 0; k < 5; k++) for (const p of people) events.push(message(p, sent.get(p)![k]!));
    // Received while no drain runs, then drained by both at once.
    const receiver = createInbox({ store, engine, logger: silentLogger });
    await receiver.stop();
    await receiver.receive(events);
    const drain = async (i: number) => {
      let idle = 0;
      while (idle < 3) idle = (await inboxes[i]!.drainOnce()) === 0 ? idle + 1 : 0;
    };
    await Promise.all([drain(0), drain(1), drain(0), drain(1)]);
    expect(await waiting(store)).toBe(0);
    const byPerson = await received(store);
    for (const p of people) expect(byPerson.get(p)).toEqual(sent.get(p));
  });

  it('ends a steady trickle without claiming again for nothing, yet takes a person\'s next event, a webhook that came meanwhile and what another instance received', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    let arriving: InboundEvent | undefined;
    // While x is processed, a webhook comes: its receipt commits only after x's transaction.
    const inbox = createInbox({
      store,
      engine: {
        ...engine,
        handleIn: async (tx, event) => {
          if (arriving && event.type === 'inbound' && event.userId === 'x') void inbox.receive([arriving]);
          return engine.handleIn(tx, event);
        },
      },
      logger: silentLogger,
      busyWindowMs: 0,
    });
    const claims: string[] = [];
    const executeQuery = store.db.executeQuery.bind(store.db);
    store.db.executeQuery = ((query: CompiledQuery) => {
      if (/update "inbox" set "lease_until" = (\?|\$1), "attempts" = "attempts" \+ 1/.test(query.sql)) claims.push(query.sql);
      return executeQuery(query);
    }) as typeof store.db.executeQuery;
    const settled = async () => {
      for (let k = 0; k < 200 && (await waiting(store)) > 0; k++) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 30));
    };
    // Until the person's words are stored (at most 5 s): a webhook committed later than the check above still counts.
    const taken = async (userId: string) => {
      for (let k = 0; k < 500 && !(await received(store)).has(userId); k++) await new Promise((r) => setTimeout(r, 10));
      return (await received(store)).get(userId);
    };

    // One person at a time, each answered: one claim each, none left over finding nothing.
    for (let i = 0; i < 5; i++) await inbox.receive([message(`t${i}`, 'hello')], { wait: true });
    await settled();
    expect(claims).toHaveLength(5);

    // Two events of one person in one webhook: the first is claimed with a later one behind it, so the drain looks again.
    claims.length = 0;
    await inbox.receive([message('p', 'one'), message('p', 'two')], { wait: true });
    expect((await received(store)).get('p')).toEqual(['one', 'two']);
    await settled();
    expect(claims).toHaveLength(2);

    // A webhook committed while a batch ran is taken once the batch ends (no interval runs yet to find it otherwise).
    arriving = message('y', 'meanwhile');
    await inbox.receive([message('x', 'hello')], { wait: true });
    expect(await taken('y')).toEqual(['meanwhile']);
    await settled();
    expect(await waiting(store)).toBe(0);

    // Another instance's webhook is not announced here: the interval looks for it.
    const other = createInbox({ store, engine, logger: silentLogger });
    await other.stop(); // receives only
    inbox.start(20);
    await other.receive([message('z', 'from the other instance')]);
    expect(await taken('z')).toEqual(['from the other instance']);
    await settled();
    expect(await waiting(store)).toBe(0);
    await inbox.stop();
  });

  it('commits the webhooks of one turn together, in the order they came, each answered once its events are stored', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    const inbox = createInbox({ store, engine, logger: silentLogger });
    await inbox.stop(); // nothing drains: what is received stays to be looked at
    const statements: string[] = [];
    const executeQuery = store.db.executeQuery.bind(store.db);
    store.db.executeQuery = ((query: CompiledQuery) => {
      statements.push(query.sql);
      return executeQuery(query);
    }) as typeof store.db.executeQuery;
    // Twenty webhooks answered in one turn (a LINE one carrying two events), and a redelivery of the first.
    const webhooks = Array.from({ length: 20 }, (_, i) => (i === 7 ? [message(`p${i}`, 'one'), message(`p${i}`, 'two')] : [message(`p${i}`, 'hello')]));
    const answered = await Promise.all([...webhooks, webhooks[0]!].map((events) => inbox.receive(events).then(() => 'ok')));
    expect(answered.every((a) => a === 'ok')).toBe(true);
    expect(statements.filter((text) => text.startsWith('insert into "inbox"'))).toHaveLength(1);
    const rows = await store.db.selectFrom('inbox').select(['id', 'person']).orderBy('id').execute();
    expect(rows.map((r) => r.person)).toEqual(webhooks.flat().map((e) => `console:${e.userId}`));

    // When the store refuses the statement, every webhook of the turn hears it (and answers 503).
    store.db.executeQuery = (() => Promise.reject(new Error('disk full'))) as typeof store.db.executeQuery;
    const refused = await Promise.allSettled([inbox.receive([message('q1', 'hi')]), inbox.receive([message('q2', 'hi')])]);
    expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('answers a webhook that waits for its replies once its own events are processed, beside others of the same turn', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    const inbox = createInbox({ store, engine, logger: silentLogger });
    const first = message('w1', 'hello');
    const [, , again] = await Promise.all([inbox.receive([first], { wait: true }), inbox.receive([message('w2', 'hello')]), inbox.receive([first], { wait: true }).then(() => 'redelivery')]);
    // Waited for: its reply is in the outbox by the time it resolves.
    const conversations = await store.db.selectFrom('conversations').select(['id', 'user_id']).execute();
    const w1 = conversations.find((c) => c.user_id === 'w1')!;
    expect(await store.db.selectFrom('outbox').select('id').where('conversation_id', '=', w1.id).execute()).not.toHaveLength(0);
    // A redelivery in the same turn inserted nothing: it has nothing to wait for and is answered.
    expect(again).toBe('redelivery');
    await inbox.stop();
  });

  it('keeps nothing of a person who asked to be erased once their events are processed', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    const inbox = createInbox({ store, engine, logger: silentLogger });
    const choice = (id: string): InboundEvent => ({ ...message('leaving', ''), kind: 'choice', choiceId: id, text: undefined });
    await inbox.receive([message('leaving', 'my secret words'), choice('delete'), choice('delete:confirm')], { wait: true });
    expect(await waiting(store)).toBe(0);
    expect(await store.db.selectFrom('conversations').selectAll().execute()).toEqual([]);
    expect(await store.db.selectFrom('transcript').selectAll().execute()).toEqual([]);
    const rows = await store.db.selectFrom('outbox').select('message').execute();
    expect(rows.map((r) => (JSON.parse(r.message) as { text: string }).text)).toEqual([translator.t('en', 'delete.done')]);
    await inbox.stop();
  });

  it('gives up on an event whose every try ended the process, and tries such events alone', async () => {
    const store = await setup();
    const engine = createEngine({ store, translator });
    const lines: string[] = [];
    const logger = { ...silentLogger, error: (fields: Record<string, unknown>, msg: string) => void lines.push(JSON.stringify({ ...fields, msg })) };
    const receiver = createInbox({ store, engine, logger: silentLogger });
    await receiver.stop();
    await receiver.receive([message('crashes', 'hello'), message('fine', 'hello')]);
    // As a process killed mid-batch, MAX_ATTEMPTS times, leaves them: claimed, never finished, claims run out.
    await store.db.updateTable('inbox').set({ attempts: MAX_ATTEMPTS, lease_until: 0 }).where('person', '=', 'console:crashes').execute();
    await store.db.updateTable('inbox').set({ attempts: 1, lease_until: 0 }).where('person', '=', 'console:fine').execute();
    const inbox = createInbox({ store, engine, logger });
    // Each goes alone: the first drain tries the oldest and gives the other back untried.
    expect(await inbox.drainOnce()).toBe(1);
    expect(await store.db.selectFrom('inbox').select(['person', 'attempts', 'lease_until']).execute()).toEqual([{ person: 'console:fine', attempts: 1, lease_until: null }]);
    expect(await inbox.drainOnce()).toBe(1);
    expect(await waiting(store)).toBe(0);
    expect([...(await received(store)).keys()]).toEqual(['fine']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('InboxGiveUp');
  });
});
