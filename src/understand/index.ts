// The understanding layer: typed answers read against the open question, in every supported language.

export { understand, findDisclosure, explain, type Understanding, type Outcome, type Evidence, type AnswerContext } from './understand';
export { toFlowEvent } from './flow-event';
export { fold } from './fold';
export type { Lexicon, Intent } from './lexicon';
export { LEXICONS } from './lexicons';
