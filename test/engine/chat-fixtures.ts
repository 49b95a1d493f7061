// A person chatting with the engine on a fake clock: messages, staff actions, submissions and what was queued for them.

import { createEngine, type Engine } from '../../src/engine/engine';
import type { Translator } from '../../src/engine/i18n';
import { createTimerWorker, type TimerWorker } from '../../src/engine/timers';
import { createSubmissionService } from '../../src/engine/submissions';
import { issueHandoffToken } from '../../src/engine/tokens';
import { silentLogger, type Logger } from '../../src/core/logger';
import type { InboundEvent, StaffEvent } from '../../src/core/events';
import type { RenderedMessage } from '../../src/core/messages';
import type { Store } from '../../src/store/database';

export const TO_HANDOFF = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];

let sequence = 0;

/** One person on the console channel, an engine and a timer worker sharing a clock the test moves. */
export function chat(store: Store, translator: Translator, options: { userId?: string; logger?: Logger; start?: number } = {}) {
  const userId = options.userId ?? 'u1';
  const clock = { now: options.start ?? 1_000_000 };
  const engine: Engine = createEngine({ store, translator });
  const timers: TimerWorker = createTimerWorker({ store, engine, logger: options.logger ?? silentLogger, now: () => clock.now });
  const submissions = createSubmissionService({ store, engine, now: () => clock.now });

  async function conversationId(): Promise<string> {
    return (await store.db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow()).id;
  }

  return {
    userId,
    clock,
    engine,
    timers,
    conversationId,
    async say(body: { text?: string; choiceId?: string }) {
      const event: InboundEvent = {
        type: 'inbound',
        channel: 'console',
        userId,
        dedupeKey: `test:${userId}:${sequence++}`,
        kind: body.choiceId ? 'choice' : 'text',
        ...(body.text !== undefined ? { text: body.text } : {}),
        ...(body.choiceId ? { choiceId: body.choiceId } : {}),
        localeHint: 'en',
        at: clock.now,
      };
      return engine.handle(event);
    },
    async walk(ids: string[]) {
      await this.say({ text: 'hi' });
      for (const id of ids) await this.say({ choiceId: id });
    },
    async staff(action: StaffEvent['action'], text?: string) {
      return engine.handle({ type: 'staff', action, conversationId: await conversationId(), staffId: 's1', ...(text ? { text } : {}), dedupeKey: `staff:${sequence++}`, at: clock.now });
    },
    /** Submits one image's hashes through the link the conversation was given, as the hashing page does. */
    async submit(): Promise<string> {
      const token = await issueHandoffToken(store.db, await conversationId(), clock.now);
      const outcome = await submissions.submit({ token, files: [{ type: 'image', md5: 'a'.repeat(32), sha256: 'b'.repeat(64) }] });
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.caseNumber;
    },
    /** Runs the timer worker until no due timer is left to fire. */
    async runTimers(): Promise<number> {
      let total = 0;
      for (let i = 0; i < 10; i++) {
        const fired = await timers.runOnce();
        total += fired;
        if (fired === 0) break;
      }
      return total;
    },
    async messages(): Promise<RenderedMessage[]> {
      const rows = await store.db.selectFrom('outbox').select('message').where('user_id', '=', userId).orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.message) as RenderedMessage);
    },
    async texts(): Promise<string[]> {
      return (await this.messages()).map((m) => m.text);
    },
    async conversation() {
      return store.db.selectFrom('conversations').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
    },
    async timerRows() {
      return store.db.selectFrom('timers').select(['name', 'due_at']).where('conversation_id', '=', await conversationId()).orderBy('name').execute();
    },
  };
}
