// Draws the hashing page from its state: the file area, the send button and its problems, or one full-page message.

import { richText } from '../shared/rich-text';
import type { DeviceKind } from './device';
import type { FileTotals } from './file-entry';
import type { PageTranslator } from './i18n';
import { MAX_FILES } from './submission-body';

/**
 * What the page shows. The first four keep the file list; the rest replace it with one message.
 * `expired` comes from Send; `link-dead` from the check made on arrival, before any file was chosen.
 */
export type PageMode = 'choosing' | 'sending' | 'offline' | 'server-error' | 'done' | 'expired' | 'maybe-sent' | 'no-link' | 'link-dead';

/** Everything the view needs to draw. */
export interface PageState {
  mode: PageMode;
  totals: FileTotals;
  previewsShown: boolean;
  caseNumber: string;
  /** Shown once, with the case number, when the server gave one. */
  pin: string;
}

/** The page's fixed elements (from hash.html), translated once. */
export type PageElements = ReturnType<typeof findElements>;

/**
 * Finds the elements of hash.html and fills every `data-i18n` text: `data-device` takes the
 * wording for this device (`intro.body_computer`; the phone's is the plain key), `data-rich`
 * keeps keywords whole and makes numbers dialable.
 */
export function findElements(i18n: PageTranslator, device: DeviceKind) {
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n ?? '';
    const text = node.hasAttribute('data-device') && device !== 'phone' ? i18n.t(`${key}_${device}`) : i18n.t(key);
    if (node.hasAttribute('data-rich')) node.replaceChildren(...richText(text));
    else node.textContent = text;
  }
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  return {
    choose: byId('choose'),
    input: byId<HTMLInputElement>('file-input'),
    pick: byId<HTMLButtonElement>('pick'),
    files: byId('files'),
    previews: byId<HTMLButtonElement>('previews'),
    list: byId<HTMLUListElement>('file-list'),
    limit: byId('limit'),
    addMore: byId<HTMLButtonElement>('add-more'),
    problem: byId('problem'),
    problemHeading: byId('problem-heading'),
    problemBody: byId('problem-body'),
    status: byId('status'),
    send: byId<HTMLButtonElement>('send'),
    sendHint: byId('send-hint'),
    result: byId('result'),
    resultIcon: byId('result-icon'),
    resultHeading: byId('result-heading'),
    case: byId('case'),
    caseNumber: byId('case-number'),
    pin: byId('pin'),
    pinValue: byId('pin-value'),
    pinNote: byId('pin-note'),
    programmePlatforms: byId('programme-platforms'),
    programmeLimits: byId<HTMLUListElement>('programme-limits'),
    resultBody: byId('result-body'),
  };
}

/** True for the modes that replace the file area with one message. */
export function isFinal(mode: PageMode): boolean {
  return mode === 'done' || mode === 'expired' || mode === 'maybe-sent' || mode === 'no-link' || mode === 'link-dead';
}

/** Brings the page in line with `state`. Idempotent: call it after every change. */
export function renderPage(ui: PageElements, state: PageState, { t }: PageTranslator): void {
  const { mode, totals } = state;
  ui.choose.hidden = isFinal(mode);
  ui.result.hidden = !isFinal(mode);
  if (isFinal(mode)) {
    renderResult(ui, state, t);
    return;
  }
  ui.files.hidden = totals.total === 0;
  // Nothing can be added or removed while the hashes are on their way.
  ui.files.inert = mode === 'sending';
  ui.pick.hidden = totals.total > 0;
  ui.addMore.hidden = totals.total >= MAX_FILES;
  ui.list.classList.toggle('revealed', state.previewsShown);
  ui.previews.setAttribute('aria-pressed', String(state.previewsShown));
  ui.previews.textContent = t(state.previewsShown ? 'list.hide' : 'list.show');

  const working = t('status.working', { done: totals.total - totals.hashing, total: totals.total });
  setText(ui.status, totals.total === 0 ? '' : totals.hashing > 0 ? working : t('status.ready', { count: totals.ready }));
  ui.send.hidden = totals.total === 0;
  ui.send.disabled = mode === 'sending' || totals.hashing > 0 || totals.ready === 0;
  ui.send.textContent = t(mode === 'sending' ? 'send.sending' : mode === 'offline' || mode === 'server-error' ? 'send.retry' : 'send.button');
  ui.send.setAttribute('aria-busy', String(mode === 'sending'));
  // Only files that are not photos or videos: say what would make Send work.
  const nothingToSend = totals.total > 0 && totals.hashing === 0 && totals.ready === 0;
  setText(ui.sendHint, totals.hashing > 0 ? t('send.wait') : nothingToSend ? t('send.nothing') : '');

  const problem = mode === 'offline' ? 'offline' : mode === 'server-error' ? 'server' : null;
  ui.problem.hidden = problem === null;
  if (problem !== null) {
    setText(ui.problemHeading, t(`${problem}.heading`));
    if (ui.problemBody.textContent !== t(`${problem}.body`)) ui.problemBody.replaceChildren(...richText(t(`${problem}.body`)));
  }
}

/**
 * Who takes part and what the programme can and cannot do, said before any file is chosen.
 * `platforms` is null until the server answered (or when it could not): then only the limits show.
 */
export function renderProgramme(ui: PageElements, platforms: string[] | null, { t, locale }: PageTranslator): void {
  ui.programmePlatforms.hidden = platforms === null;
  if (platforms !== null) {
    ui.programmePlatforms.textContent = platforms.length === 0 ? t('programme.none') : t('programme.platforms', { platforms: listOf(platforms, locale) });
  }
  ui.programmeLimits.replaceChildren(
    ...t('programme.limits')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        const item = document.createElement('li');
        item.textContent = line.replace(/^[•\-]\s*/, '');
        return item;
      }),
  );
}

function listOf(names: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

function renderResult(ui: PageElements, { mode, caseNumber, pin }: PageState, t: PageTranslator['t']): void {
  const key = mode === 'done' ? 'done' : mode === 'maybe-sent' ? 'maybe_sent' : mode === 'no-link' ? 'nolink' : mode === 'link-dead' ? 'dead' : 'expired';
  if (ui.result.dataset.kind === mode) return;
  ui.result.dataset.kind = mode;
  ui.resultIcon.dataset.kind = mode === 'done' ? 'done' : 'attention';
  ui.resultHeading.textContent = t(`${key}.heading`);
  ui.case.hidden = mode !== 'done';
  ui.caseNumber.textContent = caseNumber;
  ui.pin.hidden = mode !== 'done' || !pin;
  ui.pinValue.textContent = pin ? `${pin.slice(0, 4)} ${pin.slice(4)}` : '';
  ui.pinNote.replaceChildren(...richText(t('done.pin_note', { url: `${window.location.origin}/case` })));
  const paragraphs = mode === 'done' ? ['done.chat', 'done.close', 'done.more'] : [`${key}.body`];
  ui.resultBody.replaceChildren(
    ...paragraphs.map((k) => {
      const paragraph = document.createElement('p');
      paragraph.append(...richText(t(k)));
      return paragraph;
    }),
  );
  // After a tap, moving focus makes screen readers read the new state at once; on arrival they read the page anyway.
  if (mode !== 'no-link' && mode !== 'link-dead') ui.resultHeading.focus();
}

/** Writes text only when it changed, so the live region does not repeat itself. */
function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
