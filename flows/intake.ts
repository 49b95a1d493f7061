// The intake conversation of FLOW.md as a pure XState machine: steps, choice ids, commands, always-on rules.
//
// The machine does no I/O and renders no text. Every transition hands back *effects* (message
// intents, flags, timers to schedule or cancel, requests to the engine) as emitted events, which
// XState's pure `transition()` returns as data beside the next snapshot: `step()` below gives
// both, and the engine carries the effects out in one transaction. Effects are never part of the
// context, so the persisted snapshot holds only where the person stands. Time comes only from
// events (`at`), and deadlines live in context, so a persisted snapshot restored tomorrow
// behaves exactly as one kept in memory.

import { and, assign, createActor, emit, enqueueActions, setup, type ActionExecutor, type AnyActorScope, type AnyMachineSnapshot } from 'xstate';
import type { MessageIntent } from '../src/core/messages';
import { offeredLocales, SUPPORTED_LOCALES, type LocaleStart } from '../src/core/locales';
import { endonym, languagePages, matchLanguageName, orderLanguages } from '../src/core/language-names';
import type { TimerName } from '../src/core/events';
import type { RiskKind } from '../src/core/risk';
import type { ContactPurpose } from '../src/core/contacts/render';
import { COUNTRY_CHOICE_IDS, COUNTRY_OTHER, COUNTRY_SKIP, countryChoices, countryOfChoice, hasOwnContacts } from '../src/core/contacts/country';

/** Bump when a change makes older persisted snapshots unsafe to restore. */
export const FLOW_VERSION = 1;

export const MINUTE = 60_000;
export const REMINDER_AFTER = 30 * MINUTE;
export const LINK_TTL = 60 * MINUTE;
export const IDLE_TTL = 7 * 24 * 60 * MINUTE;
const IDLE_SLACK = 60 * MINUTE;

/** Commands recognised at any step. Their ids are also the payloads of the buttons that offer them. */
export const COMMANDS = ['human', 'status', 'language', 'restart', 'stop', 'delete', 'withdraw'] as const;
export type Command = (typeof COMMANDS)[number];

/** Flags staff see in the queue. */
export type Flag = 'urgent' | 'under13' | 'sextortion' | 'human';

/** What the flow asks the engine to do after an event. */
export type Effect =
  | ({ type: 'say'; contacts?: ContactPurpose; platforms?: true } & MessageIntent)
  | { type: 'flag'; flag: Flag; reason?: RiskKind }
  | { type: 'schedule'; name: TimerName; at: number }
  | { type: 'cancel'; name: TimerName }
  | { type: 'status' }
  | { type: 'erase' }
  | { type: 'withdraw'; caseNumber: string }
  /** The person left a message for the team out of hours. */
  | { type: 'message_left' };

/**
 * `disclosed`: the person's words told of sextortion (a threat to share, a demand for money or
 * more images), whatever else they answered. `heard`: a short reply quoted back when it was not understood.
 */
export type FlowEvent =
  /** `away`: set by the engine on a request for a person while the team is off shift, with when it is back. */
  | { type: 'CHOICE'; id: string; at: number; disclosed?: boolean; away?: { back: string } }
  /** What the person wrote after being told they may leave a message for the team. */
  | { type: 'MESSAGE_LEFT'; at: number }
  | { type: 'TEXT'; at: number; heard?: string; disclosed?: boolean }
  /** A typed reply that could mean more than one choice, or an answer this question has no choice for. */
  | { type: 'UNCLEAR'; at: number; heard?: string; disclosed?: boolean }
  /** "Back", "undo", "oops wrong button": return to the previous question. */
  | { type: 'BACK'; at: number }
  | { type: 'RISK'; kind?: RiskKind; at: number }
  /** The channel told us where the person lives (Messenger's `th_TH`); nothing is said. */
  | { type: 'COUNTRY'; country: string; at: number }
  | { type: 'MEDIA'; at: number }
  | { type: 'UNSUPPORTED'; at: number }
  | { type: 'SUBMITTED'; caseNumber: string; demo?: boolean; at: number }
  | { type: 'TIMEOUT'; name: TimerName; dueAt: number; at: number }
  | { type: 'HANDBACK'; at: number }
  | { type: 'CASE_STATUS'; key: string; params?: Record<string, string | number>; at: number };

export type Role = 'self' | 'helper';

export interface FlowContext {
  locale: string | null;
  /** The step whose question is open; choices and re-asks come from it. */
  step: Step;
  retries: number;
  role: Role | null;
  under13: boolean;
  /** Questions answered on the way here, latest last, for BACK. Absent in snapshots from before it existed. */
  history?: Step[];
  /** Case numbers of this person's submissions, newest last. Kept across restarts and expiry. */
  cases: string[];
  deadlines: Partial<Record<TimerName, number>>;
  /** Where the person lives (ISO code, `ZZ` for elsewhere or not said), or null while unknown. Absent in older snapshots. */
  country?: string | null;
  /** The step a crisis pause or the country question returns to. */
  resumeAt?: Step | null;
  /** Which contacts the country answer completes. */
  contactsFor?: ContactPurpose;
  /** The platform's language hint, whose region orders the language list (absent in older snapshots). */
  hint?: string | null;
  /** Which page of the language list is shown. */
  languagePage?: number;
  /** The language is the nearest to the platform's: say so once, with the welcome. */
  localeNote?: boolean;
  /** Out of hours the person was offered to leave a message: their next words are kept for the team. */
  leavingMessage?: boolean;
}

