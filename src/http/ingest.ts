// Hands a webhook's events to the inbox: committed there, they may be acknowledged; a store outage answers 503.

import type { Ingest } from '../core/channel';
import type { Inbox } from '../engine/inbox';

export interface IngestOptions {
  inbox: Inbox;
  /** Resolve only once the events are processed (tests and tools that read the reply at once). */
  waitForProcessing?: boolean;
}

/**
 * Builds the `ingest` every channel webhook calls. The events are committed to the inbox in one
 * small transaction and the webhook answers; the engine drains the inbox in the background. When
 * the store cannot be reached the error propagates: the webhook answers 503, the platform
 * redelivers, and an event already received is recognised by its dedupe key. An event the engine
 * cannot process is skipped there, logged without content, and never blocks the events after it.
 */
export function createIngest(options: IngestOptions): Ingest {
  const wait = options.waitForProcessing ?? false;
  return (events) => options.inbox.receive(events, { wait });
}
