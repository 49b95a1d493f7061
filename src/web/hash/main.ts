// The hashing page: reads the handoff link, hashes chosen files in workers, sends only hashes, shows each outcome.

import './styles.css';
import { createFileCard, type FileCard } from './file-card';
import { readyHashes, totalsOf, type FileEntry } from './file-entry';
import { takeHandoffFragment } from './fragment';
import { hashEntry } from './hash-entry';
import { currentDevice } from './device';
import { createHasher } from './hasher';
import { createTranslator, pickLocale } from './i18n';
import { checkLink } from './link-check';
import { mediaKindOf } from './media-type';
import { findElements, renderPage, renderProgramme, type PageMode } from './page-view';
import { buildSubmissionBody, MAX_FILES } from './submission-body';
import { sendSubmission } from './submit';

const fragment = takeHandoffFragment(window.location, window.history);
// The token lives in this variable only: never in storage, the address bar or any other request.
let token = fragment.token;
const i18n = createTranslator(pickLocale([fragment.locale, ...navigator.languages]));
document.documentElement.lang = i18n.locale;
document.documentElement.dir = i18n.dir;
document.title = i18n.t('page.title');
const ui = findElements(i18n, currentDevice());

const hasher = createHasher();
const entries: FileEntry[] = [];
const cards = new Map<number, FileCard>();
let mode: PageMode = token === null ? 'no-link' : 'choosing';
let caseNumber = '';
// Said once on this page and kept nowhere: not in storage, not in the address bar.
let pin = '';
let lostConnectionWhileSending = false;
let previewsShown = false;
let nextId = 1;
// Videos are sampled one at a time: each needs a decoder on the page's thread.
let videoTurn: Promise<unknown> = Promise.resolve();

const render = () => renderPage(ui, { mode, totals: totalsOf(entries), previewsShown, caseNumber, pin }, i18n);
const canChange = () => mode === 'choosing' || mode === 'offline' || mode === 'server-error';

ui.pick.addEventListener('click', () => ui.input.click());
ui.addMore.addEventListener('click', () => ui.input.click());
ui.input.addEventListener('change', () => {
  addFiles([...(ui.input.files ?? [])]);
  // Cleared so that choosing the same file again still fires a change.
  ui.input.value = '';
});
ui.previews.addEventListener('click', () => {
  previewsShown = !previewsShown;
  render();
});
ui.send.addEventListener('click', () => void send());

function addFiles(files: File[]): void {
  if (!canChange()) return;
  const room = MAX_FILES - entries.length;
  ui.limit.hidden = files.length <= room;
  ui.limit.textContent = i18n.t('pick.limit', { max: MAX_FILES });
  for (const file of files.slice(0, Math.max(0, room))) {
    const media = mediaKindOf(file);
    // Anything but a photo or video is shown with a word of why, never read and never sent.
    const status: FileEntry['status'] = media === 'other' ? { kind: 'not-media' } : { kind: 'hashing', progress: 0 };
    const entry: FileEntry = { id: nextId++, file, media, status, abort: new AbortController() };
    const card = createFileCard(entry, i18n, () => removeEntry(entry));
    entries.push(entry);
    cards.set(entry.id, card);
    ui.list.append(card.element);
    if (media !== 'other') startHashing(entry, card);
  }
  mode = 'choosing';
  render();
}

function startHashing(entry: FileEntry, card: FileCard): void {
  const started = performance.now();
  const run = () =>
    hashEntry(entry, hasher, {
      onProgress(fraction) {
        if (entry.status.kind !== 'hashing') return;
        entry.status = { kind: 'hashing', progress: fraction };
        card.update(entry);
      },
      onFirstFrame: (image, width, height) => card.showFrame(image, width, height),
    });
  const done = entry.media === 'video' ? (videoTurn = videoTurn.then(run, run)) : run();
  void done.then((status) => {
    if (!cards.has(entry.id)) return;
    entry.status = status;
    // Read by the benchmark through the standard Performance API (with the worker's own split); nothing leaves the page.
    const detail = status.kind === 'ready' ? status.timings : undefined;
    performance.measure(`reclaim:hash:${entry.file.name}`, { start: started, end: performance.now(), detail });
    card.update(entry);
    render();
  });
}

function removeEntry(entry: FileEntry): void {
  const index = entries.indexOf(entry);
  if (index < 0 || !canChange()) return;
  entry.abort.abort();
  cards.get(entry.id)?.release();
  cards.get(entry.id)?.element.remove();
  cards.delete(entry.id);
  entries.splice(index, 1);
  ui.limit.hidden = true;
  render();
  // Focus goes to the neighbouring file, or back to the button that adds files.
  const neighbour = entries[Math.min(index, entries.length - 1)];
  (neighbour ? cards.get(neighbour.id)?.removeButton : ui.pick)?.focus();
}

function forgetFiles(): void {
  for (const entry of entries) {
    entry.abort.abort();
    cards.get(entry.id)?.release();
  }
  entries.length = 0;
  cards.clear();
  ui.list.replaceChildren();
  hasher.close();
}

async function send(): Promise<void> {
  const totals = totalsOf(entries);
  if (token === null || totals.hashing > 0 || totals.ready === 0 || !canChange()) return;
  mode = 'sending';
  render();
  const outcome = await sendSubmission(buildSubmissionBody(token, readyHashes(entries)));
  if (outcome.kind === 'created') {
    caseNumber = outcome.caseNumber;
    pin = outcome.pin ?? '';
    mode = 'done';
  } else if (outcome.kind === 'link-dead') {
    // After a dropped connection, "already used" most likely means the first attempt arrived.
    mode = lostConnectionWhileSending ? 'maybe-sent' : 'expired';
  } else if (outcome.kind === 'offline') {
    // Only a request that may have left the phone can have arrived; offline, it never started.
    if (navigator.onLine) lostConnectionWhileSending = true;
    mode = 'offline';
  } else {
    mode = 'server-error';
  }
  if (mode === 'done' || mode === 'expired' || mode === 'maybe-sent') {
    token = null;
    forgetFiles();
  }
  render();
}

/**
 * Asks once, on arrival, whether the link still works, so a used or expired link is said at
 * once rather than after every file has been fingerprinted. The page stays usable meanwhile; on
 * no clear answer it carries on, and Send decides as before.
 */
async function checkOnArrival(link: string): Promise<void> {
  document.documentElement.dataset.link = 'checking';
  const state = await checkLink(link);
  document.documentElement.dataset.link = 'checked';
  if (state !== 'dead' || token !== link || !canChange()) return;
  token = null;
  forgetFiles();
  mode = 'link-dead';
  render();
}

/** The platforms taking part, asked once; the limits are shown meanwhile and whatever the answer. */
async function showProgramme(): Promise<void> {
  renderProgramme(ui, null, i18n);
  try {
    const response = await fetch('/api/platforms', { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(10_000) });
    const answer = (await response.json()) as { platforms?: unknown };
    if (response.ok && Array.isArray(answer.platforms)) renderProgramme(ui, answer.platforms.filter((p): p is string => typeof p === 'string'), i18n);
  } catch {
    // Offline or refused: the limits still stand on the page.
  }
}

render();
void showProgramme();
// The person reads the page before choosing files: time enough to start the workers.
if (mode === 'choosing') hasher.warm();
if (token !== null) void checkOnArrival(token);