export interface FlowInput extends Partial<Omit<LocaleStart, 'locale'>> {
  locale?: string | null;
  cases?: string[];
  country?: string | null;
}

/** Every language choice of the contract; only the offered ones are shown or accepted. */
const LANGUAGE_CHOICES = SUPPORTED_LOCALES.map((l) => `lang:${l}`);
/** Shows the next page of languages (the last page leads back to the first). */
export const MORE_LANGUAGES = 'language:more';

interface StepSpec {
  key: string;
  choices: string[];
  link?: 'handoff';
  /** Said instead of `key` when the step is asked again after an unrecognised reply. */
  reaskKey?: string;
  /** Whether the wording differs when someone helps another person (i18next context). */
  byRole?: boolean;
  /** Contacts rendered into the message's {{contacts}}, for the person's country. */
  contacts?: ContactPurpose;
}

/** Every question the flow can leave open, with the choices it offers. The product contract of FLOW.md. */
export const STEPS = {
  new: { key: 'welcome.intro', choices: [] },
  // Shown a page at a time (`shownChoices`), each within every channel's button limit.
  language: { key: 'language.ask', choices: [...LANGUAGE_CHOICES, MORE_LANGUAGES] },
  role: { key: 'role.ask', choices: ['role:self', 'role:helper'] },
  minor_at_capture: { key: 'minor.ask', choices: ['minor:yes', 'minor:no', 'minor:unsure'], byRole: true },
  age_now: { key: 'age.ask', choices: ['age:under13', 'age:13_15', 'age:16_17', 'age:18plus'], byRole: true },
  content: { key: 'content.ask', choices: ['content:yes', 'content:no'] },
  threat: { key: 'threat.ask', choices: ['threat:yes', 'threat:no'], byRole: true },
  has_copy: { key: 'copy.ask', choices: ['copy:yes', 'copy:no'], byRole: true },
  waiting: { key: 'handoff.link', choices: ['handoff:new_link', 'human'], link: 'handoff', reaskKey: 'handoff.waiting' },
  follow_up: { key: 'follow_up.ask', choices: ['status', 'handoff:new_link', 'human'] },
  adult_route: { key: 'adult.info', choices: ['restart', 'human'] },
  out_of_scope: { key: 'scope.info', choices: ['restart', 'human'] },
  no_copy: { key: 'no_copy.info', choices: ['restart', 'human'], byRole: true, contacts: 'report' },
  confirm_delete: { key: 'delete.confirm', choices: ['delete:confirm', 'delete:cancel'] },
  confirm_withdraw: { key: 'withdraw.confirm', choices: ['withdraw:confirm', 'withdraw:cancel'] },
  stopped: { key: 'stop.bye', choices: [] },
  /** The pause after a message that suggests danger: a person now, or carry on when safe. */
  crisis: { key: 'crisis.ask', choices: ['crisis:person', 'crisis:continue'], reaskKey: 'crisis.reask', byRole: true },
  /** Asked once, when contacts are first needed; the buttons shown depend on the language (see countryChoices). */
  country: { key: 'country.ask', choices: [...COUNTRY_CHOICE_IDS, COUNTRY_OTHER, COUNTRY_SKIP] },
} satisfies Record<string, StepSpec>;

export type Step = keyof typeof STEPS;

/** The pages of the language step: likely languages first (the current one, the platform's region), then the rest. */
function languagePagesFor(context: Partial<Pick<FlowContext, 'locale' | 'hint'>>): string[][] {
  return languagePages(orderLanguages(offeredLocales(), context.hint, [context.locale]));
}

/** The buttons of the open question itself: a page of languages, the likely countries, or the step's own. */
function stepButtons(context: Pick<FlowContext, 'step'> & Partial<Pick<FlowContext, 'locale' | 'hint' | 'languagePage'>>): string[] {
  if (context.step === 'country') return countryChoices(context.locale);
  if (context.step !== 'language') return (STEPS[context.step] as StepSpec).choices;
  const pages = languagePagesFor(context);
  const page = pages[(context.languagePage ?? 0) % pages.length]!.map((code) => `lang:${code}`);
  return pages.length > 1 ? [...page, MORE_LANGUAGES] : page;
}

/** The choices the open question shows as buttons, in order (typing "3" picks the third); a person is offered from the third unrecognised reply. */
export function shownChoices(context: Pick<FlowContext, 'step'> & Partial<Pick<FlowContext, 'locale' | 'hint' | 'languagePage' | 'retries'>>): string[] {
  const choices = stepButtons(context);
  return (context.retries ?? 0) >= OFFER_PERSON_AFTER && !choices.includes('human') ? [...choices, 'human'] : choices;
}

/** The choice ids a free-text reply may match at this step: the step's own, then every command. */
export function offeredChoices(context: Pick<FlowContext, 'step'>): string[] {
  if (context.step === 'language') return [...offeredLocales().map((code) => `lang:${code}`), MORE_LANGUAGES, ...COMMANDS];
  return [...(STEPS[context.step] as StepSpec).choices, ...COMMANDS];
}

/** At the language step, a typed language name or code in any script ("ไทย", "vietnamese", "vi") picks it. */
export function typedLanguageChoice(context: Pick<FlowContext, 'step'>, text: string): string | null {
  if (context.step !== 'language') return null;
  const code = matchLanguageName(text, offeredLocales());
  return code ? `lang:${code}` : null;
}


/** From this many unrecognised replies at one step, the re-ask offers a person too. */
export const OFFER_PERSON_AFTER = 3;

