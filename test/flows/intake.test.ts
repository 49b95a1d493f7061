// The intake flow through XState's pure transition(), and every path generated from its graph replayed against STEPS, the locales and docs/FLOW.md.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  COMMANDS,
  IDLE_TTL,
  effectsOf,
  intakeMachine,
  LINK_TTL,
  REMINDER_AFTER,
  shownChoices,
  STEPS,
  type Effect,
  type FlowEvent,
} from '../../flows/intake';
import { presentLocales } from '../../src/engine/i18n';
import { endonym } from '../../src/core/language-names';
import { countryCodeOfChoice } from '../../src/core/contacts/country';

type Snapshot = ReturnType<typeof initialTransition<typeof intakeMachine>>[0];

function start(locale: string | null = 'en', cases: string[] = []): Snapshot {
  return initialTransition(intakeMachine, { locale, cases })[0];
}

/** Sends events one by one; returns the effects of the last. */
function run(snapshot: Snapshot, ...events: FlowEvent[]): { snapshot: Snapshot; out: Effect[] } {
  let current = snapshot;
  let out: Effect[] = [];
  for (const event of events) {
    const [next, actions] = transition(intakeMachine, current, event);
    current = next;
    out = effectsOf(actions);
  }
  return { snapshot: current, out };
}

const choice = (id: string, at = 1): FlowEvent => ({ type: 'CHOICE', id, at });
const text = (at = 1): FlowEvent => ({ type: 'TEXT', at });
const keys = (out: Effect[]) => out.filter((e) => e.type === 'say').map((e) => (e as { key: string }).key);
const flags = (out: Effect[]) => out.filter((e) => e.type === 'flag').map((e) => (e as { flag: string }).flag);

/** Every text of every language, by its flat i18next key ("choice.role:self", "minor.ask_helper"). */
const TEXTS = new Map(
  presentLocales().map((lng) => {
    const flat = new Map<string, string>();
    const walk = (node: Record<string, unknown>, prefix: string) => {
      for (const [name, value] of Object.entries(node)) {
        if (typeof value === 'string') flat.set(prefix + name, value);
        else walk(value as Record<string, unknown>, `${prefix}${name}.`);
      }
    };
    walk(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'locales', lng, 'translation.json'), 'utf8')), '');
    return [lng, flat] as const;
  }),
);

/** A message the flow says can be said in every language: its text (the helper wording when asked for), every placeholder filled, every button labelled. */
function expectSayable(message: Extract<Effect, { type: 'say' }>, where: string): void {
  for (const [lng, texts] of TEXTS) {
    const context = message.params?.context;
    const key = context ? `${message.key}_${context}` : message.key;
    const text = texts.get(key);
    expect(text, `${where}: ${lng} ${key}`).toBeTypeOf('string');
    // `{{contacts}}` is filled by the engine from the contacts directory when the effect names which contacts,
    // `{{platforms}}` from the partners taking part when the effect asks for them.
    const params = { ...(message.params ?? {}), ...(message.contacts ? { contacts: true } : {}), ...(message.platforms ? { platforms: true } : {}) };
    for (const [, name] of text!.matchAll(/{{\s*(\w+)\s*}}/g)) expect(params, `${where}: ${lng} ${key} {{${name}}}`).toHaveProperty(name!);
    // A language is labelled with its own name, the same in every locale; a country with ICU's name for it in that locale.
    for (const id of message.choices ?? []) expect(texts.has(`choice.${id}`) || endonym(id.replace(/^lang:/, '')) !== undefined || countryCodeOfChoice(id) !== null, `${where}: ${lng} label of ${id}`).toBe(true);
    if (message.link) expect(texts.has('handoff.link_label'), `${where}: ${lng} link label`).toBe(true);
  }
}

const TO_HANDOFF = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'].map((id) => choice(id));

