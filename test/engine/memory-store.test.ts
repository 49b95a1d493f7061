// The engine on the in-memory store: the same rules with no database, batches that roll back one event alone, erasure, status.

import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import type { EngineStore } from '../../src/core/engine-store';
import type { InboundEvent } from '../../src/core/events';
import { memoryEngineStore } from '../../src/store/memory-engine-store';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

let sequence = 0;
function message(userId: string, body: { text?: string; choiceId?: string }, at = 1_000): InboundEvent {
  return {
    type: 'inbound',
    channel: 'console',
    userId,
    dedupeKey: `mem:${userId}:${sequence++}`,
    kind: body.choiceId ? 'choice' : 'text',
    ...(body.text !== undefined ? { text: body.text } : {}),
    ...(body.choiceId ? { choiceId: body.choiceId } : {}),
    localeHint: 'en',
    at,
  };
}

const texts = (store: ReturnType<typeof memoryEngineStore>, userId: string) =>
  store.state.outbox.filter((m) => m.user_id === userId).map((m) => (JSON.parse(m.message) as { text: string }).text);

describe('engine on the in-memory store', () => {
  it('greets, asks, and remembers where the person is', async () => {
    const store = memoryEngineStore();
    const engine = createEngine({ store, translator });
    expect(await engine.handle(message('u1', { text: 'hello' }))).toMatchObject({ duplicate: false, queued: 2 });
    await engine.handle(message('u1', { choiceId: 'role:self' }));
    const [conversation] = [...store.state.conversations.values()];
    expect(conversation).toMatchObject({ step: 'minor_at_capture', locale: 'en' });
    expect(texts(store, 'u1')).toEqual([translator.t('en', 'welcome.intro'), translator.t('en', 'role.ask'), translator.t('en', 'minor.ask')]);
    expect(store.state.transcript.map((l) => l.direction)).toEqual(['in', 'out', 'out', 'in', 'out']);
  });

  it('processes a repeated event once', async () => {
    const store = memoryEngineStore();
    const engine = createEngine({ store, translator });
    const event = message('u1', { text: 'hello' });
    await engine.handle(event);
    expect(await engine.handle(event)).toMatchObject({ duplicate: true, queued: 0 });
    expect(store.state.outbox).toHaveLength(2);
  });

  it('rolls back a failing event alone when it shares a batch with others', async () => {
    const memory = memoryEngineStore();
    // A store whose writes fail for one person only, as a constraint or a bug would.
    const store: EngineStore = {
      singleWriter: true,
      transaction: (work) =>
        memory.transaction((tx) =>
          work({
            ...tx,
            write: async (writes) => {
              const ids = await tx.write(writes);
              if (writes.outbox.some((m) => m.user_id === 'poison')) throw new Error('write refused');
              return ids;
            },
          }),
        ),
    };
    const engine = createEngine({ store, translator });
    const results = await Promise.allSettled(['a', 'poison', 'b', 'c'].map((u) => engine.handle(message(u, { text: 'hi' }))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect([...memory.state.conversations.values()].map((c) => c.user_id).sort()).toEqual(['a', 'b', 'c']);
    expect(memory.state.outbox.filter((m) => m.user_id === 'poison')).toEqual([]);
    expect(memory.state.keys.size).toBe(3);
  });

  it('erases the person on request, leaving only the farewell to send', async () => {
    const store = memoryEngineStore();
    const engine = createEngine({ store, translator });
    await engine.handle(message('u1', { text: 'hello' }));
    await engine.handle(message('u1', { choiceId: 'delete' }));
    await engine.handle(message('u1', { choiceId: 'delete:confirm' }));
    expect(store.state.conversations.size).toBe(0);
    expect(store.state.transcript).toEqual([]);
    expect(texts(store, 'u1')).toEqual([translator.t('en', 'delete.done')]);
  });

  it('answers status with every case and each platform\'s latest report', async () => {
    const store = memoryEngineStore();
    const engine = createEngine({ store, translator });
    await engine.handle(message('u1', { text: 'hello' }));
    const [conversation] = [...store.state.conversations.values()];
    store.state.cases.push(
      { caseNumber: 'ACDE-FGHJ', conversationId: conversation!.id, status: 'active', createdAt: Date.UTC(2025, 0, 2), feedback: [{ platform: 'PhotoShare', status: 'removed', at: Date.UTC(2025, 0, 3) }] },
      { caseNumber: 'KMNP-QRST', conversationId: conversation!.id, status: 'withdrawn', createdAt: Date.UTC(2025, 0, 1), feedback: [] },
    );
    await engine.handle(message('u1', { choiceId: 'status' }));
    const status = texts(store, 'u1').at(-1)!;
    expect(status.indexOf('ACDE-FGHJ')).toBeLessThan(status.indexOf('KMNP-QRST'));
    expect(status).toContain('PhotoShare');
  });
});