/** Questions BACK can return to. */
const BACK_STEPS = ['role', 'minor_at_capture', 'age_now', 'content', 'threat', 'has_copy'] as const satisfies readonly Step[];
const MAX_HISTORY = 8;

/** Short replies are quoted back when not understood ("I didn't catch “ok lol”"); longer ones are not repeated. */
const heardParams = (event: FlowEvent): Record<string, string> | undefined =>
  (event.type === 'TEXT' || event.type === 'UNCLEAR') && event.heard ? { heard: event.heard } : undefined;

function askIntent(context: FlowContext, reask = false): MessageIntent & { contacts?: ContactPurpose } {
  const spec: StepSpec = STEPS[context.step];
  const params: Record<string, string | number> = {};
  if (spec.byRole && context.role === 'helper') params.context = 'helper';
  if (context.step === 'confirm_withdraw') params.caseNumber = context.cases.at(-1) ?? '';
  const key = reask && spec.reaskKey ? spec.reaskKey : spec.key;
  const intent: MessageIntent & { contacts?: ContactPurpose } = { key, choices: shownChoices(context) };
  if (Object.keys(params).length > 0) intent.params = params;
  if (spec.link && !(reask && spec.reaskKey)) intent.link = spec.link;
  if (spec.contacts) intent.contacts = spec.contacts;
  return intent;
}

/** The first message, or the first after a stop or expiry: welcome, then the first question. */
const greet = [
  { guard: 'hasLocale', target: '#intake.steps.role', actions: ['touch', 'welcome'] },
  { target: '#intake.language', actions: 'touch' },
] as const;

/** In a silent state a button press greets, unless it is a command (those work everywhere). */
const greetUnlessCommand = [
  { guard: and(['isNotCommand', 'hasLocale']), target: '#intake.steps.role', actions: ['touch', 'welcome'] },
  { guard: 'isNotCommand', target: '#intake.language', actions: 'touch' },
] as const;

const say = (intent: MessageIntent & { contacts?: ContactPurpose; platforms?: true }): Effect => ({ type: 'say', ...intent });

/** Steps inside `steps` a pause can return to; entering one asks its question again. */
const INNER_STEPS = ['role', 'minor_at_capture', 'age_now', 'content', 'threat', 'has_copy', 'waiting', 'follow_up', 'adult_route', 'out_of_scope', 'no_copy'] as const;
const OUTER_STEPS = ['language', 'confirm_delete', 'confirm_withdraw', 'country'] as const;
const resumesAt = (step: Step) => ({ context }: { context: FlowContext }) => (context.resumeAt ?? null) === step;

/** Back to where the intake stood; before any question (a first message, or after stop) it greets. */
const RESUME = [
  ...INNER_STEPS.map((step) => ({ guard: resumesAt(step), target: `#intake.steps.${step}` })),
  ...OUTER_STEPS.map((step) => ({ guard: resumesAt(step), target: `#intake.${step}` })),
  ...greet,
];

/** The open question asked again after `retries` failed replies: numbered when asked, with a person offered from the third. */
function reaskIntent(context: FlowContext, retries: number, numbered: boolean): MessageIntent {
  const intent = askIntent(context, true);
  const choices = shownChoices({ ...context, retries });
  return { ...intent, ...(choices.length > 0 ? { choices } : {}), ...(numbered && choices.length > 0 ? { numbered: true } : {}) };
}

/**
 * An action that may change the context and hand effects to the engine: the context changes
 * first, then the effects are emitted in order. Emitted effects travel with the transition, not
 * in the snapshot.
 */
function update<P = undefined>(fn: (args: { context: FlowContext; event: FlowEvent }, params: P) => Partial<FlowContext> & { effects?: Effect[] }) {
  return enqueueActions<FlowContext, FlowEvent, P, FlowEvent, never, never, never, never, Effect>(({ context, event, enqueue }, params) => {
    const { effects = [], ...patch } = fn({ context, event }, params);
    if (Object.keys(patch).length > 0) enqueue.assign(patch);
    for (const effect of effects) enqueue.emit(effect);
  });
}
const isChoice = (id: string) => ({ event }: { event: FlowEvent }) => event.type === 'CHOICE' && event.id === id;
const enter = (step: Step) => ({ type: 'enterStep' as const, params: { step } });

