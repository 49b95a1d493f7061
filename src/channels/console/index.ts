// The console channel: the real flow, engine and store, talking to a terminal or a browser instead of a platform.

import type { RenderedMessage } from '../../core/messages';
import type { ChannelAdapter } from '../types';

export type ConsoleListener = (message: RenderedMessage) => void;

/** A console channel with listeners per person; messages for nobody listening are kept until someone listens. */
export interface ConsoleChannel extends ChannelAdapter {
  /** Receives each message sent to `userId`; returns an unsubscribe function. */
  listen(userId: string, listener: ConsoleListener): () => void;
}

/** Creates the console channel. It is always enabled: it needs no credentials. */
export function createConsoleChannel(): ConsoleChannel {
  const listeners = new Map<string, Set<ConsoleListener>>();
  const waiting = new Map<string, RenderedMessage[]>();
  return {
    name: 'console',
    capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
    async send(message, to) {
      const set = listeners.get(to.userId);
      if (!set || set.size === 0) {
        const list = waiting.get(to.userId) ?? [];
        list.push(message);
        waiting.set(to.userId, list.slice(-50));
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
      return () => set.delete(listener);
    },
  };
}
