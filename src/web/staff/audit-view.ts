// The audit log for supervisors: filter by person, action and conversation; page back through older entries.

import type { AuditView } from '../../staff/audit';
import type { ConversationLabel } from '../../staff/queue';
import { h, replace } from '../shared/dom';
import { t } from '../shared/i18n';
import { api } from './api';
import { errorText } from './conversation-view';
import { channelName, when } from './format';

interface Member {
  id: string;
  email: string;
}

/** Builds the audit section. `open` shows a conversation the log names. */
export function createAuditView(initial: { staff?: string; conversation?: string } = {}, open: (id: string) => void = () => {}): HTMLElement {
  // Conversations are named as the queue names them (masked person, channel); erased ones have no name any more.
  const labels = new Map<string, ConversationLabel | null>();
  const staff = h('select', { id: 'audit-staff', name: 'staff' }, h('option', { value: '' }, t('audit.any')));
  const action = h('select', { id: 'audit-action', name: 'action' }, h('option', { value: '' }, t('audit.any')));
  const conversation = h('input', { id: 'audit-conversation', name: 'conversation', type: 'text', autocomplete: 'off', size: 36 });
  const body = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, t('audit.more'));
  const message = h('p', { role: 'status', class: 'feedback' });
  const form = h(
    'form',
    { class: 'filters' },
    h('div', {}, h('label', { for: 'audit-staff' }, t('audit.staff')), staff),
    h('div', {}, h('label', { for: 'audit-action' }, t('audit.action')), action),
    h('div', {}, h('label', { for: 'audit-conversation' }, t('audit.conversation')), conversation),
    h('button', { type: 'submit', class: 'primary' }, t('audit.apply')),
  );
  const table = h(
    'table',
    { class: 'audit' },
    h('caption', { class: 'visually-hidden' }, t('audit.title')),
    h('thead', {}, h('tr', {}, ['when', 'who', 'what', 'where', 'detail', 'address'].map((k) => h('th', { scope: 'col' }, t(`audit.${k}`))))),
    body,
  );
  let oldest: number | undefined;

  function entryRow(entry: AuditView): HTMLTableRowElement {
    const detail = entry.detail ? Object.entries(entry.detail).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '';
    return h(
      'tr',
      { class: entry.action === 'login_failed' ? 'warn' : '' },
      h('td', {}, h('time', { datetime: new Date(entry.at).toISOString() }, when(entry.at))),
      h('td', {}, entry.staffEmail ?? '—'),
      h('td', {}, t(`action.${entry.action}`)),
      h('td', { class: 'where' }, entry.conversationId ? where(entry.conversationId) : '—'),
      h('td', {}, detail),
      h('td', { class: 'mono' }, entry.ip ?? ''),
    );
  }

  function where(id: string): (Node | string)[] {
    const label = labels.get(id);
    const name = label
      ? h('a', { href: `/staff/c/${encodeURIComponent(id)}`, class: 'person', onclick: (e: Event) => (e.preventDefault(), open(id)) }, label.user)
      : h('span', { class: 'muted' }, t('audit.erased'));
    return [
      name,
      label ? h('span', { class: 'muted' }, ` · ${channelName(label.channel)}${label.demo ? ` · ${t('queue.demo')}` : ''}`) : '',
      ' ',
      h('button', { type: 'button', class: 'link small-link', 'aria-label': t('audit.only_this_for', { user: label?.user ?? t('audit.erased') }), onclick: () => filterBy(id) }, t('audit.only_this')),
    ];
  }

  /** Fetches the names of conversations not seen yet. */
  async function name(entries: AuditView[]): Promise<void> {
    const missing = [...new Set(entries.map((e) => e.conversationId).filter((id): id is string => id !== null && !labels.has(id)))];
    if (missing.length === 0) return;
    const { labels: found } = await api<{ labels: Record<string, ConversationLabel> }>('GET', `/conversation-labels?ids=${missing.join(',')}`).catch(() => ({ labels: {} as Record<string, ConversationLabel> }));
    for (const id of missing) labels.set(id, found[id] ?? null);
  }

  /** Narrows the log to one conversation: what everyone did there, in order. */
  function filterBy(conversationId: string): void {
    conversation.value = conversationId;
    oldest = undefined;
    void load(false);
  }

  async function load(append: boolean): Promise<void> {
    const params = new URLSearchParams();
    if (staff.value) params.set('staff', staff.value);
    if (action.value) params.set('action', action.value);
    if (conversation.value.trim()) params.set('conversation', conversation.value.trim());
    if (append && oldest !== undefined) params.set('before', String(oldest));
    params.set('limit', '100');
    try {
      const { entries, actions } = await api<{ entries: AuditView[]; actions: string[] }>('GET', `/audit?${params}`);
      if (action.options.length === 1) for (const a of actions) action.appendChild(h('option', { value: a }, t(`action.${a}`)));
      await name(entries);
      if (!append) replace(body);
      for (const entry of entries) body.appendChild(entryRow(entry));
      oldest = entries.at(-1)?.id ?? oldest;
      more.hidden = entries.length < 100;
      message.textContent = body.children.length === 0 ? t('audit.none') : '';
    } catch (error) {
      message.textContent = errorText(error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    oldest = undefined;
    void load(false);
  });
  more.addEventListener('click', () => void load(true));
  if (initial.conversation) conversation.value = initial.conversation;
  // The first page waits for the staff list, so a filter handed over from the team page shows as chosen.
  void api<{ members: Member[] }>('GET', '/team')
    .then(({ members }) => {
      for (const m of members) staff.appendChild(h('option', { value: m.id }, m.email));
    })
    .catch(() => {})
    .finally(() => {
      if (initial.staff) staff.value = initial.staff;
      void load(false);
    });
  return h('section', { class: 'page', 'aria-labelledby': 'audit-title' }, h('h2', { id: 'audit-title', tabindex: '-1' }, t('audit.title')), h('p', { class: 'muted' }, t('audit.intro')), form, message, table, more);
}
