// The staff dashboard: sign-in, the page frame, routes (/staff, /staff/c/<id>, /staff/watch/<id>, /staff/audit, /staff/team,
// /staff/reports, /staff/settings, /staff/accounts), availability, alerts and the live stream.

import './staff.css';
import type { QueueRow } from '../../staff/queue';
import { h, replace } from '../shared/dom';
import { UI_LANGUAGES, languageName, language, setLanguage, t } from '../shared/i18n';
import { api, ApiError, setCsrfToken, whenSignedOut } from './api';
import { askNotifications, canAskNotifications, isSoundOn, notify, playTone, setSound, unlockAudio } from './alert';
import { createOffersView } from './offers-view';
import { createReportsView } from './reports-view';
import { createSettingsView } from './settings-view';
import { createAccountsView } from './accounts-view';
import { createAuditView } from './audit-view';
import { createConversationView } from './conversation-view';
import { channelName } from './format';
import { createLoginView, createPasswordView } from './login-view';
import { createQueueView } from './queue-view';
import { createQueueSync } from './queue-sync';
import { can, demoShown, state, type Me } from './state';
import { createTeamView } from './team-view';

const top = document.getElementById('top')!;
const main = document.getElementById('main')!;
const alertRegion = document.getElementById('alert-region')!;
const announcer = document.getElementById('announcer')!;

let events: EventSource | undefined;
let queueView: ReturnType<typeof createQueueView> | undefined;
let offersView: ReturnType<typeof createOffersView> | undefined;
let conversationView: ReturnType<typeof createConversationView> | undefined;
const queueSync = createQueueSync();
let lastActivity = 0;
/** The one-time password just used to sign in, until the new password replaces it (memory only). */
let oneTimePassword = '';

type Page = 'audit' | 'team' | 'accounts' | 'reports' | 'settings';
type Route = { page: 'queue'; id: string | null; silent?: boolean } | { page: Page; id: null };
const PAGES: readonly string[] = ['audit', 'team', 'accounts', 'reports', 'settings'];

function parseRoute(path = location.pathname): Route {
  const match = /^\/staff\/(c|watch)\/([^/]+)$/.exec(path);
  if (match) return { page: 'queue', id: decodeURIComponent(match[2]!), silent: match[1] === 'watch' };
  const page = path.replace(/^\/staff\/?/, '');
  if (PAGES.includes(page)) return { page: page as Page, id: null };
  return { page: 'queue', id: null };
}

function navigate(path: string, extra?: { staff?: string }): void {
  if (location.pathname !== path) history.pushState(extra ?? null, '', path);
  render();
}

function header(): HTMLElement {
  const langSelect = h('select', { id: 'ui-language', 'aria-label': t('app.language') }, UI_LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, languageName(l))));
  langSelect.addEventListener('change', () => {
    setLanguage(langSelect.value);
    conversationView = undefined;
    render();
  });
  const route = parseRoute();
  const link = (path: string, key: string, current: boolean) =>
    h('a', { href: path, 'aria-current': current ? 'page' : null, onclick: (e: Event) => (e.preventDefault(), navigate(path)) }, t(key));
  const sound = h('input', { type: 'checkbox', id: 'sound', checked: isSoundOn() });
  sound.addEventListener('change', () => setSound(sound.checked));
  return h(
    'div',
    { class: 'bar' },
    h('a', { href: '/staff', class: 'brand', onclick: (e: Event) => (e.preventDefault(), navigate('/staff')) }, 'Reclaim'),
    state.me
      ? h(
          'nav',
          { 'aria-label': t('nav.label') },
          link('/staff', 'nav.queue', route.page === 'queue'),
          can('supervisor') ? link('/staff/audit', 'nav.audit', route.page === 'audit') : null,
          can('supervisor') ? link('/staff/team', 'nav.team', route.page === 'team') : null,
          can('supervisor') ? link('/staff/reports', 'nav.reports', route.page === 'reports') : null,
          can('admin') ? link('/staff/settings', 'nav.settings', route.page === 'settings') : null,
          can('admin') ? link('/staff/accounts', 'nav.accounts', route.page === 'accounts') : null,
        )
      : null,
    h(
      'div',
      { class: 'bar-end' },
      state.me ? availabilitySwitch() : null,
      state.me && canAskNotifications() ? h('button', { type: 'button', class: 'small quiet', id: 'ask-notifications', onclick: () => void askNotifications().then(() => render()) }, t('alerts.enable')) : null,
      state.me ? h('label', { class: 'sound', for: 'sound' }, sound, t('queue.sound')) : null,
      langSelect,
      state.me ? h('span', { class: 'who' }, t('app.signed_in_as', { email: state.me.email, role: t(`role.${state.me.role}`) })) : null,
      state.me ? h('button', { type: 'button', class: 'quiet', onclick: () => void signOut() }, t('app.sign_out')) : null,
    ),
  );
}

