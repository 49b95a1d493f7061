// The intake conversation of FLOW.md as a pure XState machine: steps, choice ids, commands, always-on rules.
//
// The machine does no I/O and renders no text. Every transition appends *effects* to
// `context.out` (message intents, flags, timers to schedule or cancel, requests to the engine);
// the engine reads them after each event, performs them in one transaction and clears them
// before the snapshot is persisted. Time comes only from events (`at`), and deadlines live in
// context, so a persisted snapshot restored tomorrow behaves exactly as one kept in memory.

import { and, assign, setup } from 'xstate';
import type { MessageIntent } from '../src/core/messages';
import { offeredLocales, SUPPORTED_LOCALES, type LocaleStart } from '../src/core/locales';
import { endonym, languagePages, matchLanguageName, orderLanguages } from '../src/core/language-names';
import type { TimerName } from '../src/core/events';

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
  | ({ type: 'say' } & MessageIntent)
  | { type: 'flag'; flag: Flag }
  | { type: 'schedule'; name: TimerName; at: number }
  | { type: 'cancel'; name: TimerName }
  | { type: 'status' }
  | { type: 'erase' }
  | { type: 'withdraw'; caseNumber: string };

export type FlowEvent =
  | { type: 'CHOICE'; id: string; at: number }
  | { type: 'TEXT'; at: number }
  | { type: 'RISK'; at: number }
  | { type: 'MEDIA'; at: number }
  | { type: 'UNSUPPORTED'; at: number }
  | { type: 'SUBMITTED'; caseNumber: string; at: number }
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
  /** Case numbers of this person's submissions, newest last. Kept across restarts and expiry. */
  cases: string[];
  deadlines: Partial<Record<TimerName, number>>;
  out: Effect[];
  /** The platform's language hint, whose region orders the language list (absent in older snapshots). */
  hint?: string | null;
  /** Which page of the language list is shown. */
  languagePage?: number;
  /** The language is the nearest to the platform's: say so once, with the welcome. */
  localeNote?: boolean;
}

export interface FlowInput extends Partial<Omit<LocaleStart, 'locale'>> {
  locale?: string | null;
  cases?: string[];
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
  no_copy: { key: 'no_copy.info', choices: ['restart', 'human'], byRole: true },
  confirm_delete: { key: 'delete.confirm', choices: ['delete:confirm', 'delete:cancel'] },
  confirm_withdraw: { key: 'withdraw.confirm', choices: ['withdraw:confirm', 'withdraw:cancel'] },
  stopped: { key: 'stop.bye', choices: [] },
} satisfies Record<string, StepSpec>;

export type Step = keyof typeof STEPS;

/** The pages of the language step: likely languages first (the current one, the platform's region), then the rest. */
function languagePagesFor(context: Partial<Pick<FlowContext, 'locale' | 'hint'>>): string[][] {
  return languagePages(orderLanguages(offeredLocales(), context.hint, [context.locale]));
}

