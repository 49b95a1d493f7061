// One file's card in the list: a local thumbnail, name and size, a progress bar or a state line, and Remove.

import type { FileEntry, FileNote } from './file-entry';
import type { PageTranslator } from './i18n';

/** A rendered card; `update` redraws it from the entry, `release` frees its object URL. */
export interface FileCard {
  element: HTMLLIElement;
  removeButton: HTMLButtonElement;
  update(entry: FileEntry): void;
  /** Draws a video's first frame as its thumbnail. */
  showFrame(image: CanvasImageSource, width: number, height: number): void;
  release(): void;
}

const NOTE_KEYS: Record<FileNote, string> = {
  'low-quality': 'file.low_quality',
  unreadable: 'file.unreadable',
  'video-long': 'file.video_long',
  'video-undecodable': 'file.video_undecodable',
};

/** Builds the card for `entry`. Text goes in through textContent only: file names are never parsed as HTML. */
export function createFileCard(entry: FileEntry, i18n: PageTranslator, onRemove: () => void): FileCard {
  const element = el('li', 'file');
  const thumb = el('div', 'thumb');
  thumb.setAttribute('aria-hidden', 'true');
  let objectUrl: string | null = null;
  let canvas: HTMLCanvasElement | null = null;
  if (entry.media === 'image') {
    // The thumbnail is the file itself, shown from memory: an object URL never leaves the device.
    objectUrl = URL.createObjectURL(entry.file);
    const img = el('img');
    img.alt = '';
    img.decoding = 'async';
    img.addEventListener('error', () => thumb.classList.add('broken'), { once: true });
    img.src = objectUrl;
    thumb.append(img);
  } else if (entry.media === 'other') {
    thumb.classList.add('other');
  } else {
    thumb.classList.add('video');
    canvas = el('canvas');
    thumb.append(canvas);
  }

  const info = el('div', 'info');
  // dir=auto: a Latin file name inside a right-to-left page keeps its own order and its ellipsis at the end.
  const name = el('p', 'name', entry.file.name || '—');
  name.dir = 'auto';
  const size = el('p', 'size', formatSize(entry.file.size, i18n.locale));
  size.dir = 'auto';
  const progress = el('progress');
  progress.max = 1;
  progress.setAttribute('aria-label', i18n.t('file.hashing'));
  const state = el('p', 'state');
  info.append(name, size, progress, state);

  // A compact ✕ leaves the file name room on a narrow phone; the accessible name says what it removes.
  const removeButton = el('button', 'button remove', '✕');
  removeButton.type = 'button';
  removeButton.title = i18n.t('list.remove');
  removeButton.setAttribute('aria-label', i18n.t('list.remove_label', { name: entry.file.name }));
  removeButton.addEventListener('click', onRemove);

  // Notes run under the whole card, so a long sentence is not squeezed beside the thumbnail.
  const note = el('p', 'note');
  note.hidden = true;

  element.append(thumb, info, removeButton, note);

  const update = (current: FileEntry) => {
    const status = current.status;
    element.dataset.state = status.kind === 'ready' && status.note !== null ? (status.note === 'low-quality' ? 'low' : 'exact') : status.kind;
    progress.hidden = status.kind !== 'hashing';
    state.hidden = status.kind === 'failed' || status.kind === 'not-media';
    if (status.kind === 'hashing') {
      progress.value = status.progress;
      state.textContent = i18n.t('file.hashing');
    } else if (status.kind === 'ready') {
      state.textContent = i18n.t('file.ready');
    }
    const noteKey =
      status.kind === 'failed' ? 'file.failed' : status.kind === 'not-media' ? 'file.not_media' : status.kind === 'ready' && status.note !== null ? NOTE_KEYS[status.note] : null;
    note.hidden = noteKey === null;
    note.textContent = noteKey === null ? '' : i18n.t(noteKey);
  };
  update(entry);

  return {
    element,
    removeButton,
    update,
    showFrame(image, width, height) {
      if (canvas === null || width === 0 || height === 0) return;
      // A small copy: the thumbnail box is 3.5rem, at most 3x device pixels.
      const scale = Math.min(1, 192 / Math.max(width, height));
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
      thumb.classList.add('has-frame');
    },
    release() {
      if (objectUrl !== null) URL.revokeObjectURL(objectUrl);
      objectUrl = null;
    },
  };
}

function formatSize(bytes: number, locale: string): string {
  const megabytes = bytes / 1e6;
  const [unit, value] = megabytes >= 1 ? (['megabyte', megabytes] as const) : (['kilobyte', Math.max(1, bytes / 1e3)] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
