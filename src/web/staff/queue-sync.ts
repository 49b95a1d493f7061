// A full reload of the queue and the live stream overlap: the stream opens, says hello, and the queue is read again while
// rows keep arriving. The reload's answer may have been read before a row the stream has already shown (a person who
// wrote a moment ago), so it must not replace the queue wholesale, or that person drops out of sight until they write
// again. Each reload remembers what the stream delivered while it was in flight and lays that on top of its answer.

import type { QueueRow } from '../../staff/queue';

export interface QueueSync {
  /** A reload starts now; returns its ticket. */
  begin(): number;
  /** The stream (or a fresh read of one conversation) set a row, or took one away (`null`). */
  saw(id: string, row: QueueRow | null): void;
  /**
   * The reload `ticket` answered `rows`: the queue to show, or `null` when a reload that started later has already
   * been applied (this answer is older than what is on screen).
   */
  finish(ticket: number, rows: readonly QueueRow[]): Map<string, QueueRow> | null;
  /** The reload `ticket` failed: forget it. */
  abandon(ticket: number): void;
}

export function createQueueSync(): QueueSync {
  let started = 0;
  let applied = 0;
  const inFlight = new Map<number, Map<string, QueueRow | null>>();
  return {
    begin() {
      started += 1;
      inFlight.set(started, new Map());
      return started;
    },
    saw(id, row) {
      for (const seen of inFlight.values()) seen.set(id, row);
    },
    finish(ticket, rows) {
      const seen = inFlight.get(ticket);
      inFlight.delete(ticket);
      if (!seen || ticket < applied) return null;
      applied = ticket;
      const queue = new Map(rows.map((row) => [row.id, row]));
      // Every change after the reload's read also notifies the stream, so what the stream delivered last is at least
      // as new as the answer, or a later event for the same conversation is on its way.
      for (const [id, row] of seen) {
        if (row) queue.set(id, row);
        else queue.delete(id);
      }
      return queue;
    },
    abandon(ticket) {
      inFlight.delete(ticket);
    },
  };
}
