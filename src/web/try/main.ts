// "Try the bot": chat with the real intake flow in the browser, through the console channel on this server.

import './try.css';
import type { RenderedChoice, RenderedMessage } from '../../core/messages';
import type { TryLine } from '../../staff/try-bot';
import { h, replace } from '../shared/dom';
import { LANGUAGES, language, languageName, setLanguage, t } from '../shared/i18n';
import { richText } from '../shared/rich-text';

const app = document.getElementById('app')!;
let events: EventSource | undefined;
let log: HTMLOListElement;
let choices: HTMLDivElement;
let status: HTMLParagraphElement;
let input: HTMLTextAreaElement;

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`/api/try/${path}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** The handoff link points at PUBLIC_BASE_URL; in the demo it opens on this same server, whatever its address. */
function sameOrigin(url: string): string {
  try {
    const parsed = new URL(url, location.href);
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return '/hash';
  }
}

function addLine(who: 'you' | 'bot' | 'staff', text: string, extra?: Node | null): void {
  log.appendChild(h('li', { class: `msg msg-${who}` }, h('span', { class: 'who' }, t(`try.${who}`)), h('p', { dir: 'auto' }, richText(text)), extra ?? null));
  log.scrollTop = log.scrollHeight;
}

function showChoices(list: RenderedChoice[]): void {
  replace(
    choices,
    list.map((choice) => h('button', { type: 'button', class: 'choice', onclick: () => void send({ choiceId: choice.id }, choice.label) }, choice.label)),
  );
  if (list.length > 0) choices.querySelector('button')?.setAttribute('data-first', '');
}

function showMessage(message: RenderedMessage): void {
  const link = message.link?.url ? h('a', { class: 'link-button', href: sameOrigin(message.link.url), target: '_blank', rel: 'noopener' }, message.link.label) : null;
  addLine(message.fromStaff ? 'staff' : 'bot', message.text, link);
  showChoices(message.choices);
}

async function send(body: { text?: string; choiceId?: string }, shown: string): Promise<void> {
  addLine('you', shown);
  replace(choices);
  const response = await post('messages', { ...body, locale: language() }).catch(() => null);
  if (!response || !response.ok) status.textContent = problem(response);
  else status.textContent = '';
}

function problem(response: Response | null): string {
  if (response?.status === 429) return t('try.rate_limited');
  if (response?.status === 503) return t('try.busy');
  return t('try.failed');
}

/** This visitor's conversation so far (a reload, or a second tab): shown as it was, and nothing is sent. */
async function resume(): Promise<boolean> {
  const response = await fetch('/api/try/history', { credentials: 'same-origin' }).catch(() => null);
  if (!response?.ok) return false;
  const { lines, choices: open } = (await response.json()) as { lines: TryLine[]; choices: RenderedChoice[] };
  replace(log);
  for (const line of lines) addLine(line.who, line.text);
  showChoices(open);
  return lines.length > 0;
}

function connect(): void {
  events?.close();
  status.textContent = t('try.connecting');
  events = new EventSource('/api/try/events');
  events.addEventListener('hello', () => (status.textContent = ''));
  events.addEventListener('message', (event) => showMessage(JSON.parse((event as MessageEvent<string>).data) as RenderedMessage));
}

/** Starts a conversation, or picks up this visitor's own where it was. Only a new one says hello for them. */
async function begin(reset: boolean): Promise<void> {
  const started = await post('start', { reset }).catch(() => null);
  if (!started?.ok) {
    status.textContent = problem(started);
    return;
  }
  const { fresh } = (await started.json()) as { fresh: boolean };
  if (reset) {
    replace(log);
    replace(choices);
  }
  // The history is read before listening: what arrives afterwards is new, so nothing shows twice.
  const resumed = !fresh && (await resume());
  connect();
  if (!resumed) await send({ text: 'hello' }, 'hello');
}

function render(): void {
  document.title = t('try.title');
  const languageSelect = h('select', { id: 'language' }, LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, languageName(l))));
  languageSelect.addEventListener('change', () => {
    setLanguage(languageSelect.value);
    events?.close();
    render();
    void begin(true);
  });
  log = h('ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t('try.log'), tabindex: '0' });
  choices = h('div', { class: 'choices', role: 'group', 'aria-label': t('try.choices') });
  status = h('p', { class: 'status', role: 'status' });
  input = h('textarea', { id: 'chat-input', rows: 2, maxlength: 1000, placeholder: t('try.placeholder') });
  const form = h('form', { class: 'composer' }, h('label', { for: 'chat-input', class: 'visually-hidden' }, t('try.input')), input, h('button', { type: 'submit', class: 'primary' }, t('try.send')));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    void send({ text }, text);
  });
  replace(
    app,
    h(
      'header',
      { class: 'top' },
      h('span', { class: 'brand' }, 'Reclaim'),
      h('div', { class: 'top-end' }, h('label', { for: 'language' }, t('try.language')), languageSelect, h('a', { href: '/staff' }, t('try.staff_link'))),
    ),
    h(
      'main',
      { class: 'layout' },
      h('section', { class: 'about' }, h('h1', {}, t('try.title')), h('p', {}, t('try.intro')), h('p', { class: 'muted' }, t('try.note')), h('p', { class: 'privacy' }, t('try.privacy'))),
      h(
        'section',
        { class: 'chat', 'aria-label': t('try.log') },
        log,
        choices,
        status,
        form,
        h('button', { type: 'button', class: 'restart', onclick: () => void begin(true) }, t('try.restart')),
      ),
    ),
  );
}

render();
void begin(false);