describe('intake flow', () => {
  it('greets a first message and asks whether it is about them', () => {
    const { snapshot, out } = run(start(), text());
    expect(snapshot.context.step).toBe('role');
    expect(keys(out)).toEqual(['welcome.intro', 'role.ask']);
    const ask = out.find((e) => e.type === 'say' && e.key === 'role.ask') as { choices: string[] };
    expect(ask.choices).toEqual(['role:self', 'role:helper']);
  });

  it('asks for a language first when the channel gave none', () => {
    const { snapshot, out } = run(start(null), text());
    expect(snapshot.value).toBe('language');
    expect(keys(out)).toEqual(['language.ask']);
    const next = run(snapshot, choice('lang:th'));
    expect(next.snapshot.context.locale).toBe('th');
    expect(keys(next.out)).toEqual(['welcome.intro', 'role.ask']);
  });

  it('walks to the handoff link and schedules the reminder and the link expiry', () => {
    const { snapshot, out } = run(start(), text(0), ...TO_HANDOFF.slice(0, -1), choice('copy:yes', 1000));
    expect(snapshot.context.step).toBe('waiting');
    const link = out.find((e) => e.type === 'say' && e.key === 'handoff.link') as { link?: string; choices: string[] };
    expect(link.link).toBe('handoff');
    expect(link.choices).toEqual(['handoff:new_link', 'human']);
    expect(out).toContainEqual({ type: 'schedule', name: 'reminder', at: 1000 + REMINDER_AFTER });
    expect(out).toContainEqual({ type: 'schedule', name: 'link_expiry', at: 1000 + LINK_TTL });
  });

  it('treats "not sure" as under 18 and says why', () => {
    const { snapshot, out } = run(start(), text(), choice('role:self'), choice('minor:unsure'));
    expect(snapshot.context.step).toBe('age_now');
    expect(keys(out)).toEqual(['minor.unsure', 'age.ask']);
  });

  it('sends adults to the adult route and ends there', () => {
    const { snapshot, out } = run(start(), text(), choice('role:self'), choice('minor:no'));
    expect(snapshot.context.step).toBe('adult_route');
    expect(keys(out)).toEqual(['adult.info']);
  });

  it('flags a child under 13 for staff and tells them to find a trusted adult', () => {
    const { out } = run(start(), text(), choice('role:self'), choice('minor:yes'), choice('age:under13'));
    expect(flags(out)).toEqual(['under13']);
    expect(keys(out)).toContain('age.under13');
  });

  it('gives sextortion advice and flags it when someone is threatening them', () => {
    const { snapshot, out } = run(start(), text(), choice('role:self'), choice('minor:yes'), choice('age:16_17'), choice('content:yes'), choice('threat:yes'));
    expect(flags(out)).toEqual(['sextortion']);
    // Contacts at once; where they live is asked next (once), then the intake goes on to has_copy.
    expect(keys(out)).toEqual(['sextortion.advice', 'contacts.all', 'country.ask']);
    expect(snapshot.context.step).toBe('country');
    const after = run(snapshot, choice('country:US'));
    expect(keys(after.out)).toEqual(['contacts.for_country', 'copy.ask']);
    expect(after.snapshot.context.step).toBe('has_copy');
  });

  it('explains scope when the content is not sexual, and what to do without a copy', () => {
    expect(run(start(), text(), choice('role:self'), choice('minor:yes'), choice('age:13_15'), choice('content:no')).snapshot.context.step).toBe('out_of_scope');
    const noCopy = run(start(), text(), ...TO_HANDOFF.slice(0, -1), choice('copy:no'));
    expect(noCopy.snapshot.context.step).toBe('no_copy');
    expect(keys(noCopy.out)).toEqual(['no_copy.info']);
  });

  it('words questions for a helper differently', () => {
    const { out } = run(start(), text(), choice('role:helper'));
    const ask = out.find((e) => e.type === 'say') as { params?: Record<string, string> };
    expect(ask.params).toEqual({ context: 'helper' });
  });

  it('re-asks gently and offers a person from the third unrecognised reply', () => {
    const first = run(start(), text(), text());
    expect(keys(first.out)).toEqual(['common.not_understood', 'role.ask']);
    expect((first.out[1] as { choices: string[] }).choices).not.toContain('human');
    const third = run(first.snapshot, text(), text());
    expect((third.out[1] as { choices: string[] }).choices).toEqual(['role:self', 'role:helper', 'human']);
    expect(third.snapshot.context.step).toBe('role');
  });

  it('answers risk at once, flags urgent and pauses the flow (test/flows/crisis.test.ts has the rest)', () => {
    const before = run(start(), text(), choice('role:self')).snapshot;
    const { snapshot, out } = run(before, { type: 'RISK', at: 2 });
    expect(keys(out)).toEqual(['risk.crisis', 'crisis.ask']);
    expect(flags(out)).toEqual(['urgent']);
    expect(snapshot.context.step).toBe('crisis');
  });

  it('says kindly that images must not be sent, and asks the same question again', () => {
    const { snapshot, out } = run(start(), text(), { type: 'MEDIA', at: 2 });
    expect(keys(out)).toEqual(['media.never_send', 'common.not_understood', 'role.ask']);
    expect(snapshot.context.step).toBe('role');
    expect(keys(run(snapshot, { type: 'UNSUPPORTED', at: 3 }).out)[0]).toBe('common.text_only');
  });

  it('puts the person in the staff queue on "human" without moving the flow', () => {
    const before = run(start(), text(), choice('role:self')).snapshot;
    const { snapshot, out } = run(before, choice('human'));
    expect(flags(out)).toEqual(['human']);
    expect(keys(out)).toEqual(['human.queued']);
    expect(snapshot.context.step).toBe('minor_at_capture');
  });

  it('changes language and asks the open step again in it', () => {
    const before = run(start(), text(), choice('role:self'), choice('minor:yes')).snapshot;
    const menu = run(before, choice('language'));
    expect(menu.snapshot.value).toBe('language');
    const { snapshot, out } = run(menu.snapshot, choice('lang:es'));
    expect(snapshot.context.locale).toBe('es');
    expect(snapshot.context.step).toBe('age_now');
    expect(keys(out)).toEqual(['age.ask']);
  });

  it('restarts from welcome keeping cases', () => {
    const submitted = run(start(), text(), ...TO_HANDOFF, { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 5 }).snapshot;
    const { snapshot, out } = run(submitted, choice('restart'));
    expect(keys(out)).toEqual(['welcome.intro', 'role.ask']);
    expect(snapshot.context.cases).toEqual(['ACDE-FGHJ']);
  });

  it('stops, stays silent, and greets again when they write', () => {
    const waiting = run(start(), text(), ...TO_HANDOFF).snapshot;
    const stopped = run(waiting, choice('stop'));
    expect(keys(stopped.out)).toEqual(['stop.bye']);
    expect(stopped.out).toContainEqual({ type: 'cancel', name: 'reminder' });
    expect(run(stopped.snapshot, { type: 'CASE_STATUS', key: 'status.removed', at: 9 }).out).toEqual([]);
    const back = run(stopped.snapshot, text(10));
    expect(keys(back.out)).toEqual(['welcome.intro', 'role.ask']);
  });

  it('records a submission, cancels the link timers and says the case number', () => {
    const waiting = run(start(), text(), ...TO_HANDOFF).snapshot;
    const { snapshot, out } = run(waiting, { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 5 });
    expect(snapshot.context.step).toBe('follow_up');
    expect(snapshot.context.cases).toEqual(['ACDE-FGHJ']);
    expect(out).toContainEqual({ type: 'cancel', name: 'reminder' });
    expect(out).toContainEqual({ type: 'say', key: 'submitted.thanks', params: { caseNumber: 'ACDE-FGHJ' } });
    const again = run(snapshot, choice('handoff:new_link'), { type: 'SUBMITTED', caseNumber: 'KMNP-QRTV', at: 6 });
    expect(again.snapshot.context.cases).toEqual(['ACDE-FGHJ', 'KMNP-QRTV']);
  });

  it('reminds once after 30 minutes and offers a new link when the link expires', () => {
    const waiting = run(start(), text(0), ...TO_HANDOFF.map((e) => ({ ...e, at: 0 }))).snapshot;
    const reminder = run(waiting, { type: 'TIMEOUT', name: 'reminder', dueAt: REMINDER_AFTER, at: REMINDER_AFTER });
    expect(keys(reminder.out)).toEqual(['handoff.reminder']);
    // The same timer again is stale: nothing is said twice.
    expect(run(reminder.snapshot, { type: 'TIMEOUT', name: 'reminder', dueAt: REMINDER_AFTER, at: REMINDER_AFTER + 1 }).out).toEqual([]);
    const expired = run(reminder.snapshot, { type: 'TIMEOUT', name: 'link_expiry', dueAt: LINK_TTL, at: LINK_TTL });
    expect(keys(expired.out)).toEqual(['handoff.expired']);
    expect((expired.out[0] as { choices: string[] }).choices).toContain('handoff:new_link');
  });

  it('ignores a timer from an older link', () => {
    const waiting = run(start(), text(0), ...TO_HANDOFF.map((e) => ({ ...e, at: 0 }))).snapshot;
    const renewed = run(waiting, choice('handoff:new_link', 100)).snapshot;
    expect(run(renewed, { type: 'TIMEOUT', name: 'link_expiry', dueAt: LINK_TTL, at: LINK_TTL }).out).toEqual([]);
  });

  it('expires after a week idle, keeping language and cases, and greets on the next message', () => {
    const submitted = run(start('th'), text(0), ...TO_HANDOFF.map((e) => ({ ...e, at: 0 })), { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 0 }).snapshot;
    const expired = run(submitted, { type: 'TIMEOUT', name: 'idle', dueAt: IDLE_TTL, at: IDLE_TTL });
    expect(expired.snapshot.value).toBe('new');
    expect(expired.snapshot.context.locale).toBe('th');
    expect(expired.snapshot.context.cases).toEqual(['ACDE-FGHJ']);
    expect(keys(run(expired.snapshot, text(IDLE_TTL + 1)).out)).toEqual(['welcome.intro', 'role.ask']);
  });

  it('asks before erasing, and erases only on confirmation', () => {
    const before = run(start(), text(), choice('role:self')).snapshot;
    const ask = run(before, choice('delete'));
    expect(keys(ask.out)).toEqual(['delete.confirm']);
    const cancelled = run(ask.snapshot, choice('delete:cancel'));
    expect(cancelled.out.some((e) => e.type === 'erase')).toBe(false);
    expect(cancelled.snapshot.context.step).toBe('minor_at_capture');
    const confirmed = run(ask.snapshot, choice('delete:confirm'));
    expect(confirmed.out).toContainEqual({ type: 'erase' });
    expect(confirmed.snapshot.status).toBe('done');
  });

  it('withdraws the newest case after confirmation, and says so when there is none', () => {
    expect(keys(run(start(), text(), choice('withdraw')).out)).toEqual(['withdraw.none', 'role.ask']);
    const submitted = run(start(), text(), ...TO_HANDOFF, { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 5 }).snapshot;
    const ask = run(submitted, choice('withdraw'));
    expect(ask.out[0]).toMatchObject({ key: 'withdraw.confirm', params: { caseNumber: 'ACDE-FGHJ' } });
    expect(run(ask.snapshot, choice('withdraw:confirm')).out).toContainEqual({ type: 'withdraw', caseNumber: 'ACDE-FGHJ' });
  });

  it('resumes the open step when staff hand the conversation back', () => {
    const before = run(start(), text(), choice('role:self'), choice('minor:yes')).snapshot;
    const { out } = run(before, { type: 'HANDBACK', at: 3 });
    expect(keys(out)).toEqual(['human.handback', 'age.ask']);
  });

  it('keeps the persisted snapshot small', () => {
    const waiting = run(start('th'), text(0), ...TO_HANDOFF, { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 5 }).snapshot;
    const actor = createActor(intakeMachine, { snapshot: waiting, input: {} });
    const size = JSON.stringify(actor.getPersistedSnapshot()).length;
    expect(size).toBeLessThan(2048);
  });
});

