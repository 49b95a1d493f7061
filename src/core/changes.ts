// The change-notice port: live views (the staff queue, the demo page) hear that something changed and read it again.

/** What a notice is about: a conversation that changed, or a demo visitor (console user id) with a reply waiting. */
export type Topic = 'change' | 'console';

/** Notices carry ids only; listeners re-read what they show. Never message text. */
export interface Changes {
  publish(conversationId: string): void;
  subscribe(listener: (conversationId: string) => void): () => void;
  publishOn(topic: Topic, id: string): void;
  subscribeOn(topic: Topic, listener: (id: string) => void): () => void;
  close(): Promise<void>;
}
