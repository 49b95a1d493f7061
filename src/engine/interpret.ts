// Inbound messages read as flow events: danger first, then buttons, numbers and typed answers (src/understand).

import { offeredChoices, shownChoices, typedLanguageChoice, type FlowContext, type FlowEvent } from '../../flows/intake';
import type { InboundEvent } from '../core/events';
import { detectRisk, type RiskKind } from '../core/risk';
import { toFlowEvent, understand } from '../understand';
import type { Translator } from './i18n';

/** The flow event an inbound message means at the open step. */
export function interpret(event: InboundEvent, context: FlowContext, translator: Translator): FlowEvent {
  const at = event.at;
  switch (event.kind) {
    case 'media':
      return { type: 'MEDIA', at };
    case 'unsupported':
      return { type: 'UNSUPPORTED', at };
    case 'choice':
      return { type: 'CHOICE', id: event.choiceId ?? '', at };
    case 'start':
    case 'left':
      return { type: 'TEXT', at };
    case 'text': {
      const text = event.text ?? '';
      const risk = detectRisk(text, context.locale);
      if (risk) return { type: 'RISK', kind: risk.kind, at };
      // At the language step a language named in any script picks it ("ไทย", "vietnamese", "vi").
      const language = typedLanguageChoice(context, text);
      if (language) return { type: 'CHOICE', id: language, at };
      // Labels, numbers and ids choose as before; then typed answers in any language (src/understand).
      const choices = shownChoices(context);
      return toFlowEvent(understand(text, { choices, words: translator.choiceWords([...new Set([...choices, ...offeredChoices(context)])]) }), text, at);
    }
  }
}

/** Words sent with a photo (a caption) are checked for danger like any message. */
export function captionRisk(event: InboundEvent, locale: string | null): RiskKind | null {
  if (event.kind !== 'media' || event.text === undefined) return null;
  return detectRisk(event.text, locale)?.kind ?? null;
}
