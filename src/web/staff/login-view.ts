// Sign-in, and choosing one's own password after a one-time password.

import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { api, ApiError, setCsrfToken } from './api';
import type { Me } from './state';

/**
 * The sign-in form. `notice` explains why it is shown (the session ended). The password typed is handed on only so
 * that a first sign-in with a one-time password does not ask for it a second time; it is kept nowhere.
 */
export function createLoginView(onSignedIn: (me: Me, password: string) => void, notice?: string): HTMLElement {
  const error = h('p', { class: 'feedback error', role: 'alert', id: 'login-error' });
  const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true, 'aria-describedby': 'login-error' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': 'login-error' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const form = h(
    'form',
    { class: 'card login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, t('login.title')),
    h('p', { class: 'muted' }, t('login.intro')),
    notice ? h('p', { class: 'feedback', role: 'status' }, notice) : null,
    h('label', { for: 'email' }, t('login.email')),
    email,
    h('label', { for: 'password' }, t('login.password')),
    password,
    error,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      const result = await api<{ account: Me; csrfToken: string }>('POST', '/login', { email: email.value, password: password.value });
      setCsrfToken(result.csrfToken);
      onSignedIn(result.account, result.account.mustChangePassword ? password.value : '');
      password.value = '';
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'generic';
      error.textContent = code === 'invalid_credentials' ? t('login.failed') : code === 'rate_limited' ? t('login.rate_limited') : t(`error.${code}`);
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  queueMicrotask(() => email.focus());
  return form;
}

/**
 * The first-sign-in form: replace the one-time password. Right after signing in with it, `oneTimePassword` is what
 * was just typed and is not asked again; after a reload it is unknown and the form asks for it.
 */
export function createPasswordView(onDone: () => void, oneTimePassword = ''): HTMLElement {
  const error = h('p', { class: 'feedback error', role: 'alert' });
  const field = (id: string, label: string, autocomplete: string) => [
    h('label', { for: id }, label),
    h('input', { id, type: 'password', autocomplete, required: true, minlength: id === 'current' ? null : 12 }),
  ];
  const form = h(
    'form',
    { class: 'card login', 'aria-labelledby': 'password-title' },
    h('h1', { id: 'password-title' }, t('password.title')),
    h('p', {}, t('password.intro')),
    oneTimePassword ? null : field('current', t('password.current'), 'current-password'),
    field('next', t('password.next'), 'new-password'),
    field('repeat', t('password.repeat'), 'new-password'),
    error,
    h('button', { type: 'submit', class: 'primary' }, t('password.submit')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (id: string) => (form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '');
    if (value('next') !== value('repeat')) {
      error.textContent = t('password.mismatch');
      return;
    }
    try {
      await api('POST', '/password', { current: oneTimePassword || value('current'), next: value('next') });
      oneTimePassword = '';
      onDone();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'generic';
      // The one-time password no longer works (reset meanwhile): ask for the current one after all.
      if (code === 'invalid_credentials' && oneTimePassword) {
        form.replaceWith(createPasswordView(onDone));
        return;
      }
      error.textContent = code === 'weak_password' ? t('password.weak') : code === 'invalid_credentials' ? t('login.failed') : t(`error.${code}`);
    }
  });
  queueMicrotask(() => form.querySelector<HTMLInputElement>(oneTimePassword ? '#next' : '#current')?.focus());
  return form;
}
