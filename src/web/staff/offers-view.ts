// Waiting for a person: the conversations that asked for one (or are in danger) and nobody holds, urgent first, then oldest.

import type { QueueRow } from '../../staff/queue';
import { compareOffers, needsPerson } from '../../staff/queue';
import { h, replace } from '../shared/dom';
import { t } from '../shared/i18n';
import { api } from './api';
import { errorText } from './conversation-view';
import { waited } from './format';
import { demoShown, state } from './state';

/** The waiting list, redrawn by `update()`; taking one opens it. */
export function createOffersView(open: (id: string) => void) {
  const list = h('ol', { class: 'offers', id: 'offers' });
  const empty = h('p', { class: 'muted' }, t('offers.empty'));
  const feedback = h('p', { class: 'feedback', role: 'status' });
  const section = h('section', { class: 'offers-panel', 'aria-labelledby': 'offers-title' }, h('h2', { id: 'offers-title' }, t('offers.title')), feedback, list, empty);

  function item(row: QueueRow): HTMLLIElement {
    const mine = row.assignedTo?.id === state.me?.id;
    const take = h('button', { type: 'button', class: mine ? 'small primary' : 'small' }, t('offers.take'));
    take.addEventListener('click', async () => {
      take.disabled = true;
      try {
        await api('POST', `/conversations/${row.id}/takeover`);
        open(row.id);
      } catch (error) {
        feedback.textContent = errorText(error);
        feedback.className = 'feedback error';
        take.disabled = false;
      }
    });
    return h(
      'li',
      { 'data-id': row.id, class: [mine ? 'mine' : '', row.alertedAt ? 'overdue' : ''].join(' ').trim() },
      h('a', { href: `/staff/c/${row.id}`, onclick: (e: Event) => (e.preventDefault(), open(row.id)) }, row.user),
      ' ',
      row.flags.filter((f) => f === 'urgent' || f === 'human').map((f) => h('span', { class: `badge badge-${f}` }, t(`flag.${f}`))),
      row.messageLeftAt ? h('span', { class: 'badge badge-message' }, t('offers.message_left')) : null,
      row.alertedAt ? h('span', { class: 'badge badge-overdue' }, t('offers.overdue')) : null,
      ' ',
      h('span', { class: 'muted', 'data-since': row.waitingSince }, waited(row.waitingSince)),
      ' ',
      h('span', { class: 'offered' }, mine ? h('strong', {}, t('offers.offered_you')) : row.assignedTo ? t('offers.offered_to', { email: row.assignedTo.email }) : t('offers.not_offered')),
      take,
    );
  }

  function update(): void {
    const rows = [...state.rows.values()].filter((r) => needsPerson(r) && (!r.demo || demoShown())).sort(compareOffers);
    replace(list, rows.map(item));
    list.hidden = rows.length === 0;
    empty.hidden = rows.length > 0;
  }

  update();
  return { element: section, update };
}
