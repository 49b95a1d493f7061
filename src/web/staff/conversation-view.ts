// One conversation: who and where, the live transcript, and what staff can do (take over, reply, note, flags, cases, hand back).

import type { ConversationDetail, TranscriptLine } from '../../staff/conversation';
import type { QueueRow } from '../../staff/queue';
import { h, replace } from '../shared/dom';
import { keysOf, languageName, t, tIn } from '../shared/i18n';
import { api, ApiError } from './api';
import { channelName, clock, personLanguage, stepName, when } from './format';
import { can, state } from './state';
import { personCountry, reasonBadge } from './queue-view';

const FLAGS = ['urgent', 'under13', 'sextortion', 'human'] as const;
const REPORTS = ['pending_review', 'removed', 'not_removed'] as const;

/** A message for a refusal, in the staff member's language. */
export function errorText(error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'generic';
  const text = t(`error.${code}`);
  return text === `error.${code}` ? t('error.generic') : text;
}

/**
 * Builds the panel for conversation `id`; `refresh()` fetches only new lines, so typing and scrolling are kept.
 * `silent`: a supervisor reading without taking part: nothing to do but read, whisper to the holder, and reassign.
 */
export function createConversationView(id: string, onBack: () => void, silent = false) {
  let detail: ConversationDetail | null = null;
  let lastLine = 0;
  let composeFor = '';
  const heading = h('h2', { id: 'conversation-title', tabindex: '-1' }, t('app.loading'));
  const meta = h('p', { class: 'meta' });
  const flags = h('p', { class: 'flags' });
  const actions = h('div', { class: 'actions', role: 'group', 'aria-label': t('conversation.takeover') });
  const feedback = h('p', { class: 'feedback', role: 'status', 'aria-live': 'polite' });
  const transcript = h('ol', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': t('conversation.transcript'), tabindex: '0' });
  const compose = h('div', { class: 'compose' });
  const flagBox = h('div', { class: 'flag-box' });
  const noteBox = h('div', { class: 'note-box' });
  const caseBox = h('div', { class: 'case-box' });
  const leadBox = h('div', { class: 'lead-box' });

  const section = h(
    'section',
    { class: 'conversation-panel', 'aria-labelledby': 'conversation-title' },
    h('a', { href: '/staff', class: 'back', onclick: (e: Event) => (e.preventDefault(), onBack()) }, '← ', t('conversation.back')),
    h('div', { class: 'conversation-head' }, heading, meta, flags, actions, feedback),
    h(
      'div',
      { class: 'conversation-body' },
      h('div', { class: 'conversation-main' }, h('h3', { class: 'visually-hidden' }, t('conversation.transcript')), transcript, compose),
      h('aside', { class: 'conversation-side' }, leadBox, flagBox, noteBox, caseBox),
    ),
  );

  const say = (text: string, isError = false) => {
    feedback.textContent = text;
    feedback.className = isError ? 'feedback error' : 'feedback';
  };

  async function run(action: () => Promise<unknown>, done?: string): Promise<boolean> {
    try {
      await action();
      if (done) say(done);
      await refresh();
      return true;
    } catch (error) {
      say(errorText(error), true);
      return false;
    }
  }

  function lineItem(line: TranscriptLine): HTMLLIElement {
    return h(
      'li',
      // The line that raised the alert stands out, with why.
      { class: `line line-${line.direction}${line.marker ? ' line-marked' : ''}`, ...(line.marker ? { 'data-marker': line.marker } : {}) },
      h('span', { class: 'who' }, t(`direction.${line.direction}`)),
      line.marker ? h('strong', { class: 'badge badge-reason' }, t('reason.line'), ': ', t(`reason.${line.marker}`)) : null,
      h('time', { datetime: new Date(line.at).toISOString() }, clock(line.at)),
      h('p', { class: 'text', dir: 'auto' }, line.text),
    );
  }

  function renderHead(row: QueueRow): void {
    heading.textContent = t('conversation.title', { user: row.user });
    const country = personCountry(row.country);
    replace(meta, channelName(row.channel), ' · ', personLanguage(row.locale), ...(country ? [' · ', country] : []), ' · ', stepName(row.step), ' · ', holderText(row));
    replace(flags, row.flags.length ? row.flags.map((flag) => h('span', { class: `badge badge-${flag}` }, t(`flag.${flag}`))) : null, reasonBadge(row), row.unreachable ? h('span', { class: 'badge badge-muted' }, t('conversation.unreachable')) : null);
    const mine = row.heldBy?.id === state.me?.id;
    const buttons: HTMLElement[] = [];
    if (silent) {
      buttons.push(h('span', { class: 'badge badge-silent' }, t('watch.banner')));
      replace(actions, buttons);
      return;
    }
    if (row.status === 'open' && !mine && (!row.heldBy || can('supervisor'))) {
      buttons.push(h('button', { type: 'button', class: 'primary', onclick: () => run(() => api('POST', `/conversations/${id}/takeover`)) }, t('conversation.takeover')));
    }
    if (row.heldBy && (mine || can('supervisor'))) {
      buttons.push(h('button', { type: 'button', onclick: () => run(() => api('POST', `/conversations/${id}/handback`)) }, t('conversation.handback')));
    }
    if (row.status === 'open' && (!row.heldBy || mine || can('supervisor'))) {
      buttons.push(
        h('button', { type: 'button', class: 'quiet', onclick: () => confirm(t('conversation.confirm_close')) && run(() => api('POST', `/conversations/${id}/close`)) }, t('conversation.close')),
      );
    }
    if (row.status !== 'open') buttons.push(h('span', { class: 'muted' }, t('conversation.closed')));
    replace(actions, buttons);
  }

  function holderText(row: QueueRow): string {
    if (!row.heldBy) return t('conversation.with_bot');
    return row.heldBy.id === state.me?.id ? t('conversation.with_you') : t('conversation.held_by', { email: row.heldBy.email });
  }

  /** The reply box exists only while this person holds the conversation: two people must never talk to one teen at once. */
  function renderCompose(row: QueueRow): void {
    const mine = row.heldBy?.id === state.me?.id && row.status === 'open';
    const key = `${mine}|${row.heldBy?.id ?? ''}|${row.locale}`;
    if (key === composeFor) return;
    composeFor = key;
    if (silent) {
      replace(compose, h('p', { class: 'hint' }, t('watch.hint')));
      return;
    }
    if (!mine) {
      replace(compose, h('p', { class: 'hint' }, row.heldBy ? t('conversation.other_holds', { email: row.heldBy.email }) : t('conversation.bot_talking')));
      return;
    }
    const locale = row.locale ?? 'en';
    const textarea = h('textarea', { id: 'reply-text', name: 'text', dir: 'auto', rows: 3, maxlength: 2000, required: true });
    const canned = h(
      'select',
      { id: 'canned', 'aria-label': t('conversation.canned') },
      h('option', { value: '' }, t('conversation.canned_in', { language: languageName(locale) })),
      keysOf('canned', locale).map((key) => h('option', { value: key }, tIn(locale, `canned.${key}`))),
    );
    canned.addEventListener('change', () => {
      if (!canned.value) return;
      textarea.value = tIn(locale, `canned.${canned.value}`);
      canned.value = '';
      textarea.focus();
    });
    const form = h(
      'form',
      { class: 'reply-form' },
      h('label', { for: 'reply-text' }, t('conversation.reply_label', { channel: channelName(row.channel) })),
      textarea,
      h('div', { class: 'row' }, canned, h('button', { type: 'submit', class: 'primary' }, t('conversation.send'))),
    );
    // Ctrl/⌘+Enter sends, as in most chat tools; Enter alone makes a new line.
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (await run(() => api('POST', `/conversations/${id}/reply`, { text: textarea.value }), t('conversation.sent'))) textarea.value = '';
      textarea.focus();
    });
    replace(compose, form);
  }

  /** A supervisor's tools: hand the conversation to someone, and whisper to whoever holds it. */
  let leadFor = '';
  function renderLead(row: QueueRow): void {
    const key = `${row.status}|${row.heldBy?.id ?? ''}`;
    if (!can('supervisor') || key === leadFor) return;
    leadFor = key;
    if (row.status !== 'open') return void replace(leadBox);
    const who = h('select', { id: 'assign-to' });
    api<{ members: { id: string; email: string; disabled: boolean; available: boolean }[] }>('GET', '/team').then(({ members }) =>
      replace(who, members.filter((m) => !m.disabled).map((m) => h('option', { value: m.id }, m.email, m.available ? '' : ` (${t('availability.away')})`))),
    );
    const assign = h('form', { class: 'assign-form' }, h('label', { for: 'assign-to' }, row.heldBy ? t('lead.hand_to') : t('lead.offer_to')), who, h('button', { type: 'submit', class: 'small' }, t('lead.assign')));
    assign.addEventListener('submit', (event) => {
      event.preventDefault();
      void run(() => api('POST', `/conversations/${id}/assign`, { staffId: who.value }), t('lead.assigned'));
    });
    const canWhisper = row.heldBy !== null && row.heldBy.id !== state.me?.id;
    const whisperText = h('textarea', { id: 'whisper-text', rows: 2, maxlength: 2000 });
    const whisper = h('form', { class: 'whisper-form' }, h('label', { for: 'whisper-text' }, t('lead.whisper_label', { email: row.heldBy?.email ?? '' })), whisperText, h('button', { type: 'submit' }, t('lead.whisper')));
    whisper.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (await run(() => api('POST', `/conversations/${id}/whisper`, { text: whisperText.value }), t('lead.whispered'))) whisperText.value = '';
    });
    replace(leadBox, h('h3', {}, t('lead.title')), assign, canWhisper ? whisper : null);
  }

  function renderSide(row: QueueRow): void {
    renderLead(row);
    if (silent) {
      replace(flagBox, h('h3', {}, t('conversation.flags')), h('p', {}, row.flags.length ? row.flags.map((flag) => h('span', { class: `badge badge-${flag}` }, t(`flag.${flag}`))) : '—'));
      return;
    }
    replace(
      flagBox,
      h('h3', {}, t('conversation.flags')),
      h(
        'ul',
        { class: 'flag-list' },
        FLAGS.map((flag) => {
          const on = row.flags.includes(flag);
          return h(
            'li',
            {},
            h('span', { class: on ? `badge badge-${flag}` : 'badge badge-off' }, t(`flag.${flag}`)),
            h('button', { type: 'button', class: 'small', 'aria-pressed': on ? 'true' : 'false', onclick: () => run(() => api('POST', `/conversations/${id}/flags`, { flag, on: !on })) }, on ? t('conversation.clear') : t('conversation.set')),
          );
        }),
      ),
    );
    if (!noteBox.firstChild) {
      const note = h('textarea', { id: 'note-text', rows: 2, maxlength: 2000 });
      const form = h('form', { class: 'note-form' }, h('label', { for: 'note-text' }, t('conversation.note_label')), note, h('button', { type: 'submit' }, t('conversation.add_note')));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (await run(() => api('POST', `/conversations/${id}/notes`, { text: note.value }), t('conversation.noted'))) note.value = '';
      });
      replace(noteBox, form);
    }
  }

  function renderCases(d: ConversationDetail): void {
    const list = d.cases.length
      ? h(
          'ul',
          { class: 'cases' },
          d.cases.map((c) =>
            h(
              'li',
              {},
              h('strong', {}, c.caseNumber),
              ' · ',
              t(`case_status.${c.status}`),
              h('br'),
              h('small', {}, t('conversation.case_created', { date: when(c.createdAt) })),
              c.history.length
                ? h(
                    'ol',
                    { class: 'history' },
                    c.history.map((e) => h('li', {}, h('time', { datetime: new Date(e.at).toISOString() }, when(e.at)), ' — ', t(`case_status.${e.status}`), e.platform ? ` · ${e.platform}` : '', ` (${t(`source.${e.source}`)})`)),
                  )
                : null,
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('conversation.no_cases'));
    const form = d.cases.length && !silent ? recordForm(d) : null;
    replace(caseBox, h('h3', {}, t('conversation.cases')), list, form);
  }

  function recordForm(d: ConversationDetail): HTMLFormElement {
    const caseSelect = h('select', { id: 'report-case' }, d.cases.map((c) => h('option', { value: c.caseNumber }, c.caseNumber)));
    const platform = h('input', { id: 'report-platform', type: 'text', maxlength: 60, required: true, autocomplete: 'off' });
    const status = h('select', { id: 'report-status' }, REPORTS.map((s) => h('option', { value: s }, t(`case_status.${s}`))));
    const form = h(
      'form',
      { class: 'record-form' },
      h(
        'fieldset',
        {},
        h('legend', {}, t('conversation.record_title')),
        h('label', { for: 'report-case' }, t('conversation.case')),
        caseSelect,
        h('label', { for: 'report-platform' }, t('conversation.platform')),
        platform,
        h('label', { for: 'report-status' }, t('conversation.report')),
        status,
        h('button', { type: 'submit' }, t('conversation.record')),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void run(() => api('POST', `/conversations/${id}/case-status`, { caseNumber: caseSelect.value, platform: platform.value, status: status.value }), t('conversation.recorded'));
    });
    return form;
  }

  function render(d: ConversationDetail): void {
    const row = d.conversation;
    state.rows.set(row.id, row);
    renderHead(row);
    renderCompose(row);
    renderSide(row);
    renderCases(d);
  }

  // The transcript sticks to its newest line while the reader is at the bottom; reading back up lets go of it.
  let stuck = true;
  const atBottom = () => transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
  const toBottom = () => {
    transcript.scrollTop = transcript.scrollHeight;
  };
  transcript.addEventListener('scroll', () => {
    stuck = atBottom();
  });
  // The pane changes size when the reply box appears or the window does: the newest line stays in sight.
  new ResizeObserver(() => {
    if (stuck) toBottom();
  }).observe(transcript);

  function appendLines(lines: TranscriptLine[]): void {
    if (lines.length === 0) return;
    // Where the reader is now, not as of the last scroll event (it fires a frame later): someone who
    // has just scrolled up is not pulled down by a line that arrives in that frame.
    stuck = atBottom();
    for (const line of lines) transcript.appendChild(lineItem(line));
    lastLine = lines.at(-1)!.id;
    if (stuck) toBottom();
  }

  let loading: Promise<void> | null = null;
  let again = false;

  /** Loads what is new since the last look (the first load is the audited opening). One load at a time: a change that arrives meanwhile loads again after. */
  function refresh(): Promise<void> {
    if (loading) {
      again = true;
      return loading;
    }
    loading = load().finally(() => {
      loading = null;
      if (again) {
        again = false;
        void refresh();
      }
    });
    return loading;
  }

  async function load(): Promise<void> {
    try {
      const d = await api<ConversationDetail>('GET', `/conversations/${id}${silent ? '/observe' : ''}${lastLine ? `?after=${lastLine}` : ''}`);
      const fresh = d.transcript.filter((line) => line.id > lastLine);
      detail = { ...d, transcript: [...(detail?.transcript ?? []), ...fresh] };
      appendLines(fresh);
      render(detail);
      // The head and the reply box may have changed height; the newest line stays where the reader left it.
      if (stuck) toBottom();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        replace(actions);
        replace(compose);
        say(t('conversation.gone'), true);
        return;
      }
      say(errorText(error), true);
    }
  }

  return {
    id,
    silent,
    element: section,
    refresh,
    focus: () => heading.focus(),
  };
}
