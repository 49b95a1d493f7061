// Turns the reading of a typed answer into the event the intake flow understands.

import type { FlowEvent } from '../../flows/intake';
import type { Understanding } from './understand';

/** Replies up to this long are quoted back when not understood; longer ones (stories) are never repeated to the person. */
const QUOTE_AT_MOST = 30;

/** The flow event for a typed reply: a choice, BACK, a clarifying question (UNCLEAR) or a re-ask (TEXT). */
export function toFlowEvent(reading: Understanding, text: string, at: number): FlowEvent {
  const disclosed = reading.disclosure ? { disclosed: true } : {};
  const quoted = text.trim().replace(/\s+/gu, ' ');
  const heard = quoted.length > 0 && quoted.length <= QUOTE_AT_MOST ? { heard: quoted } : {};
  switch (reading.outcome.kind) {
    case 'choice':
      return { type: 'CHOICE', id: reading.outcome.id, at, ...disclosed };
    case 'back':
      return { type: 'BACK', at };
    case 'unclear':
      return { type: 'UNCLEAR', at, ...heard, ...disclosed };
    case 'none':
      return { type: 'TEXT', at, ...heard, ...disclosed };
  }
}
