// Conversation change notices for live views (the staff queue): in process, and across instances on PostgreSQL.

import { EventEmitter } from 'node:events';

/** What changed: a conversation id; listeners re-read what they show. Never carries message text. */
export interface Changes {
  publish(conversationId: string): void;
  subscribe(listener: (conversationId: string) => void): () => void;
}

/** An in-process bus. On PostgreSQL a LISTEN/NOTIFY bridge can feed `publish` from other instances. */
export function createChanges(): Changes {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (conversationId) => emitter.emit('change', conversationId),
    subscribe(listener) {
      emitter.on('change', listener);
      return () => emitter.off('change', listener);
    },
  };
}
