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
}

/** Builds the team section; each person links to their entries in the audit log. */
export function createTeamView(openAudit: (staffId: string) => void): HTMLElement {
  const body = h('tbody');
  const message = h('p', { role: 'status', class: 'feedback' });
  api<{ members: Member[] }>('GET', '/team').then(
    ({ members }) =>
      replace(
        body,
        members.map((m) =>
          h(
            'tr',
            { class: m.disabled ? 'muted' : '' },
            h('th', { scope: 'row' }, m.email),
            h('td', {}, t(`role.${m.role}`)),
            h('td', { class: 'num' }, m.holding),
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
    h('table', {}, h('thead', {}, h('tr', {}, ['member', 'role', 'holding', 'actions', 'last_login', 'activity'].map((k) => h('th', { scope: 'col' }, t(`team.${k}`))))), body),
  );
}
