// What the transcript keeps of each message: text as written, media only as a fact, links never.

import type { InboundEvent } from '../core/events';
import type { RenderedMessage } from '../core/messages';

/** What the transcript keeps of an inbound event: text as written; media only as a fact. */
export function describeInbound(event: InboundEvent, label: (id: string) => string): string {
  switch (event.kind) {
    case 'text':
      return event.text ?? '';
    case 'choice':
      // Staff read the label the person tapped; the id stays for anyone tracing the flow.
      return `[${label(event.choiceId ?? '')}] (${event.choiceId ?? ''})`;
    case 'media':
      return event.text ? `[media received and not kept] ${event.text}` : '[media received and not kept]';
    case 'unsupported':
      return '[sticker, voice, location or file: not kept]';
    case 'start':
      return '[started]';
    case 'left':
      return '[left]';
  }
}

export function describeOutbound(message: RenderedMessage): string {
  const parts = [message.text];
  if (message.link) parts.push(`[${message.link.label}: single-use link]`);
  if (message.choices.length) parts.push(message.choices.map((c) => `[${c.label}]`).join(' '));
  return parts.join('\n');
}