export const intakeMachine = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
    emitted: {} as Effect,
  },
  actions: {
    /** Opens a step: remember it, reset the re-ask count, ask its question. */
    enterStep: update(({ context }, params: { step: Step }) => {
      const next = { ...context, step: params.step, retries: 0 };
      return { step: params.step, retries: 0, effects: [say(askIntent(next))] };
    }),
    /**
     * Asks the open step's question again, a little differently each time: first gently; then
     * saying what was not caught, with the choices numbered in the text (buttons carry no
     * numbers); from the third time also offering a person.
     */
    reask: update(({ context, event }) => {
      const retries = context.retries + 1;
      const heard = heardParams(event);
      const lead: MessageIntent =
        retries === 1
          ? { key: 'common.not_understood' }
          : retries === 2
            ? heard
              ? { key: 'reask.didnt_catch', params: heard }
              : { key: 'reask.didnt_catch_plain' }
            : { key: 'reask.offer_person' };
      return { retries, effects: [say(lead), say(reaskIntent(context, retries, retries > 1))] };
    }),
    /** An unclear reply: a short clarifying question and the choices, numbered. It counts as a re-ask. */
    clarify: update(({ context, event }) => {
      const retries = context.retries + 1;
      const heard = heardParams(event);
      const lead: MessageIntent = heard ? { key: 'reask.clarify', params: heard } : { key: 'reask.clarify_plain' };
      return { retries, effects: [say(lead), say(reaskIntent(context, retries, true))] };
    }),
    /** A sextortion story typed where it answers nothing: thank them, flag it, ask the question again as if new. */
    hearDisclosure: update(() => ({
      effects: [{ type: 'flag', flag: 'sextortion' }, say({ key: 'disclosure.heard' })],
    })),
    /** Remembers the question just answered, so BACK can return to it. */
    remember: assign(({ context }) => {
      const history = context.history ?? [];
      if (!(BACK_STEPS as readonly Step[]).includes(context.step) || history.at(-1) === context.step) return {};
      return { history: [...history, context.step].slice(-MAX_HISTORY) };
    }),
    /** Forgets the way back (restart, expiry, a submission: there is nothing to undo before those). */
    forgetHistory: assign({ history: [] as Step[] }),
    /** Steps back one question; a link handed out on the way is no longer waited for. */
    goBack: update(({ context }) => {
      const effects: Effect[] = [say({ key: 'back.ok' })];
      const { reminder, link_expiry, ...rest } = context.deadlines;
      if (reminder !== undefined || link_expiry !== undefined) {
        effects.push({ type: 'cancel', name: 'reminder' }, { type: 'cancel', name: 'link_expiry' });
      }
      return { history: (context.history ?? []).slice(0, -1), deadlines: rest, effects };
    }),
    /** A message for the person, handed to the engine with the transition. */
    say: emit((_, params: MessageIntent & { platforms?: true }) => say(params)),
    /** Raised once per event however many rules ask for it (see effectsOf). */
    flag: emit((_, params: { flag: Flag }): Effect => ({ type: 'flag', flag: params.flag })),
    /** The welcome; the first time, after a language picked as the nearest to the platform's, says so and how to change it. */
    welcome: update(({ context }) => {
      const effects: Effect[] = [say({ key: 'welcome.intro' })];
      if (!context.localeNote || !context.locale) return { effects };
      return { localeNote: false, effects: [...effects, say({ key: 'language.nearest', params: { language: endonym(context.locale) ?? context.locale } })] };
    }),
    firstLanguagePage: assign({ languagePage: 0 }),
    nextLanguagePage: assign(({ context }) => ({ languagePage: ((context.languagePage ?? 0) + 1) % languagePagesFor(context).length })),
    /**
     * Every event from the person pushes the idle expiry a week ahead. Within an hour of the last
     * push it stays put: a week give or take an hour is the same promise, and it saves a write per message.
     */
    touch: update(({ context, event }) => {
      const at = event.at + IDLE_TTL;
      // A sextortion story told along with an answer (or as a first message) is heard even though the flow moves on.
      const effects: Effect[] = 'disclosed' in event && event.disclosed ? [{ type: 'flag', flag: 'sextortion' }] : [];
      if (context.deadlines.idle !== undefined && at - context.deadlines.idle < IDLE_SLACK && at >= context.deadlines.idle) return { effects };
      return {
        deadlines: { ...context.deadlines, idle: at },
        effects: [...effects, { type: 'schedule', name: 'idle', at }],
      };
    }),
    setLocale: assign(({ event }) => ({
      locale: event.type === 'CHOICE' && event.id.startsWith('lang:') ? event.id.slice(5) : null,
    })),
    setRole: assign(({ event }) => ({
      role: (event.type === 'CHOICE' && event.id === 'role:helper' ? 'helper' : 'self') as Role,
    })),
    markUnder13: assign({ under13: true }),
    startLink: update(({ context, event }) => {
      const reminder = event.at + REMINDER_AFTER;
      const expiry = event.at + LINK_TTL;
      return {
        deadlines: { ...context.deadlines, reminder, link_expiry: expiry },
        effects: [
          { type: 'schedule', name: 'reminder', at: reminder },
          { type: 'schedule', name: 'link_expiry', at: expiry },
        ],
      };
    }),
    stopLinkTimers: update(({ context }) => {
      const { reminder: _r, link_expiry: _e, ...rest } = context.deadlines;
      return {
        deadlines: rest,
        effects: [{ type: 'cancel', name: 'reminder' }, { type: 'cancel', name: 'link_expiry' }],
      };
    }),
    /** Forgets a deadline that fell due; a timer from an older scheduling leaves the current one alone. */
    clearDeadline: assign(({ context, event }) => {
      if (event.type !== 'TIMEOUT' || context.deadlines[event.name] !== event.dueAt) return {};
      const deadlines = { ...context.deadlines };
      delete deadlines[event.name];
      return { deadlines };
    }),
    recordCase: update(({ context, event }) => {
      if (event.type !== 'SUBMITTED') return {};
      const cases = context.cases.includes(event.caseNumber) ? context.cases : [...context.cases, event.caseNumber];
      return {
        cases,
        history: [],
        // A demo case is shared with nobody: its confirmation says so instead of promising platforms.
        effects: [say({ key: event.demo ? 'submitted.demo_thanks' : 'submitted.thanks', params: { caseNumber: event.caseNumber } })],
      };
    }),
    /**
     * News arrives between a question and its answer. A message without choices hides the open
     * step's (LINE quick replies vanish, Telegram and Messenger drop the keyboard), so news offers them again.
     */
    tellStatusChange: update(({ context, event }) => {
      if (event.type !== 'CASE_STATUS') return {};
      const choices = shownChoices(context);
      return {
        effects: [say({ key: event.key, ...(event.params ? { params: event.params } : {}), ...(choices.length > 0 ? { choices } : {}) })],
      };
    }),
    /** Asks the open step's question again without counting it as a failed answer. */
    askAgain: emit(({ context }) => say(askIntent(context))),
    requestStatus: emit({ type: 'status' }),
    requestErase: emit({ type: 'erase' }),
    requestWithdraw: update(({ context }) => {
      const caseNumber = context.cases.at(-1);
      return caseNumber ? { effects: [{ type: 'withdraw', caseNumber }] } : {};
    }),
    /** Idle expiry: forget the conversation's progress but keep its language and its cases. */
    forgetProgress: update(() => ({
      step: 'new' as Step,
      retries: 0,
      role: null,
      under13: false,
      history: [],
      deadlines: {},
      resumeAt: null,
      effects: [
        { type: 'cancel', name: 'reminder' },
        { type: 'cancel', name: 'link_expiry' },
      ],
    })),

    // ---- Crisis pause and the country question ----------------------------------------------
    /** Said to the person addressed: a helper reads the _helper wording (about the child, to the adult). */
    sayForRole: emit(({ context }, params: MessageIntent & { contacts?: ContactPurpose }) => {
      const intent = context.role === 'helper' ? { ...params, params: { ...params.params, context: 'helper' } } : params;
      return say(intent);
    }),
    /**
     * A request for a person. On shift: the team is told and the person hears someone will answer. Off shift:
     * the person is told honestly when the team is back, gets the crisis lines that answer now (never silence,
     * urgent or not), and may leave a message that the first shift back reads first.
     */
    askForPerson: update(({ event }) => {
      const away = event.type === 'CHOICE' ? event.away : undefined;
      if (!away) return { effects: [{ type: 'flag', flag: 'human' }, say({ key: 'human.queued' })] };
      return { leavingMessage: true, effects: [{ type: 'flag', flag: 'human' }, say({ key: 'human.closed', params: { back: away.back }, contacts: 'crisis' })] };
    }),
    /** The message is in the transcript already (every line is): thank the person once and let the flow be. */
    keepMessage: update(() => ({ leavingMessage: false, effects: [{ type: 'message_left' }, say({ key: 'human.message_kept' })] })),
    /** Crisis contacts at once, for the person's country (or the language's likely one) and everywhere. */
    sayCrisis: emit(say({ key: 'risk.crisis', contacts: 'crisis' })),
    /** Urgent for staff, with why (self-harm or immediate danger). */
    flagUrgent: emit(({ event }): Effect => ({ type: 'flag', flag: 'urgent', ...(event.type === 'RISK' && event.kind ? { reason: event.kind } : {}) })),
    /** Remembers where the intake stood; a second risk during the pause or the country question keeps the first place. */
    pauseHere: assign(({ context }) => ({
      resumeAt: context.step === 'crisis' || context.step === 'country' ? (context.resumeAt ?? null) : context.step,
    })),
    /** The open question again, in its gentle wording, without "sorry, I didn't get that". */
    askGently: emit(({ context }) => say(askIntent(context, true))),
    askCountryFor: assign((_, params: { contacts: ContactPurpose; resumeAt?: Step }) => ({
      contactsFor: params.contacts,
      ...(params.resumeAt ? { resumeAt: params.resumeAt } : {}),
    })),
    setCountry: assign(({ event }) => ({
      country: event.type === 'CHOICE' ? countryOfChoice(event.id) : event.type === 'COUNTRY' ? event.country : null,
    })),
    /** After the answer: that country's own contacts when we list any, else a short thanks (the international ones were sent). */
    sayCountryContacts: emit(({ context }) => {
      const own = context.country && context.country !== 'ZZ' ? context.country : null;
      return own && hasOwn(own)
        ? say({ key: 'contacts.for_country', contacts: context.contactsFor ?? 'crisis' })
        : say({ key: 'country.thanks' });
    }),
  },
  guards: {
    hasLocale: ({ context }) => context.locale !== null,
    isCurrentTimerNamed: ({ context, event }, params: { name: TimerName }) =>
      event.type === 'TIMEOUT' && event.name === params.name && context.deadlines[event.name] === event.dueAt,
    isNotCommand: ({ event }) => !(event.type === 'CHOICE' && (COMMANDS as readonly string[]).includes(event.id)),
    isLanguageChoice: ({ event }) => isLanguage(event),
    needsCountry: ({ context }) => (context.country ?? null) === null,
    isCountryChoice: ({ event }) => event.type === 'CHOICE' && (STEPS.country.choices as readonly string[]).includes(event.id),
    /** "Talk to a person now", or the HELP command itself: at the pause both mean the same. */
    wantsPerson: ({ event }) => event.type === 'CHOICE' && (event.id === 'crisis:person' || event.id === 'human'),
    isDisclosure: ({ event }) => (event.type === 'TEXT' || event.type === 'UNCLEAR' || event.type === 'CHOICE') && event.disclosed === true,
  },
}).createMachine({
  id: 'intake',
  context: ({ input }) => ({
    locale: input.locale ?? null,
    ...(input.hint ? { hint: input.hint } : {}),
    ...(input.localeNote ? { localeNote: true } : {}),
    step: 'new',
    retries: 0,
    role: null,
    under13: false,
    history: [],
    cases: input.cases ?? [],
    deadlines: {},
    country: input.country ?? null,
    resumeAt: null,
  }),
  initial: 'new',
  on: {
    // Always-on rules and commands. Steps handle their own choices first; what they do not
    // handle bubbles up here.
    // Danger pauses the intake wherever it stood: contacts at once, then a person or carry on.
    RISK: { target: '.crisis', actions: ['pauseHere', 'sayCrisis', 'flagUrgent'] },
    COUNTRY: { guard: 'needsCountry', actions: 'setCountry' },
    MEDIA: { actions: [{ type: 'say', params: { key: 'media.never_send' } }, 'reask'] },
    UNSUPPORTED: { actions: [{ type: 'say', params: { key: 'common.text_only' } }, 'reask'] },
    SUBMITTED: [
      // Already following up (a second submission): thank them and ask again, the step does not change.
      { guard: ({ context }) => context.step === 'follow_up', actions: ['stopLinkTimers', 'recordCase', 'askAgain'] },
      { target: '.steps.follow_up', actions: ['stopLinkTimers', 'recordCase'] },
    ],
    CASE_STATUS: { actions: 'tellStatusChange' },
    MESSAGE_LEFT: { actions: 'keepMessage' },
    // Talking with the team is not being idle: the week starts again from the hand-back.
    HANDBACK: { actions: [{ type: 'say', params: { key: 'human.handback' } }, 'touch', 'askAgain'] },
    TIMEOUT: [
      {
        guard: { type: 'isCurrentTimerNamed', params: { name: 'idle' } },
        target: '.new',
        actions: 'forgetProgress',
      },
      // A timer that no longer matches a deadline (the person moved on) is ignored.
      { actions: 'clearDeadline' },
    ],
    CHOICE: [
      { guard: isChoice('human'), actions: 'askForPerson' },
      { guard: isChoice('status'), actions: 'requestStatus' },
      { guard: isChoice('language'), target: '.language' },
      { guard: isChoice('restart'), target: '.steps.role', actions: ['stopLinkTimers', 'forgetHistory', { type: 'say', params: { key: 'welcome.intro' } }] },
      { guard: isChoice('stop'), target: '.stopped', actions: 'stopLinkTimers' },
      { guard: isChoice('delete'), target: '.confirm_delete' },
      { guard: ({ context, event }) => isChoice('withdraw')({ event }) && context.cases.length > 0, target: '.confirm_withdraw' },
      { guard: isChoice('withdraw'), actions: [{ type: 'say', params: { key: 'withdraw.none' } }, 'askAgain'] },
      { actions: 'reask' },
    ],
    TEXT: [{ guard: 'isDisclosure', actions: ['hearDisclosure', 'askAgain'] }, { actions: 'reask' }],
    UNCLEAR: [{ guard: 'isDisclosure', actions: ['hearDisclosure', 'clarify'] }, { actions: 'clarify' }],
    BACK: [
      ...BACK_STEPS.map((step) => ({
        guard: ({ context }: { context: FlowContext }) => context.history?.at(-1) === step,
        target: `.steps.${step}`,
        actions: ['touch', 'goBack'] as const,
      })),
      { actions: [{ type: 'say', params: { key: 'back.none' } }, 'askAgain'] },
    ],
  },
  states: {
    /** No question open yet: the first message (or the first after expiry or stop) greets. */
    new: {
      entry: assign({ step: 'new' as Step }),
      on: {
        TEXT: greet,
        UNCLEAR: greet,
        BACK: greet,
        CHOICE: greetUnlessCommand,
        MEDIA: [
          { guard: 'hasLocale', target: 'steps.role', actions: ['touch', { type: 'say', params: { key: 'media.never_send' } }, 'welcome'] },
          { target: 'language', actions: ['touch', { type: 'say', params: { key: 'media.never_send' } }] },
        ],
        UNSUPPORTED: greet,
      },
    },
    language: {
      entry: ['firstLanguagePage', enter('language')],
      on: {
        CHOICE: [
          { guard: isChoice(MORE_LANGUAGES), actions: ['touch', 'nextLanguagePage', 'askAgain'] },
          // Chosen as a command mid-conversation: ask the open step again, now in the new language.
          { guard: ({ context, event }) => isLanguage(event) && context.role !== null, target: 'steps.hist', actions: ['touch', 'setLocale'] },
          { guard: 'isLanguageChoice', target: 'steps.role', actions: ['touch', 'setLocale', { type: 'say', params: { key: 'welcome.intro' } }] },
        ],
      },
    },
    steps: {
      initial: 'role',
      states: {
        hist: { type: 'history', history: 'shallow' },
        role: {
          entry: enter('role'),
          on: {
            CHOICE: [{ guard: ({ event }) => isOneOf(event, ['role:self', 'role:helper']), target: 'minor_at_capture', actions: ['touch', 'remember', 'setRole'] }],
          },
        },
        minor_at_capture: {
          entry: enter('minor_at_capture'),
          on: {
            CHOICE: [
              { guard: isChoice('minor:yes'), target: 'age_now', actions: ['touch', 'remember'] },
              { guard: isChoice('minor:unsure'), target: 'age_now', actions: ['touch', 'remember', { type: 'say', params: { key: 'minor.unsure' } }] },
              { guard: isChoice('minor:no'), target: 'adult_route', actions: ['touch', 'remember'] },
            ],
          },
        },
        age_now: {
          entry: enter('age_now'),
          on: {
            CHOICE: [
              {
                guard: isChoice('age:under13'),
                target: 'content',
                actions: ['touch', 'remember', 'markUnder13', { type: 'flag', params: { flag: 'under13' } }, { type: 'sayForRole', params: { key: 'age.under13' } }],
              },
              { guard: ({ event }) => isOneOf(event, ['age:13_15', 'age:16_17', 'age:18plus']), target: 'content', actions: ['touch', 'remember'] },
            ],
          },
        },
        content: {
          entry: enter('content'),
          on: {
            CHOICE: [
              { guard: isChoice('content:yes'), target: 'threat', actions: ['touch', 'remember'] },
              { guard: isChoice('content:no'), target: 'out_of_scope', actions: ['touch', 'remember'] },
            ],
          },
        },
        threat: {
          entry: enter('threat'),
          on: {
            CHOICE: [
              // Contacts go out at once; where the person lives is asked after, when we do not know it yet.
              {
                // Their story instead of a tap, and we don't know where they live: thanks first, then the same.
                guard: and([isChoice('threat:yes'), 'isDisclosure', 'needsCountry']),
                target: '#intake.country',
                actions: [
                  { type: 'say', params: { key: 'threat.thanks' } },
                  'touch',
                  'remember',
                  { type: 'flag', params: { flag: 'sextortion' } },
                  { type: 'sayForRole', params: { key: 'sextortion.advice' } },
                  { type: 'say', params: { key: 'contacts.all', contacts: 'all' } as MessageIntent },
                  { type: 'askCountryFor', params: { contacts: 'all', resumeAt: 'has_copy' } },
                ],
              },
              {
                guard: and([isChoice('threat:yes'), 'needsCountry']),
                target: '#intake.country',
                actions: [
                  'touch',
                  'remember',
                  { type: 'flag', params: { flag: 'sextortion' } },
                  { type: 'sayForRole', params: { key: 'sextortion.advice' } },
                  { type: 'say', params: { key: 'contacts.all', contacts: 'all' } as MessageIntent },
                  { type: 'askCountryFor', params: { contacts: 'all', resumeAt: 'has_copy' } },
                ],
              },
              {
                // They told their story instead of tapping "yes": thank them for telling us before anything else.
                guard: and([isChoice('threat:yes'), 'isDisclosure']),
                target: 'has_copy',
                actions: [{ type: 'say', params: { key: 'threat.thanks' } }, 'touch', 'remember', { type: 'flag', params: { flag: 'sextortion' } }, { type: 'sayForRole', params: { key: 'sextortion.advice' } }, { type: 'say', params: { key: 'contacts.all', contacts: 'all' } as MessageIntent }],
              },
              {
                guard: isChoice('threat:yes'),
                target: 'has_copy',
                actions: ['touch', 'remember', { type: 'flag', params: { flag: 'sextortion' } }, { type: 'sayForRole', params: { key: 'sextortion.advice' } }, { type: 'say', params: { key: 'contacts.all', contacts: 'all' } as MessageIntent }],
              },
              { guard: isChoice('threat:no'), target: 'has_copy', actions: ['touch', 'remember'] },
            ],
          },
        },
        has_copy: {
          entry: enter('has_copy'),
          on: {
            CHOICE: [
              {
                guard: isChoice('copy:yes'),
                target: 'waiting',
                // Before the link: who takes part, and plainly what the programme can and cannot do.
                actions: ['touch', 'remember', { type: 'say', params: { key: 'handoff.explain' } }, { type: 'say', params: { key: 'handoff.programme', platforms: true } }],
              },
              { guard: isChoice('copy:no'), target: 'no_copy', actions: ['touch', 'remember'] },
            ],
          },
        },
        waiting: {
          entry: [enter('waiting'), 'startLink'],
          on: {
            CHOICE: [{ guard: isChoice('handoff:new_link'), target: 'waiting', reenter: true, actions: 'touch' }],
            // The link is asked again with a fresh one, so its reminder and expiry start again too.
            HANDBACK: { target: 'waiting', reenter: true, actions: [{ type: 'say', params: { key: 'human.handback' } }, 'touch'] },
            TIMEOUT: [
              {
                guard: { type: 'isCurrentTimerNamed', params: { name: 'reminder' } },
                actions: ['clearDeadline', { type: 'say', params: { key: 'handoff.reminder', choices: ['handoff:new_link', 'human'] } }],
              },
              {
                guard: { type: 'isCurrentTimerNamed', params: { name: 'link_expiry' } },
                actions: ['clearDeadline', { type: 'say', params: { key: 'handoff.expired', choices: ['handoff:new_link', 'human'] } }],
              },
            ],
          },
        },
        follow_up: {
          entry: enter('follow_up'),
          on: {
            CHOICE: [{ guard: isChoice('handoff:new_link'), target: 'waiting', actions: 'touch' }],
          },
        },
        adult_route: { entry: enter('adult_route') },
        out_of_scope: { entry: enter('out_of_scope') },
        no_copy: { entry: enter('no_copy') },
      },
    },
    confirm_delete: {
      entry: enter('confirm_delete'),
      on: {
        CHOICE: [
          { guard: isChoice('delete:confirm'), target: 'erased', actions: ['stopLinkTimers', 'requestErase'] },
          { guard: isChoice('delete:cancel'), target: 'steps.hist', actions: { type: 'say', params: { key: 'delete.cancelled' } } },
        ],
        BACK: { target: 'steps.hist', actions: { type: 'say', params: { key: 'delete.cancelled' } } },
      },
    },
    confirm_withdraw: {
      entry: enter('confirm_withdraw'),
      on: {
        CHOICE: [
          { guard: isChoice('withdraw:confirm'), target: 'steps.hist', actions: ['requestWithdraw', { type: 'say', params: { key: 'withdraw.done' } }] },
          { guard: isChoice('withdraw:cancel'), target: 'steps.hist', actions: { type: 'say', params: { key: 'withdraw.cancelled' } } },
        ],
        BACK: { target: 'steps.hist', actions: { type: 'say', params: { key: 'withdraw.cancelled' } } },
      },
    },
    /** The person said stop: silence until they write again, then a fresh welcome. */
    stopped: {
      entry: enter('stopped'),
      on: {
        TEXT: greet,
        UNCLEAR: greet,
        BACK: greet,
        CHOICE: greetUnlessCommand,
        MEDIA: greet,
        UNSUPPORTED: greet,
        // Silence means silence: status news waits until they write again and ask for it.
        CASE_STATUS: {},
        TIMEOUT: { actions: 'clearDeadline' },
      },
    },
    /** Erased at the person's request; the engine deletes the conversation with this event. */
    erased: { type: 'final' },

    // ---- Crisis pause and the country question ------------------------------------------------
    /** After a message that suggests danger: the intake waits until the person chooses. */
    crisis: {
      entry: enter('crisis'),
      on: {
        RISK: { actions: ['sayCrisis', 'flagUrgent', 'askGently'] },
        TEXT: { actions: 'askGently' },
        MEDIA: { actions: [{ type: 'say', params: { key: 'media.never_send' } }, 'askGently'] },
        CHOICE: [
          {
            guard: and(['wantsPerson', 'needsCountry']),
            target: 'country',
            actions: ['touch', 'askForPerson', { type: 'askCountryFor', params: { contacts: 'crisis' } }],
          },
          { guard: 'wantsPerson', target: 'resume', actions: ['touch', 'askForPerson'] },
          {
            guard: and([isChoice('crisis:continue'), 'needsCountry']),
            target: 'country',
            actions: ['touch', { type: 'say', params: { key: 'crisis.continue' } }, { type: 'askCountryFor', params: { contacts: 'crisis' } }],
          },
          { guard: isChoice('crisis:continue'), target: 'resume', actions: ['touch', { type: 'say', params: { key: 'crisis.continue' } }] },
        ],
      },
    },
    /** Where the person lives, asked once; any answer, "somewhere else" or "prefer not to say" moves on. */
    country: {
      entry: enter('country'),
      on: {
        CHOICE: [{ guard: 'isCountryChoice', target: 'resume', actions: ['touch', 'setCountry', 'sayCountryContacts'] }],
        // Danger while this is open pauses as anywhere, and keeps where the intake was going.
        RISK: { target: 'crisis', actions: ['sayCrisis', 'flagUrgent'] },
      },
    },
    /** Passes straight on to the step the pause or the question interrupted, asking it again. */
    resume: { always: RESUME },
  },
});

