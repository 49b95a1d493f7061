// Turns a RenderedMessage into LINE message objects: text, quick-reply postbacks and a flex bubble for the link.

import type { messagingApi } from '@line/bot-sdk';
import type { RenderedMessage } from '../../core/messages';
import { splitText, truncate } from './text';

/** Limits from the Messaging API reference (message objects, actions, quick reply). */
export const LINE_LIMITS = {
  /** Text message; LINE counts UTF-16 units. */
  textLength: 5000,
  /** Message objects in one reply or push request. */
  messagesPerRequest: 5,
  quickReplyItems: 13,
  /** Postback and URI action labels. */
  actionLabel: 20,
  /** 400 for templates, 1500 for flex: the smaller one keeps us safe either way. */
  altText: 400,
  /** Kept well under the 30 KB flex size limit, even for three-byte Thai characters. */
  bubbleText: 2000,
} as const;

/**
 * Renders one message as batches of LINE message objects, each batch one request (at most 5).
 * Choices ride as quick-reply postbacks on the last message (LINE shows quick replies only
 * there), with the choice id as `data`. A handoff link becomes a flex bubble whose button is a
 * URI action: the explanation and the button stay together, and quick replies still fit.
 */
export function renderLineMessages(message: RenderedMessage): messagingApi.Message[][] {
  const url = message.link?.url;
  const pieces = splitText(message.text, url ? LINE_LIMITS.bubbleText : LINE_LIMITS.textLength);
  const messages: messagingApi.Message[] = [];
  if (url) {
    const last = pieces.pop() ?? '';
    for (const piece of pieces) messages.push({ type: 'text', text: piece });
    messages.push(linkBubble(last, message.link?.label ?? '', url));
  } else {
    for (const piece of pieces) messages.push({ type: 'text', text: piece });
  }
  const final = messages.at(-1);
  if (!final) return [];
  const quickReply = quickReplies(message);
  if (quickReply) final.quickReply = quickReply;
  const batches: messagingApi.Message[][] = [];
  for (let i = 0; i < messages.length; i += LINE_LIMITS.messagesPerRequest) batches.push(messages.slice(i, i + LINE_LIMITS.messagesPerRequest));
  return batches;
}

function quickReplies(message: RenderedMessage): messagingApi.QuickReply | undefined {
  if (message.choices.length === 0) return undefined;
  return {
    items: message.choices.slice(0, LINE_LIMITS.quickReplyItems).map((choice) => ({
      type: 'action',
      action: {
        type: 'postback',
        label: truncate(choice.label || choice.id, LINE_LIMITS.actionLabel),
        data: choice.id,
        // What the person sees as their own message after tapping: the full, uncut label.
        displayText: truncate(choice.label || choice.id, 300),
      },
    })),
  };
}

function linkBubble(text: string, label: string, url: string): messagingApi.FlexMessage {
  const buttonLabel = truncate(label || url, LINE_LIMITS.actionLabel);
  const body = text || label;
  return {
    type: 'flex',
    // Shown in notifications and chat lists: never the URL, whose fragment is a single-use token.
    altText: truncate(body || buttonLabel, LINE_LIMITS.altText),
    contents: {
      type: 'bubble',
      body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: body || buttonLabel, wrap: true }] },
      footer: {
        type: 'box',
        layout: 'vertical',
        contents: [{ type: 'button', style: 'primary', action: { type: 'uri', label: buttonLabel, uri: url } }],
      },
    },
  };
}
