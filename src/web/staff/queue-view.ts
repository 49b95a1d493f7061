// The live queue: a table of open conversations, most in need first, each row a link to the conversation.

import type { QueueRow } from '../../staff/queue';
import { h, replace } from '../shared/dom';
import { language, t } from '../shared/i18n';
import { channelName, personLanguage, stepName, waited } from './format';
import { can, orderedRows, state } from './state';

/**
 * Builds the queue section; `update()` redraws it in place, keeping keyboard focus on the same row. Supervisors get
 * a switch for demo conversations; `onDemo` is told when it changes.
 */
export function createQueueView(open: (id: string) => void, onDemo: (show: boolean) => void = () => {}, watch?: (id: string) => void) {
  const status = h('p', { class: 'queue-status', id: 'queue-status' });
  const demoSwitch = h('input', { type: 'checkbox', id: 'show-demo', checked: state.showDemo });
  demoSwitch.addEventListener('change', () => onDemo(demoSwitch.checked));
  const demoToggle = can('supervisor') ? h('label', { class: 'demo-toggle', for: 'show-demo' }, demoSwitch, t('queue.show_demo')) : null;
  const body = h('tbody');
  const empty = h('p', { class: 'empty', hidden: true }, t('queue.empty'));
  const table = h(
    'table',
    { class: 'queue', 'aria-describedby': 'queue-status' },
    h('caption', { class: 'visually-hidden' }, t('queue.title')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['person', 'need', 'channel', 'language', 'step', 'waiting', 'holder'].map((key) => h('th', { scope: 'col', class: `col-${key}` }, t(`queue.${key}`))),
      ),
    ),
    body,
  );
  const section = h('section', { class: 'queue-panel', 'aria-labelledby': 'queue-title' }, h('div', { class: 'panel-head' }, h('h2', { id: 'queue-title' }, t('queue.title')), status, demoToggle), h('div', { class: 'table-scroll' }, table), empty);

  function rowFor(row: QueueRow): HTMLTableRowElement {
    const mine = row.heldBy?.id === state.me?.id;
    const link = h(
      'a',
      {
        href: `/staff/c/${row.id}`,
        'data-id': row.id,
        'aria-current': state.selected === row.id ? 'true' : null,
        onclick: (event: Event) => {
          event.preventDefault();
          open(row.id);
        },
      },
      row.user,
    );
    const tr = h(
      'tr',
      { class: [row.flags[0] ? `need-${row.flags[0]}` : '', row.demo ? 'demo' : '', state.selected === row.id ? 'selected' : ''].join(' ').trim(), 'data-id': row.id },
      h(
        'th',
        { scope: 'row', class: 'col-person' },
        link,
        // Supervisors may read without being seen; the link says so plainly.
        watch && row.heldBy && row.heldBy.id !== state.me?.id
          ? h('a', { href: `/staff/watch/${row.id}`, class: 'watch', onclick: (e: Event) => (e.preventDefault(), e.stopPropagation(), watch(row.id)) }, t('watch.link'))
          : null,
      ),
      h('td', { class: 'col-need' }, row.flags.length ? row.flags.map((flag) => h('span', { class: `badge badge-${flag}` }, t(`flag.${flag}`))) : '—', reasonBadge(row), row.unreachable ? h('span', { class: 'badge badge-muted' }, t('queue.unreachable')) : null, row.demo ? h('span', { class: 'badge badge-demo' }, t('queue.demo')) : null),
      h('td', { class: 'col-channel' }, channelName(row.channel)),
      h('td', { class: 'col-language' }, personLanguage(row.locale), personCountry(row.country) ? ` · ${personCountry(row.country)}` : null),
      h('td', { class: 'col-step' }, stepName(row.step)),
      h('td', { class: 'col-waiting' }, h('span', { 'data-since': row.waitingSince }, waited(row.waitingSince))),
      h(
        'td',
        { class: 'col-holder' },
        row.heldBy
          ? mine
            ? h('strong', {}, t('queue.you'))
            : row.heldBy.email
          : row.assignedTo
            ? h('span', { class: 'muted' }, row.assignedTo.id === state.me?.id ? t('offers.offered_you') : t('offers.offered_to', { email: row.assignedTo.email }))
            : h('span', { class: 'muted' }, t('queue.bot')),
      ),
    );
    // The whole row opens the conversation for pointer users; keyboard users tab to the link.
    tr.addEventListener('click', (event) => {
      if ((event.target as HTMLElement).closest('a')) return;
      open(row.id);
    });
    return tr;
  }

  function update(): void {
    const focused = (document.activeElement as HTMLElement | null)?.closest('a[data-id]')?.getAttribute('data-id');
    const rows = orderedRows();
    replace(body, rows.map(rowFor));
    empty.hidden = rows.length > 0;
    table.hidden = rows.length === 0;
    replace(status, h('span', { class: state.live ? 'live-dot on' : 'live-dot' }), state.live ? t('queue.live') : t('queue.offline'), ' · ', t('queue.count', { count: rows.length }));
    if (focused) body.querySelector<HTMLElement>(`a[data-id="${CSS.escape(focused)}"]`)?.focus();
  }

  /** Waiting times move on without any event. */
  function tick(): void {
    for (const span of body.querySelectorAll<HTMLElement>('[data-since]')) span.textContent = waited(Number(span.dataset.since));
  }

  update();
  return { element: section, update, tick };
}

/** Why it is urgent, next to Urgent: self-harm or danger right now. */
export function reasonBadge(row: QueueRow): HTMLElement | null {
  return row.urgentReason ? h('span', { class: 'badge badge-reason', 'data-reason': row.urgentReason }, t(`reason.${row.urgentReason}`)) : null;
}

/**
 * Where the person lives, named in the staff member's language; empty while unknown and for "elsewhere or not said"
 * (`ZZ`), which the bot records when it gives international contacts only.
 */
export function personCountry(code: string | null | undefined): string {
  if (!code || !/^[A-Z]{2}$/.test(code) || code === 'ZZ') return '';
  try {
    return new Intl.DisplayNames([language()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