function hasOwn(country: string): boolean {
  return hasOwnContacts(country);
}

/** A choice of a language this process offers. */
function isLanguage(event: FlowEvent): boolean {
  return event.type === 'CHOICE' && event.id.startsWith('lang:') && (offeredLocales() as readonly string[]).includes(event.id.slice(5));
}

function isOneOf(event: FlowEvent, ids: string[]): boolean {
  return event.type === 'CHOICE' && ids.includes(event.id);
}

export type IntakeMachine = typeof intakeMachine;
export type FlowSnapshot = ReturnType<typeof intakeMachine.resolveState>;

/**
 * The effects among the actions a transition returned, in order. A flag is raised once per
 * event however many rules ask for it (the urgent flag carries its reason each time).
 */
export function effectsOf(actions: readonly { type: string; params?: unknown }[]): Effect[] {
  const effects: Effect[] = [];
  for (const action of actions) {
    if (action.type !== 'xstate.emit') continue;
    const effect = (action.params as { event: Effect }).event;
    if (effect.type === 'flag' && effect.flag !== 'urgent' && effects.some((e) => e.type === 'flag' && e.flag === effect.flag)) continue;
    effects.push(effect);
  }
  return effects;
}

/**
 * The scope a transition runs in, made once. XState's own `transition()` and `initialTransition()`
 * build a throwaway actor for every call, and that actor's constructor computes an initial state
 * nobody reads: two thirds of the cost of a step here (engine bench profile: 8.1 % of all CPU in
 * that construction, 12.2 % in the whole step). The intake spawns no child actors and has no
 * delayed or deferred actions, so one inert scope does for every call; each call collects its
 * own actions into it, synchronously. The result is the same as `transition()`'s (tested in
 * test/flows/pure-step.test.ts).
 */
