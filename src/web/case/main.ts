// The case page: case number and PIN show a case's state and each platform's report, and let it be withdrawn. Nothing is stored in the browser.

import '../hash/styles.css';
import { createTranslator, pickLocale } from '../hash/i18n';
import { richText } from '../shared/rich-text';

const i18n = createTranslator(pickLocale([new URLSearchParams(window.location.search).get('l'), ...navigator.languages]));
document.documentElement.lang = i18n.locale;
document.documentElement.dir = i18n.dir;
document.title = `${i18n.t('lookup.heading')} · ${i18n.t('page.brand')}`;
for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  const text = i18n.t(node.dataset.i18n ?? '');
  if (node.hasAttribute('data-rich')) node.replaceChildren(...richText(text));
  else node.textContent = text;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('lookup');
const caseInput = byId<HTMLInputElement>('case-number');
const pinInput = byId<HTMLInputElement>('pin');
const problem = byId('problem');
const view = byId('view');
const heading = byId('view-heading');
const reports = byId<HTMLUListElement>('reports');
const withdrawArea = byId('withdraw-area');
const withdrawButton = byId<HTMLButtonElement>('withdraw');
const confirm = byId('confirm');
const confirmText = byId('confirm-text');
const withdrawYes = byId<HTMLButtonElement>('withdraw-yes');
const withdrawn = byId('withdrawn');

interface CaseView {
  caseNumber: string;
  status: string;
  reports: { platform: string; status: string }[];
}

/** Held only while the page is open, to withdraw without typing them again. */
let credentials: { caseNumber: string; pin: string } | null = null;

function say(key: string | null): void {
  problem.hidden = key === null;
  problem.textContent = key === null ? '' : i18n.t(key);
}

async function ask(path: string, body: { caseNumber: string; pin: string }): Promise<CaseView | null> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(20_000) });
  } catch {
    say('offline.heading');
    return null;
  }
  if (response.ok) return (await response.json()) as CaseView;
  // A malformed number or PIN, a wrong one and an unknown case all read the same to the person.
  say(response.status === 429 ? 'lookup.limited' : response.status === 400 || response.status === 404 ? 'lookup.not_found' : 'server.heading');
  return null;
}

function show(found: CaseView): void {
  view.hidden = false;
  heading.textContent = i18n.t('lookup.status', { caseNumber: found.caseNumber, state: i18n.t(`lookup.state_${found.status}`) });
  reports.replaceChildren(
    ...(found.reports.length === 0 ? [i18n.t('lookup.none_yet')] : found.reports.map((r) => i18n.t(`lookup.report_${r.status}`, { platform: r.platform }))).map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
  const over = found.status === 'withdrawn' || found.status === 'deleted';
  withdrawArea.hidden = over;
  withdrawn.hidden = found.status !== 'withdrawn';
  confirm.hidden = true;
  withdrawButton.hidden = false;
  confirmText.textContent = i18n.t('lookup.withdraw_confirm', { caseNumber: found.caseNumber });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    say(null);
    view.hidden = true;
    const body = { caseNumber: caseInput.value.trim(), pin: pinInput.value.trim() };
    const found = await ask('/api/cases/lookup', body);
    if (!found) return;
    credentials = body;
    pinInput.value = '';
    show(found);
    heading.focus();
  })();
});

withdrawButton.addEventListener('click', () => {
  withdrawButton.hidden = true;
  confirm.hidden = false;
  withdrawYes.focus();
});

withdrawYes.addEventListener('click', () => {
  if (!credentials) return;
  void (async () => {
    withdrawYes.disabled = true;
    const found = await ask('/api/cases/withdraw', credentials);
    withdrawYes.disabled = false;
    if (found) show(found);
  })();
});