/** The choices the open question shows as buttons, in order (typing "3" picks the third). */
export function shownChoices(context: Pick<FlowContext, 'step'> & Partial<Pick<FlowContext, 'locale' | 'hint' | 'languagePage'>>): string[] {
  if (context.step !== 'language') return (STEPS[context.step] as StepSpec).choices;
  const pages = languagePagesFor(context);
  const page = pages[(context.languagePage ?? 0) % pages.length]!.map((code) => `lang:${code}`);
  return pages.length > 1 ? [...page, MORE_LANGUAGES] : page;
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

function askIntent(context: FlowContext, reask = false): MessageIntent {
  const spec: StepSpec = STEPS[context.step];
  const params: Record<string, string | number> = {};
  if (spec.byRole && context.role === 'helper') params.context = 'helper';
  if (context.step === 'confirm_withdraw') params.caseNumber = context.cases.at(-1) ?? '';
  const key = reask && spec.reaskKey ? spec.reaskKey : spec.key;
  const intent: MessageIntent = { key, choices: shownChoices(context) };
  if (Object.keys(params).length > 0) intent.params = params;
  if (spec.link && !(reask && spec.reaskKey)) intent.link = spec.link;
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

const say = (intent: MessageIntent): Effect => ({ type: 'say', ...intent });
const isChoice = (id: string) => ({ event }: { event: FlowEvent }) => event.type === 'CHOICE' && event.id === id;
const enter = (step: Step) => ({ type: 'enterStep' as const, params: { step } });

export const intakeMachine = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
  },
  actions: {
    /** Opens a step: remember it, reset the re-ask count, ask its question. */
    enterStep: assign(({ context }, params: { step: Step }) => {
      const next = { ...context, step: params.step, retries: 0 };
      return { step: params.step, retries: 0, out: [...context.out, say(askIntent(next))] };
    }),
    /** Asks the open step's question again, offering a person from the third unrecognised reply. */
    reask: assign(({ context }) => {
      const retries = context.retries + 1;
      const intent = askIntent(context, true);
      const out = [...context.out, say({ key: 'common.not_understood' })];
      if (retries >= 3 && !intent.choices?.includes('human')) {
        out.push(say({ ...intent, choices: [...(intent.choices ?? []), 'human'] }));
      } else {
        out.push(say(intent));
      }
      return { retries, out };
    }),
    /** Said once per event; appended to the effects the engine will carry out. */
    say: assign(({ context }, params: MessageIntent) => ({ out: [...context.out, say(params)] })),
    /** The welcome; the first time, after a language picked as the nearest to the platform's, says so and how to change it. */
    welcome: assign(({ context }) => {
      const out = [...context.out, say({ key: 'welcome.intro' })];
      if (!context.localeNote || !context.locale) return { out };
      return { localeNote: false, out: [...out, say({ key: 'language.nearest', params: { language: endonym(context.locale) ?? context.locale } })] };
    }),
    firstLanguagePage: assign({ languagePage: 0 }),
    nextLanguagePage: assign(({ context }) => ({ languagePage: ((context.languagePage ?? 0) + 1) % languagePagesFor(context).length })),
    flag: assign(({ context }, params: { flag: Flag }) => ({
      out: [...context.out, { type: 'flag', flag: params.flag } as Effect],
    })),
    /**
     * Every event from the person pushes the idle expiry a week ahead. Within an hour of the last
     * push it stays put: a week give or take an hour is the same promise, and it saves a write per message.
     */
    touch: assign(({ context, event }) => {
      const at = event.at + IDLE_TTL;
      if (context.deadlines.idle !== undefined && at - context.deadlines.idle < IDLE_SLACK && at >= context.deadlines.idle) return {};
      return {
        deadlines: { ...context.deadlines, idle: at },
        out: [...context.out, { type: 'schedule', name: 'idle', at } as Effect],
      };
    }),
    setLocale: assign(({ event }) => ({
      locale: event.type === 'CHOICE' && event.id.startsWith('lang:') ? event.id.slice(5) : null,
    })),
    setRole: assign(({ event }) => ({
      role: (event.type === 'CHOICE' && event.id === 'role:helper' ? 'helper' : 'self') as Role,
    })),
    markUnder13: assign({ under13: true }),
    startLink: assign(({ context, event }) => {
      const reminder = event.at + REMINDER_AFTER;
      const expiry = event.at + LINK_TTL;
      return {
        deadlines: { ...context.deadlines, reminder, link_expiry: expiry },
        out: [
          ...context.out,
          { type: 'schedule', name: 'reminder', at: reminder } as Effect,
          { type: 'schedule', name: 'link_expiry', at: expiry } as Effect,
        ],
      };
    }),
    stopLinkTimers: assign(({ context }) => {
      const { reminder: _r, link_expiry: _e, ...rest } = context.deadlines;
      return {
        deadlines: rest,
        out: [...context.out, { type: 'cancel', name: 'reminder' } as Effect, { type: 'cancel', name: 'link_expiry' } as Effect],
      };
    }),
    /** Forgets a deadline that fell due; a timer from an older scheduling leaves the current one alone. */
    clearDeadline: assign(({ context, event }) => {
      if (event.type !== 'TIMEOUT' || context.deadlines[event.name] !== event.dueAt) return {};
      const deadlines = { ...context.deadlines };
      delete deadlines[event.name];
      return { deadlines };
    }),
    recordCase: assign(({ context, event }) => {
      if (event.type !== 'SUBMITTED') return {};
      const cases = context.cases.includes(event.caseNumber) ? context.cases : [...context.cases, event.caseNumber];
      return {
        cases,
        out: [...context.out, say({ key: 'submitted.thanks', params: { caseNumber: event.caseNumber } })],
      };
    }),
    /**
     * News arrives between a question and its answer. A message without choices hides the open
     * step's (LINE quick replies vanish, Telegram and Messenger drop the keyboard), so news offers them again.
     */
    tellStatusChange: assign(({ context, event }) => {
      if (event.type !== 'CASE_STATUS') return {};
      const choices = shownChoices(context);
      return {
        out: [...context.out, say({ key: event.key, ...(event.params ? { params: event.params } : {}), ...(choices.length > 0 ? { choices } : {}) })],
      };
    }),
    /** Asks the open step's question again without counting it as a failed answer. */
    askAgain: assign(({ context }) => ({ out: [...context.out, say(askIntent(context))] })),
    requestStatus: assign(({ context }) => ({ out: [...context.out, { type: 'status' } as Effect] })),
    requestErase: assign(({ context }) => ({ out: [...context.out, { type: 'erase' } as Effect] })),
    requestWithdraw: assign(({ context }) => {
      const caseNumber = context.cases.at(-1);
      return caseNumber ? { out: [...context.out, { type: 'withdraw', caseNumber } as Effect] } : {};
    }),
    /** Idle expiry: forget the conversation's progress but keep its language and its cases. */
    forgetProgress: assign(({ context }) => ({
      step: 'new' as Step,
      retries: 0,
      role: null,
      under13: false,
      deadlines: {},
      out: [
        ...context.out,
        { type: 'cancel', name: 'reminder' } as Effect,
        { type: 'cancel', name: 'link_expiry' } as Effect,
      ],
    })),
  },
  guards: {
    hasLocale: ({ context }) => context.locale !== null,
    isCurrentTimerNamed: ({ context, event }, params: { name: TimerName }) =>
      event.type === 'TIMEOUT' && event.name === params.name && context.deadlines[event.name] === event.dueAt,
    isNotCommand: ({ event }) => !(event.type === 'CHOICE' && (COMMANDS as readonly string[]).includes(event.id)),
    isLanguageChoice: ({ event }) => isLanguage(event),
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
    cases: input.cases ?? [],
    deadlines: {},
    out: [],
  }),
  initial: 'new',
  on: {
    // Always-on rules and commands. Steps handle their own choices first; what they do not
    // handle bubbles up here.
    RISK: { actions: [{ type: 'say', params: { key: 'risk.crisis' } }, { type: 'flag', params: { flag: 'urgent' } }] },
    MEDIA: { actions: [{ type: 'say', params: { key: 'media.never_send' } }, 'reask'] },
    UNSUPPORTED: { actions: [{ type: 'say', params: { key: 'common.text_only' } }, 'reask'] },
    SUBMITTED: [
      // Already following up (a second submission): thank them and ask again, the step does not change.
      { guard: ({ context }) => context.step === 'follow_up', actions: ['stopLinkTimers', 'recordCase', 'askAgain'] },
      { target: '.steps.follow_up', actions: ['stopLinkTimers', 'recordCase'] },
    ],
    CASE_STATUS: { actions: 'tellStatusChange' },
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
      { guard: isChoice('human'), actions: [{ type: 'flag', params: { flag: 'human' } }, { type: 'say', params: { key: 'human.queued' } }] },
      { guard: isChoice('status'), actions: 'requestStatus' },
      { guard: isChoice('language'), target: '.language' },
      { guard: isChoice('restart'), target: '.steps.role', actions: ['stopLinkTimers', { type: 'say', params: { key: 'welcome.intro' } }] },
      { guard: isChoice('stop'), target: '.stopped', actions: 'stopLinkTimers' },
      { guard: isChoice('delete'), target: '.confirm_delete' },
      { guard: ({ context, event }) => isChoice('withdraw')({ event }) && context.cases.length > 0, target: '.confirm_withdraw' },
      { guard: isChoice('withdraw'), actions: [{ type: 'say', params: { key: 'withdraw.none' } }, 'askAgain'] },
      { actions: 'reask' },
    ],
    TEXT: { actions: 'reask' },
  },
  states: {
    /** No question open yet: the first message (or the first after expiry or stop) greets. */
    new: {
      entry: assign({ step: 'new' as Step }),
      on: {
        TEXT: greet,
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
            CHOICE: [{ guard: ({ event }) => isOneOf(event, ['role:self', 'role:helper']), target: 'minor_at_capture', actions: ['touch', 'setRole'] }],
          },
        },
        minor_at_capture: {
          entry: enter('minor_at_capture'),
          on: {
            CHOICE: [
              { guard: isChoice('minor:yes'), target: 'age_now', actions: 'touch' },
              { guard: isChoice('minor:unsure'), target: 'age_now', actions: ['touch', { type: 'say', params: { key: 'minor.unsure' } }] },
              { guard: isChoice('minor:no'), target: 'adult_route', actions: 'touch' },
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
                actions: ['touch', 'markUnder13', { type: 'flag', params: { flag: 'under13' } }, { type: 'say', params: { key: 'age.under13' } }],
              },
              { guard: ({ event }) => isOneOf(event, ['age:13_15', 'age:16_17', 'age:18plus']), target: 'content', actions: 'touch' },
            ],
          },
        },
        content: {
          entry: enter('content'),
          on: {
            CHOICE: [
              { guard: isChoice('content:yes'), target: 'threat', actions: 'touch' },
              { guard: isChoice('content:no'), target: 'out_of_scope', actions: 'touch' },
            ],
          },
        },
        threat: {
          entry: enter('threat'),
          on: {
            CHOICE: [
              {
                guard: isChoice('threat:yes'),
                target: 'has_copy',
                actions: ['touch', { type: 'flag', params: { flag: 'sextortion' } }, { type: 'say', params: { key: 'sextortion.advice' } }, { type: 'say', params: { key: 'contacts.all' } }],
              },
              { guard: isChoice('threat:no'), target: 'has_copy', actions: 'touch' },
            ],
          },
        },
        has_copy: {
          entry: enter('has_copy'),
          on: {
            CHOICE: [
              { guard: isChoice('copy:yes'), target: 'waiting', actions: ['touch', { type: 'say', params: { key: 'handoff.explain' } }] },
              { guard: isChoice('copy:no'), target: 'no_copy', actions: 'touch' },
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
      },
    },
    confirm_withdraw: {
      entry: enter('confirm_withdraw'),
      on: {
        CHOICE: [
          { guard: isChoice('withdraw:confirm'), target: 'steps.hist', actions: ['requestWithdraw', { type: 'say', params: { key: 'withdraw.done' } }] },
          { guard: isChoice('withdraw:cancel'), target: 'steps.hist', actions: { type: 'say', params: { key: 'withdraw.cancelled' } } },
        ],
      },
    },
    /** The person said stop: silence until they write again, then a fresh welcome. */
    stopped: {
      entry: enter('stopped'),
      on: {
        TEXT: greet,
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
  },
});

/** A choice of a language this process offers. */
function isLanguage(event: FlowEvent): boolean {
  return event.type === 'CHOICE' && event.id.startsWith('lang:') && (offeredLocales() as readonly string[]).includes(event.id.slice(5));
}

function isOneOf(event: FlowEvent, ids: string[]): boolean {
  return event.type === 'CHOICE' && ids.includes(event.id);
}

export type IntakeMachine = typeof intakeMachine;