const scope: AnyActorScope & { actionExecutor: ActionExecutor } = (() => {
  const self = createActor(intakeMachine, { input: {} });
  return { self, id: '', sessionId: '', system: self.system, logger: () => {}, defer: () => {}, emit: () => {}, stopChild: () => {}, actionExecutor: () => {} };
})();

/** Runs `work` in the shared scope, returning what it made and the actions it produced, in order. */
function collecting<T>(work: () => T): [T, Parameters<ActionExecutor>[0][]] {
  const actions: Parameters<ActionExecutor>[0][] = [];
  scope.actionExecutor = (action) => {
    actions.push(action);
  };
  try {
    return [work(), actions];
  } finally {
    scope.actionExecutor = () => {};
  }
}

/** One event through the flow, purely: the next snapshot and the effects the engine is to carry out. */
export function step(snapshot: FlowSnapshot, event: FlowEvent): [FlowSnapshot, Effect[]] {
  const [next, actions] = collecting(() => intakeMachine.transition(snapshot, event, scope));
  return [next, effectsOf(actions)];
}

/** A new conversation's flow before its first event, as `initialTransition()` makes it. */
export function begin(input: FlowInput): FlowSnapshot {
  return collecting(() => intakeMachine.getInitialSnapshot(scope, input))[0];
}
