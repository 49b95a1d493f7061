// Outbound mapping: a RenderedMessage becomes botbuilder Activities, and an Activity becomes Send API messages.

import { ActionTypes, ActivityTypes, CardFactory, type Activity, type CardAction, type HeroCard } from 'botbuilder';
import type { RenderedMessage } from '../../core/messages';
import type { ButtonTemplate, MessagingType, OutgoingMessage, QuickReply } from './types';

/** Messenger's limits (Send API reference): text 2000, template text 640, quick replies 13 with 20-character titles, 3 buttons. */
export const LIMITS = { text: 2000, templateText: 640, quickReplies: 13, title: 20, buttons: 3 } as const;

/**
 * The Activities for one rendered message: its text with the choices as suggested actions, and
 * the handoff link as a hero card with an open-URL button. The messaging type rides in channelData.
 */
export function toActivities(message: RenderedMessage, messaging: MessagingType): Partial<Activity>[] {
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: message.text, channelData: { ...messaging } };
  if (message.choices.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: message.choices.map((c) => ({ type: ActionTypes.PostBack, title: c.label, value: c.id })),
    };
  }
  if (message.link?.url) {
    activity.attachments = [CardFactory.heroCard(message.link.label, [], [{ type: ActionTypes.OpenUrl, title: message.link.label, value: message.link.url }])];
  }
  return [activity];
}

/** The messaging_type an Activity was given, RESPONSE when none. */
export function messagingTypeOf(activity: Partial<Activity>): MessagingType {
  const data = activity.channelData as Partial<{ messaging_type: string; tag: string }> | undefined;
  return data?.messaging_type === 'MESSAGE_TAG' && data.tag === 'HUMAN_AGENT' ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : { messaging_type: 'RESPONSE' };
}

/**
 * The Send API `message` objects for one Activity, in order. Suggested actions become quick
 * replies on the last one; a hero card with URL buttons becomes a button template. Text too long
 * for a template goes first as plain messages, then the template with a short text of its own.
 */
export function toMessengerMessages(activity: Partial<Activity>): OutgoingMessage[] {
  const text = activity.text ?? '';
  const quickReplies = toQuickReplies(activity.suggestedActions?.actions ?? []);
  const card = activity.attachments?.find((a) => a.contentType === CardFactory.contentTypes.heroCard)?.content as HeroCard | undefined;
  const buttons = (card?.buttons ?? [])
    .filter((b): b is CardAction & { value: string } => b.type === ActionTypes.OpenUrl && typeof b.value === 'string')
    .slice(0, LIMITS.buttons)
    .map((b) => ({ type: 'web_url' as const, url: b.value, title: clip(b.title || card?.title || 'Open', LIMITS.title) }));

  const messages: OutgoingMessage[] = [];
  if (buttons.length > 0) {
    let templateText = text;
    if (!text.trim() || text.length > LIMITS.templateText) {
      messages.push(...splitText(text, LIMITS.text).map((part) => ({ text: part })));
      templateText = card?.text || card?.title || buttons[0]!.title;
    }
    const payload: ButtonTemplate = { template_type: 'button', text: clip(templateText, LIMITS.templateText), buttons };
    messages.push({ attachment: { type: 'template', payload } });
  } else {
    messages.push(...splitText(text, LIMITS.text).map((part) => ({ text: part })));
  }
  const last = messages.at(-1);
  if (last && quickReplies.length > 0) last.quick_replies = quickReplies;
  return messages;
}

function toQuickReplies(actions: CardAction[]): QuickReply[] {
  return actions
    .filter((a) => a.value !== undefined && a.value !== null && String(a.value) !== '')
    .slice(0, LIMITS.quickReplies)
    .map((a) => ({ content_type: 'text', title: clip(a.title || String(a.value), LIMITS.title), payload: String(a.value) }));
}

/** Cuts to `max` characters (code points, so no emoji or Thai vowel mark is split in half), with an ellipsis. */
export function clip(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : chars.slice(0, max - 1).join('') + '…';
}

/** Splits text into parts of at most `max` UTF-16 units, preferring paragraph, line and word breaks. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    // A break in the first half would leave a stub: cut hard at the limit instead.
    const breakAt = ['\n\n', '\n', ' '].map((sep) => window.lastIndexOf(sep)).find((at) => at >= max / 2);
    let cut = breakAt ?? max;
    // Never leave half a surrogate pair at the end of a part.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut--;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
