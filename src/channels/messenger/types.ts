// Messenger Platform JSON as it arrives on the webhook and goes to the Send API; these types never leave this folder.

/** The webhook body Meta POSTs for a Page subscription. */
export interface WebhookBody {
  object?: unknown;
  entry?: unknown;
}

/** One `entry[]` item: a Page and a batch of messaging events for it. */
export interface WebhookEntry {
  id?: string;
  time?: number;
  messaging?: MessagingEvent[];
}

/** One `entry[].messaging[]` item. Exactly one of the event fields is set. */
export interface MessagingEvent {
  sender?: { id?: string };
  recipient?: { id?: string };
  timestamp?: number;
  message?: IncomingMessage;
  postback?: { mid?: string; title?: string; payload?: string };
  delivery?: unknown;
  read?: unknown;
}

export interface IncomingMessage {
  mid?: string;
  text?: string;
  is_echo?: boolean;
  quick_reply?: { payload?: string };
  sticker_id?: number;
  attachments?: IncomingAttachment[];
}

/** `payload.url` is a CDN link to the person's media: it is never copied, logged or fetched. */
export interface IncomingAttachment {
  type?: string;
  payload?: { url?: string; sticker_id?: number } | null;
}

/** The `message` object of a Send API request. */
export interface OutgoingMessage {
  text?: string;
  attachment?: { type: 'template'; payload: ButtonTemplate };
  quick_replies?: QuickReply[];
}

export interface QuickReply {
  content_type: 'text';
  title: string;
  payload: string;
}

export interface ButtonTemplate {
  template_type: 'button';
  text: string;
  buttons: { type: 'web_url'; url: string; title: string }[];
}

/** How a Send API request may reach the person: inside the 24-hour window, or tagged outside it. */
export type MessagingType = { messaging_type: 'RESPONSE' } | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' };

/** A full Send API request body. */
export type SendRequest = MessagingType & { recipient: { id: string }; message: OutgoingMessage };

/** The `error` object of a failed Graph API call. */
export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  fbtrace_id?: string;
}