describe('intake flow graph', () => {
  const ids = new Set<string>(COMMANDS);
  for (const spec of Object.values(STEPS)) for (const id of spec.choices) ids.add(id);
  ids.add('delete:confirm');
  const events: FlowEvent[] = [
    text(),
    { type: 'RISK', at: 1 },
    { type: 'MEDIA', at: 1 },
    { type: 'SUBMITTED', caseNumber: 'ACDE-FGHJ', at: 1 },
    { type: 'HANDBACK', at: 1 },
    ...[...ids].map((id) => choice(id)),
  ];
  const paths = getShortestPaths(intakeMachine, {
    input: { locale: null },
    events,
    serializeState: (s) => `${JSON.stringify(s.value)}|${s.context.step}|${s.context.locale === null}|${s.context.cases.length > 0}`,
  });
  const reached = new Set(paths.map((p) => p.state.context.step));

  it('reaches every step of FLOW.md', () => {
    for (const step of Object.keys(STEPS)) expect(reached, `step ${step}`).toContain(step);
    expect(paths.some((p) => p.state.status === 'done')).toBe(true);
  });

  const pathName = (path: (typeof paths)[number]) =>
    path.steps.map((s) => (s.event.type === 'CHOICE' ? s.event.id : s.event.type)).join(' → ') || '(start)';

  it.each(paths.map((p) => [pathName(p), p] as const))('replays %s: every question offers its step\'s choices, each one accepted', (_name, path) => {
    let snapshot = start(null);
    for (const { event } of path.steps) {
      const before = snapshot.context.step;
      const { snapshot: after, out } = run(snapshot, event);
      snapshot = after;
      const where = `${JSON.stringify(event)} at ${before}`;
      const says = out.filter((e): e is Extract<Effect, { type: 'say' }> => e.type === 'say');
      for (const message of says) expectSayable(message, `${where}: ${message.key}`);
      if (snapshot.status !== 'active') continue;

      // The open question, when the flow (re)asks it, offers exactly the step's choices (and a
      // person from the third unrecognised reply), and a step that was just entered asks it.
      const spec: { key: string; choices: string[]; reaskKey?: string } = STEPS[snapshot.context.step];
      const asks = says.filter((m) => m.key === spec.key || m.key === spec.reaskKey);
      if (snapshot.context.step !== before) expect(asks.length, `${where}: asks ${spec.key}`).toBe(1);
      for (const ask of asks) {
        const extra = snapshot.context.retries >= 3 && !spec.choices.includes('human') ? ['human'] : [];
        // The open question's buttons: a page of languages, the likely countries for the chat language, or the step's own.
        expect(ask.choices ?? [], `${where}: choices of ${ask.key}`).toEqual([...shownChoices({ ...snapshot.context, retries: 0 }), ...extra]);
      }

      // Every button on screen works: pressing it moves the flow or gets its own answer, never "didn't get that".
      for (const id of new Set(says.flatMap((m) => m.choices ?? []))) {
        const pressed = run(snapshot, choice(id));
        expect(keys(pressed.out), `${where}: pressing ${id}`).not.toContain('common.not_understood');
        expect(pressed.out.length > 0 || pressed.snapshot.status === 'done', `${where}: pressing ${id} does something`).toBe(true);
      }
    }
    expect(snapshot.status).toBe(path.state.status);
    expect(snapshot.value).toEqual(path.state.value);
    expect(snapshot.context.step).toBe(path.state.context.step);
  });
});

