// Account and partner-key management, for admins. Passwords and keys are shown once, when made.

import type { AccountView } from '../../staff/accounts';
import { h, replace } from '../shared/dom';
import { t } from '../shared/i18n';
import { api } from './api';
import { errorText } from './conversation-view';
import { when } from './format';
import { state } from './state';

interface PartnerView {
  id: string;
  name: string;
  /** The name teens read in the chat and on the case page; null when they read `name`. */
  displayName: string | null;
  createdAt: number;
  revokedAt: number | null;
}

const ROLES = ['agent', 'supervisor', 'admin'] as const;

/** A secret shown once, selectable for copying, announced to screen readers. */
function secret(label: string, value: string): HTMLElement {
  return h('div', { class: 'secret', role: 'status' }, h('p', {}, label), h('code', { tabindex: '0' }, value));
}

/** Builds the accounts section. */
export function createAccountsView(): HTMLElement {
  const accountsBody = h('tbody');
  const partnersBody = h('tbody');
  const accountMessage = h('div', { class: 'feedback', 'aria-live': 'polite' });
  const partnerMessage = h('div', { class: 'feedback', 'aria-live': 'polite' });

  async function loadAccounts(): Promise<void> {
    const { accounts } = await api<{ accounts: AccountView[] }>('GET', '/accounts');
    replace(accountsBody, accounts.map(accountRow));
  }

  function accountRow(a: AccountView): HTMLTableRowElement {
    const self = a.id === state.me?.id;
    const role = h('select', { 'aria-label': `${t('accounts.role')}: ${a.email}`, disabled: self }, ROLES.map((r) => h('option', { value: r, selected: r === a.role }, t(`role.${r}`))));
    role.addEventListener('change', () => void change(a, { role: role.value }));
    return h(
      'tr',
      { class: a.disabled ? 'muted' : '' },
      h('th', { scope: 'row' }, a.email),
      h('td', {}, role),
      h('td', {}, a.disabled ? t('accounts.disabled') : a.mustChangePassword ? t('accounts.must_change') : t('accounts.active')),
      h('td', {}, a.lastLoginAt ? when(a.lastLoginAt) : t('team.never')),
      h(
        'td',
        { class: 'buttons' },
        self
          ? null
          : [
              h('button', { type: 'button', class: 'small', onclick: () => void change(a, { disabled: !a.disabled }) }, a.disabled ? t('accounts.enable') : t('accounts.disable')),
              h('button', { type: 'button', class: 'small', onclick: () => void reset(a) }, t('accounts.reset')),
            ],
      ),
    );
  }

  async function change(a: AccountView, body: { role?: string; disabled?: boolean }): Promise<void> {
    try {
      await api('PATCH', `/accounts/${a.id}`, body);
      await loadAccounts();
    } catch (error) {
      accountMessage.textContent = errorText(error);
    }
  }

  async function reset(a: AccountView): Promise<void> {
    try {
      const { oneTimePassword } = await api<{ oneTimePassword: string }>('POST', `/accounts/${a.id}/reset-password`);
      replace(accountMessage, secret(t('accounts.one_time', { email: a.email }), oneTimePassword));
      await loadAccounts();
    } catch (error) {
      accountMessage.textContent = errorText(error);
    }
  }

  const email = h('input', { id: 'new-email', type: 'email', required: true, autocomplete: 'off' });
  const role = h('select', { id: 'new-role' }, ROLES.map((r) => h('option', { value: r }, t(`role.${r}`))));
  const createForm = h(
    'form',
    { class: 'inline-form' },
    h('div', {}, h('label', { for: 'new-email' }, t('accounts.email')), email),
    h('div', {}, h('label', { for: 'new-role' }, t('accounts.role')), role),
    h('button', { type: 'submit', class: 'primary' }, t('accounts.add')),
  );
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const { account, oneTimePassword } = await api<{ account: AccountView; oneTimePassword: string }>('POST', '/accounts', { email: email.value, role: role.value });
      replace(accountMessage, secret(t('accounts.one_time', { email: account.email }), oneTimePassword));
      email.value = '';
      await loadAccounts();
    } catch (error) {
      accountMessage.textContent = errorText(error);
    }
  });

  async function loadPartners(): Promise<void> {
    const { partners } = await api<{ partners: PartnerView[] }>('GET', '/partners');
    replace(
      partnersBody,
      partners.map((p) =>
        h(
          'tr',
          { class: p.revokedAt ? 'muted' : '' },
          h('th', { scope: 'row' }, p.name),
          h('td', {}, p.displayName ?? '—'),
          h('td', {}, when(p.createdAt)),
          h('td', {}, p.revokedAt ? `${t('accounts.revoked')} ${when(p.revokedAt)}` : t('accounts.active')),
          h('td', {}, p.revokedAt ? null : h('button', { type: 'button', class: 'small danger', onclick: () => void revoke(p) }, t('accounts.revoke'))),
        ),
      ),
    );
  }

  async function revoke(p: PartnerView): Promise<void> {
    if (!confirm(t('accounts.confirm_revoke'))) return;
    try {
      await api('POST', `/partners/${p.id}/revoke`);
      await loadPartners();
    } catch (error) {
      partnerMessage.textContent = errorText(error);
    }
  }

  const partnerName = h('input', { id: 'partner-name', type: 'text', required: true, maxlength: 64, autocomplete: 'off' });
  const partnerDisplay = h('input', { id: 'partner-display-name', type: 'text', maxlength: 64, autocomplete: 'off' });
  const partnerForm = h(
    'form',
    { class: 'inline-form' },
    h('div', {}, h('label', { for: 'partner-name' }, t('accounts.partner_name')), partnerName),
    h('div', {}, h('label', { for: 'partner-display-name' }, t('accounts.display_name')), partnerDisplay),
    h('button', { type: 'submit', class: 'primary' }, t('accounts.add_partner')),
  );
  partnerForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const displayName = partnerDisplay.value.trim();
      const { partner, apiKey } = await api<{ partner: PartnerView; apiKey: string }>('POST', '/partners', { name: partnerName.value, ...(displayName ? { displayName } : {}) });
      replace(partnerMessage, secret(t('accounts.api_key', { name: partner.name }), apiKey));
      partnerName.value = '';
      partnerDisplay.value = '';
      await loadPartners();
    } catch (error) {
      partnerMessage.textContent = errorText(error);
    }
  });

  loadAccounts().catch((error) => (accountMessage.textContent = errorText(error)));
  loadPartners().catch((error) => (partnerMessage.textContent = errorText(error)));
  return h(
    'section',
    { class: 'page', 'aria-labelledby': 'accounts-title' },
    h('h2', { id: 'accounts-title', tabindex: '-1' }, t('accounts.title')),
    h('h3', {}, t('accounts.create')),
    createForm,
    accountMessage,
    h('table', {}, h('thead', {}, h('tr', {}, ['email', 'role', 'state'].map((k) => h('th', { scope: 'col' }, t(`accounts.${k}`))), h('th', { scope: 'col' }, t('team.last_login')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('accounts.state'))))), accountsBody),
    h('h3', {}, t('accounts.partners')),
    partnerForm,
    partnerMessage,
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('accounts.partner_name')), h('th', { scope: 'col' }, t('accounts.display_name')), h('th', { scope: 'col' }, t('audit.when')), h('th', { scope: 'col' }, t('accounts.state')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('accounts.revoke'))))), partnersBody),
  );
}
