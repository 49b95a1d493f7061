// The console channel: the real flow, engine and store, talking to a terminal or a browser instead of a platform.

import type { RenderedMessage } from '../../core/messages';
import type { ChannelAdapter } from '../../core/channel';
import type { ConsoleRelay } from './relay';

export type ConsoleListener = (message: RenderedMessage) => void;

/** People with messages kept while nobody listens; beyond it the longest-waiting person's messages are dropped. */
export const MAX_WAITING_PEOPLE = 1000;
/** Messages kept per absent person: the newest ones. */
export const MAX_WAITING_MESSAGES = 50;

/** A console channel with listeners per person; messages for nobody listening are kept until someone listens. */
export interface ConsoleChannel extends ChannelAdapter {
  /** Receives each message sent to `userId`; returns an unsubscribe function. */
  listen(userId: string, listener: ConsoleListener): () => void;
  /** Drops what is kept for `userId` (a page that reads the transcript instead). */
  discard(userId: string): void;
  /** How many people are listened to, and how many have messages kept. */
  size(): { listeners: number; waiting: number };
  /**
   * Keeps messages for people not listened to here in `relay` instead of in memory, so a page
   * listening on another instance receives them (several instances on PostgreSQL).
   */
  useRelay(relay: ConsoleRelay, onError: (error: unknown) => void): void;
}

/** Creates the console channel. It is always enabled: it needs no credentials. */
export function createConsoleChannel(): ConsoleChannel {
  const listeners = new Map<string, Set<ConsoleListener>>();
  // Insertion order is age: a person moves to the end whenever a message is kept for them.
  const waiting = new Map<string, RenderedMessage[]>();
  let relay: ConsoleRelay | undefined;
  let relayError: (error: unknown) => void = () => {};

  /** Hands what another instance kept for `userId` to the listeners here, if any. */
  function collect(userId: string) {
    if (!relay || !listeners.get(userId)?.size) return;
    relay.collect(userId).then((messages) => {
      const set = listeners.get(userId);
      // The page left meanwhile: keep them for its return, here.
      if (!set?.size) return void messages.forEach((message) => keep(userId, message));
      for (const message of messages) for (const listener of set) listener(message);
    }, relayError);
  }

  function keep(userId: string, message: RenderedMessage) {
    const list = waiting.get(userId) ?? [];
    list.push(message);
    waiting.delete(userId);
    waiting.set(userId, list.slice(-MAX_WAITING_MESSAGES));
    // Browsers that never come back (the public demo) must not grow this without end.
    while (waiting.size > MAX_WAITING_PEOPLE) waiting.delete(waiting.keys().next().value!);
  }

  return {
    name: 'console',
    capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
    async send(message, to) {
      const set = listeners.get(to.userId);
      if (!set || set.size === 0) {
        // Delivered once it is parked: a failure here is a failed send, retried by the outbox.
        if (relay) return relay.park(to.userId, message);
        keep(to.userId, message);
        return;
      }
      for (const listener of set) listener(message);
    },
    listen(userId, listener) {
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      for (const message of waiting.get(userId) ?? []) listener(message);
      waiting.delete(userId);
      collect(userId);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId);
      };
    },
    discard(userId) {
      waiting.delete(userId);
      relay?.discard(userId).catch(relayError);
    },
    useRelay(next, onError) {
      relay = next;
      relayError = onError;
      next.onParked(collect);
    },
    size: () => ({ listeners: listeners.size, waiting: waiting.size }),
  };
}