describe('docs/FLOW.md, the conversation contract', () => {
  const flow = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'FLOW.md'), 'utf8');
  const section = (title: string) => flow.split(/^## /m).find((part) => part.startsWith(title)) ?? '';
  /** Each numbered step of "## Steps": its name and the `x:y` choice ids its paragraph names, in order. */
  const documented = [...section('Steps').matchAll(/^\d+\. \*\*(\w+)\*\*([\s\S]*?)(?=^\d+\. |^#)/gm)].map(
    ([, name, body]) => [name!, [...body!.matchAll(/`([a-z_]+:[a-z0-9_]+)`/g)].map((m) => m[1]!)] as const,
  );
  const stepsOfBoth = documented.filter(([name]) => name in STEPS);

  it.each(stepsOfBoth)('names the same choices for %s as the flow offers', (name, ids) => {
    const offered = (STEPS[name as keyof typeof STEPS].choices as string[]).filter((id) => id.includes(':'));
    expect(ids).toEqual(offered);
  });

  it('documents the question steps and every command', () => {
    expect(stepsOfBoth.map(([name]) => name)).toEqual(['role', 'minor_at_capture', 'age_now', 'content', 'threat', 'has_copy', 'waiting', 'follow_up']);
    const commands = section('Commands');
    for (const command of COMMANDS) expect(commands, command).toContain(`\`${command}\``);
  });
});