/** Available for new conversations or away: offers go only to people who are available. */
function availabilitySwitch(): HTMLElement {
  const box = h('input', { type: 'checkbox', id: 'available', checked: state.me?.available === true });
  box.addEventListener('change', async () => {
    try {
      await api('PUT', '/me/availability', { available: box.checked });
      if (state.me) state.me.available = box.checked;
    } catch {
      box.checked = !box.checked;
    }
  });
  return h('label', { class: 'availability', for: 'available' }, box, t('availability.label'));
}

/** Draws the page for the current route. */
function render(): void {
  document.title = t('app.title');
  replace(top, header());
  if (!state.me) return;
  if (state.me.mustChangePassword) {
    const typed = oneTimePassword;
    oneTimePassword = '';
    replace(main, createPasswordView(() => void start(), typed));
    return;
  }
  const route = parseRoute();
  if (route.page !== 'queue') {
    conversationView = undefined;
    state.selected = null;
    const extra = (history.state ?? {}) as { staff?: string };
    const page =
      route.page === 'audit' && can('supervisor')
        ? createAuditView(extra.staff ? { staff: extra.staff } : {}, (id) => navigate(`/staff/c/${encodeURIComponent(id)}`))
        : route.page === 'team' && can('supervisor')
          ? createTeamView((staffId) => navigate('/staff/audit', { staff: staffId }))
          : route.page === 'accounts' && can('admin')
            ? createAccountsView()
            : route.page === 'reports' && can('supervisor')
              ? createReportsView()
              : route.page === 'settings' && can('admin')
                ? createSettingsView()
                : h('p', { class: 'feedback error' }, t('error.forbidden'));
    replace(main, page);
    main.querySelector<HTMLElement>('h2')?.focus();
    return;
  }
  state.selected = route.id;
  queueView = createQueueView((id) => navigate(`/staff/c/${encodeURIComponent(id)}`), showDemo, can('supervisor') ? (id) => navigate(`/staff/watch/${encodeURIComponent(id)}`) : undefined);
  offersView = createOffersView((id) => navigate(`/staff/c/${encodeURIComponent(id)}`));
  const workspace = h('div', { class: route.id ? 'workspace has-conversation' : 'workspace' }, h('div', { class: 'lists' }, offersView.element, queueView.element));
  if (route.id) {
    const silent = route.silent === true && can('supervisor');
    if (conversationView?.id !== route.id || conversationView.silent !== silent) {
      conversationView = createConversationView(route.id, () => navigate('/staff'), silent);
      void conversationView.refresh();
      queueMicrotask(() => conversationView?.focus());
    }
    workspace.appendChild(conversationView.element);
  } else {
    conversationView = undefined;
  }
  replace(main, workspace);
}

/** The banner, the tone and a desktop notification: for new danger, an offer to this person, and a wait grown too long. */
function showUrgent(row: QueueRow, kind: 'urgent' | 'offered' | 'waiting' = 'urgent'): void {
  playTone();
  document.title = `(!) ${t('app.title')}`;
  notify(t(`alerts.${kind}_title`), t(`alerts.${kind}_body`, { user: row.user }), `${kind}:${row.id}`, () => navigate(`/staff/c/${row.id}`));
  replace(
    alertRegion,
    h(
      'div',
      { class: 'urgent-banner' },
      h('strong', {}, kind === 'urgent' ? t('flag.urgent') : t(`alerts.${kind}_title`)),
      ' ',
      kind === 'urgent' ? t('queue.urgent_alert') : t(`alerts.${kind}_body`, { user: row.user }),
      ' ',
      h('a', { href: `/staff/c/${row.id}`, onclick: (e: Event) => (e.preventDefault(), replace(alertRegion), navigate(`/staff/c/${row.id}`)) }, row.user),
      h('button', { type: 'button', class: 'small', onclick: () => (replace(alertRegion), (document.title = t('app.title'))) }, t('queue.dismiss')),
    ),
  );
}

/** Shows or hides demo conversations; the choice stays in the address (`?demo=1`) across reloads. */
function showDemo(show: boolean): void {
  state.showDemo = show;
  const url = new URL(location.href);
  if (show) url.searchParams.set('demo', '1');
  else url.searchParams.delete('demo');
  history.replaceState(history.state, '', url);
  // The server sends demo rows only on a stream that asked for them; the new stream reloads the queue when it opens.
  connect();
}

