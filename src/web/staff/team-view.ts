// Every agent's work at a glance, for supervisors: who holds what now, and how much each did in the last day.

import { h, replace } from '../shared/dom';
import { t } from '../shared/i18n';
import { api } from './api';
import { errorText } from './conversation-view';
import { when } from './format';

interface Member {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
  holding: number;
  actionsLast24h: number;
  lastLoginAt: number | null;
  available: boolean;
  capacity: number;
}

/** Builds the team section; each person links to their entries in the audit log. */
export function createTeamView(openAudit: (staffId: string) => void): HTMLElement {
  const body = h('tbody');
  const message = h('p', { role: 'status', class: 'feedback' });

  /** A supervisor sets how many conversations a person is offered at once; the change is saved when it is made. */
  function capacityInput(m: Member): HTMLInputElement {
    const input = h('input', { type: 'number', min: 0, max: 20, step: 1, value: m.capacity, class: 'capacity', 'aria-label': `${t('team.capacity')}: ${m.email}` });
    input.addEventListener('change', async () => {
      try {
        await api('PATCH', `/team/${m.id}`, { capacity: Number(input.value) });
        message.textContent = t('team.capacity_saved');
        message.className = 'feedback';
      } catch (error) {
        message.textContent = errorText(error);
        message.className = 'feedback error';
      }
    });
    return input;
  }

  Promise.all([api<{ members: Member[] }>('GET', '/team'), api<{ offered: Record<string, number> }>('GET', '/team/load')]).then(
    ([{ members }, { offered }]) =>
      replace(
        body,
        members.map((m) =>
          h(
            'tr',
            { class: m.disabled ? 'muted' : '', 'data-id': m.id },
            h('th', { scope: 'row' }, m.email),
            h('td', {}, t(`role.${m.role}`)),
            h('td', {}, m.available ? h('strong', {}, t('team.yes')) : t('team.no')),
            h('td', { class: 'num' }, m.holding),
            h('td', { class: 'num' }, offered[m.id] ?? 0),
            h('td', { class: 'num' }, capacityInput(m)),
            h('td', { class: 'num' }, m.actionsLast24h),
            h('td', {}, m.lastLoginAt ? when(m.lastLoginAt) : t('team.never')),
            h('td', {}, h('button', { type: 'button', class: 'small', onclick: () => openAudit(m.id) }, t('team.activity'))),
          ),
        ),
      ),
    (error) => (message.textContent = errorText(error)),
  );
  return h(
    'section',
    { class: 'page', 'aria-labelledby': 'team-title' },
    h('h2', { id: 'team-title', tabindex: '-1' }, t('team.title')),
    h('p', { class: 'muted' }, t('team.intro')),
    message,
    h('table', {}, h('thead', {}, h('tr', {}, ['member', 'role', 'available', 'holding', 'offered', 'capacity', 'actions', 'last_login', 'activity'].map((k) => h('th', { scope: 'col' }, t(`team.${k}`))))), body),
  );
}
