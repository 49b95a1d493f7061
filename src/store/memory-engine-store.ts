// The engine's store port in memory: the same contract without a database, for fast engine tests.

import type { HelplineHours } from '../core/hours';
import type { CaseSummary, ConversationRecord, EngineStore, EngineTx, NewsItem, QueuedMessage, TranscriptLine } from '../core/engine-store';

/** Everything the in-memory store holds; tests read it directly. */
export interface MemoryState {
  keys: Set<string>;
  conversations: Map<string, ConversationRecord>;
  timers: Map<string, { conversationId: string; name: string; dueAt: number; leased: boolean }>;
  transcript: TranscriptLine[];
  outbox: (QueuedMessage & { id: number; status: string; lease_until: number | null })[];
  /** The last outbox id given out. */
  lastOutboxId: number;
  cases: { caseNumber: string; conversationId: string | null; status: string; createdAt: number; feedback: CaseSummary['feedback'] }[];
  news: Map<string, NewsItem[]>;
  /** Display names of the platforms taking part. */
  platforms: string[];
  /** Operating hours; absent or null: always open. */
  hours?: HelplineHours | null;
}

export interface MemoryEngineStore extends EngineStore {
  readonly state: MemoryState;
}

const timerKey = (id: string, name: string) => `${id}\u0000${name}`;

/** A store in memory. Transactions and savepoints copy the state and put it back when their work throws. */
export function memoryEngineStore(): MemoryEngineStore {
  let state: MemoryState = {
    keys: new Set(),
    conversations: new Map(),
    timers: new Map(),
    transcript: [],
    outbox: [],
    lastOutboxId: 0,
    cases: [],
    news: new Map(),
    platforms: [],
  };
  let queue: Promise<unknown> = Promise.resolve();

  const copy = (s: MemoryState): MemoryState => structuredClone(s);

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    const before = copy(state);
    try {
      return await work();
    } catch (error) {
      state = before;
      throw error;
    }
  }

  const tx: EngineTx = {
    openingHours: async () => state.hours ?? null,
    async claimKey(key) {
      if (state.keys.has(key)) return false;
      state.keys.add(key);
      return true;
    },
    async heldBy(id) {
      const c = state.conversations.get(id);
      return c ? c.held_by : undefined;
    },
    async conversationById(id) {
      const c = state.conversations.get(id);
      return c ? { ...c } : undefined;
    },
    async conversationByUser(channel, userId) {
      for (const c of state.conversations.values()) if (c.channel === channel && c.user_id === userId) return { ...c };
      return undefined;
    },
    async claimAndFind(key, at, channel, userId, newRow) {
      if (!(await tx.claimKey(key, at))) return { fresh: false, conversation: undefined };
      const found = await tx.conversationByUser(channel, userId);
      return { fresh: true, conversation: found ?? (newRow ? await tx.createConversation(newRow()) : undefined) };
    },
    async createConversation(row) {
      state.conversations.set(row.id, { ...row });
      return { ...row };
    },
    async scheduleTimer(id, name, dueAt) {
      state.timers.set(timerKey(id, name), { conversationId: id, name, dueAt, leased: false });
    },
    async cancelTimer(id, name) {
      state.timers.delete(timerKey(id, name));
    },
    async removeDueTimer(id, name, dueAt) {
      if (state.timers.get(timerKey(id, name))?.dueAt === dueAt) state.timers.delete(timerKey(id, name));
    },
    async releaseTimer(id, name, dueAt) {
      const timer = state.timers.get(timerKey(id, name));
      if (timer?.dueAt === dueAt) timer.leased = false;
    },
    async dropUndelivered(id) {
      for (const m of state.outbox) if (m.conversation_id === id && (m.status === 'pending' || m.status === 'held')) m.status = 'failed';
    },
    async releaseHeld(id) {
      for (const m of state.outbox) if (m.conversation_id === id && m.status === 'held') m.status = 'pending';
    },
    async casesWithFeedback(id) {
      return state.cases
        .filter((c) => c.conversationId === id)
        .sort((a, b) => b.createdAt - a.createdAt || b.caseNumber.localeCompare(a.caseNumber))
        .map((c) => ({ caseNumber: c.caseNumber, status: c.status, createdAt: c.createdAt, feedback: c.feedback.map((f) => ({ ...f })) }));
    },
    async withdrawCase(id, caseNumber) {
      const found = state.cases.find((c) => c.caseNumber === caseNumber && c.conversationId === id);
      if (found && found.status !== 'withdrawn' && found.status !== 'deleted') found.status = 'withdrawn';
    },
    async participatingPlatforms() {
      return [...state.platforms];
    },
    async takeNews(id) {
      const news = state.news.get(id) ?? [];
      state.news.delete(id);
      return news;
    },
    async erase(id) {
      for (const c of state.cases) if (c.conversationId === id) c.conversationId = null;
      state.transcript = state.transcript.filter((l) => l.conversation_id !== id);
      state.outbox = state.outbox.filter((m) => m.conversation_id !== id);
      for (const [key, timer] of state.timers) if (timer.conversationId === id) state.timers.delete(key);
      state.news.delete(id);
      state.conversations.delete(id);
    },
    async hasWaiting(id) {
      return state.outbox.some((m) => m.conversation_id === id && (m.status === 'pending' || m.status === 'held'));
    },
    async write(writes) {
      for (const timer of writes.timers ?? []) {
        if (timer.dueAt === null) state.timers.delete(timerKey(timer.conversationId, timer.name));
        else state.timers.set(timerKey(timer.conversationId, timer.name), { conversationId: timer.conversationId, name: timer.name, dueAt: timer.dueAt, leased: false });
      }
      state.transcript.push(...writes.transcript.map((l) => ({ ...l })));
      const queued = writes.outbox.map((m) => ({ ...m, id: ++state.lastOutboxId, status: 'pending', lease_until: writes.lease ?? null }));
      state.outbox.push(...queued);
      if (writes.conversation) {
        const current = state.conversations.get(writes.conversation.id);
        if (current) state.conversations.set(current.id, { ...current, ...writes.conversation.changes });
      }
      return writes.lease === undefined ? [] : queued.map((m) => m.id);
    },
    savepoint: guarded,
  };

  return {
    singleWriter: true,
    get state() {
      return state;
    },
    transaction<T>(work: (tx: EngineTx) => Promise<T>): Promise<T> {
      // One transaction at a time, as on a single-writer database.
      const run = queue.then(() => guarded(() => work(tx)));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