/** Applies one queue row from the stream: redraw, alert on new urgency, refresh the open conversation. */
function applyRow(row: QueueRow): void {
  // Demo conversations are not people in need: no row and no alert unless a supervisor asked to see them.
  if (row.demo && !demoShown()) {
    queueSync.saw(row.id, null);
    if (conversationView?.id === row.id) void conversationView.refresh();
    if (state.rows.delete(row.id)) {
      queueView?.update();
      offersView?.update();
    }
    return;
  }
  const before = state.rows.get(row.id);
  state.rows.set(row.id, row);
  queueSync.saw(row.id, row);
  const newlyUrgent = row.flags.includes('urgent') && row.status === 'open' && !before?.flags.includes('urgent') && row.heldBy?.id !== state.me?.id;
  const newlyMine = row.assignedTo?.id === state.me?.id && before?.assignedTo?.id !== state.me?.id;
  const waitingAgain = !!row.alertedAt && row.alertedAt !== before?.alertedAt && !row.heldBy && row.status === 'open';
  if (newlyUrgent) showUrgent(row);
  else if (newlyMine) showUrgent(row, 'offered');
  else if (waitingAgain) showUrgent(row, 'waiting');
  queueView?.update();
  offersView?.update();
  if (conversationView?.id === row.id) void conversationView.refresh();
  else if (before && row.updatedAt > before.updatedAt && row.heldBy?.id === state.me?.id) announcer.textContent = t('queue.new_activity', { channel: channelName(row.channel) });
}

async function loadQueue(): Promise<void> {
  const ticket = queueSync.begin();
  const { rows } = await api<{ rows: QueueRow[] }>('GET', demoShown() ? '/queue?demo=1' : '/queue').catch((error: unknown) => {
    queueSync.abandon(ticket);
    throw error;
  });
  const queue = queueSync.finish(ticket, rows);
  if (!queue) return;
  state.rows = queue;
  queueView?.update();
  offersView?.update();
}

function connect(): void {
  events?.close();
  events = new EventSource(demoShown() ? '/api/staff/events?demo=1' : '/api/staff/events');
  events.addEventListener('hello', () => {
    state.live = true;
    // Anything that changed while the stream was down is read again in one go.
    void loadQueue().catch(() => {});
  });
  events.addEventListener('row', (event) => applyRow(JSON.parse((event as MessageEvent<string>).data) as QueueRow));
  events.addEventListener('gone', (event) => {
    const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: string };
    state.rows.delete(id);
    queueSync.saw(id, null);
    queueView?.update();
    offersView?.update();
    if (conversationView?.id === id) void conversationView.refresh();
  });
  events.addEventListener('signed_out', () => signedOut('expired'));
  events.onerror = () => {
    state.live = false;
    queueView?.update();
    // EventSource retries by itself, unless the server refused it (signed out): then ask who we are.
    if (events?.readyState === EventSource.CLOSED) {
      setTimeout(() => void api('GET', '/me').then(connect, () => {}), 3000);
    }
  };
}

function signedOut(reason: 'expired' | 'manual'): void {
  events?.close();
  events = undefined;
  state.me = null;
  state.live = false;
  state.rows.clear();
  conversationView = undefined;
  replace(alertRegion);
  render();
  replace(main, createLoginView(onSignedIn, reason === 'expired' ? t('login.expired') : undefined));
}

async function signOut(): Promise<void> {
  await api('POST', '/logout').catch(() => {});
  signedOut('manual');
}

function onSignedIn(me: Me, password: string): void {
  state.me = me;
  oneTimePassword = me.mustChangePassword ? password : '';
  unlockAudio();
  if (me.mustChangePassword) {
    render();
    return;
  }
  void start();
}

/** After sign-in (or a reload with a live session): who am I, the queue, the stream, the page. */
async function start(): Promise<void> {
  try {
    const me = await api<{ account: Me; csrfToken: string; personLocales: string[] }>('GET', '/me');
    setCsrfToken(me.csrfToken);
    state.me = me.account;
    state.personLocales = me.personLocales;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signedOut('manual');
    replace(main, h('p', { class: 'feedback error' }, t('error.network')));
    return;
  }
  render();
  if (state.me.mustChangePassword) return;
  await loadQueue().catch(() => {});
  connect();
}

whenSignedOut(() => {
  if (state.me) signedOut('expired');
});
window.addEventListener('popstate', render);
// Clicks and keys are activity: they keep the session from going idle (at most one ping a minute).
for (const type of ['keydown', 'pointerdown']) {
  document.addEventListener(type, () => {
    unlockAudio();
    if (!state.me || Date.now() - lastActivity < 60_000) return;
    lastActivity = Date.now();
    void api('POST', '/activity').catch(() => {});
  });
}
setInterval(() => {
  queueView?.tick();
  offersView?.update();
}, 30_000);
void start();
