// Outbound message intents (what the flow wants said) and rendered messages (what a channel sends).

/**
 * What the flow wants to say: an i18n key, its parameters and the choices offered, by id.
 * Intents are rendered to text in the person's language by the engine, never by the flow.
 */
export interface MessageIntent {
  key: string;
  params?: Record<string, string | number>;
  choices?: string[];
  /** A link button. `handoff` is filled with a fresh single-use hashing link at delivery time. */
  link?: 'handoff';
  /** The choices are also listed in the text with their numbers, so "2" can be typed on any channel. */
  numbered?: boolean;
}

/** A choice as a person sees it. `id` is the stable payload on every channel. */
export interface RenderedChoice {
  id: string;
  label: string;
}

/** A message in the person's language, ready for a channel adapter to turn into platform JSON. */
export interface RenderedMessage {
  text: string;
  choices: RenderedChoice[];
  link?: { kind: 'handoff'; label: string; url?: string };
  /** Set on messages written by helpline staff: Messenger sends them with the HUMAN_AGENT tag. */
  fromStaff?: boolean;
}
