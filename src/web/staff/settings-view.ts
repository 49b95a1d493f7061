// The helpline's settings for admins: operating hours (shifts per weekday, holidays, time zone), retention, the waiting alert.

import type { Settings } from '../../staff/settings';
import { h, replace } from '../shared/dom';
import { t } from '../shared/i18n';
import { api, ApiError } from './api';
import { errorText } from './conversation-view';

const DAYS = [1, 2, 3, 4, 5, 6, 0];

/** "08:00-12:00, 13:00-20:00" for a weekday's shifts. */
function shiftsText(settings: Settings, day: number): string {
  return (settings.hours?.shifts ?? []).filter((s) => s.day === day).map((s) => `${s.start}-${s.end}`).join(', ');
}

/** Builds the settings page; each form saves on its own and says what the server said. */
export function createSettingsView(): HTMLElement {
  const body = h('div', {}, h('p', {}, t('app.loading')));
  api<{ settings: Settings }>('GET', '/settings').then(
    ({ settings }) => replace(body, hoursForm(settings), retentionForm(settings), waitingForm(settings)),
    (error) => replace(body, h('p', { class: 'feedback error' }, errorText(error))),
  );
  return h('section', { class: 'page settings', 'aria-labelledby': 'settings-title' }, h('h2', { id: 'settings-title', tabindex: '-1' }, t('settings.title')), body);
}

async function save(key: string, value: unknown, feedback: HTMLElement): Promise<void> {
  try {
    await api('PUT', `/settings/${key}`, { value });
    feedback.textContent = t('settings.saved');
    feedback.className = 'feedback';
  } catch (error) {
    // The server names the field that is wrong; it is shown as it is (a field name and what it takes).
    feedback.textContent = error instanceof ApiError && error.status === 400 && error.detail ? `${errorText(error)} (${error.detail})` : errorText(error);
    feedback.className = 'feedback error';
  }
}

function hoursForm(settings: Settings): HTMLFormElement {
  const always = h('input', { type: 'checkbox', id: 'hours-always', checked: settings.hours === null });
  const zone = h('input', { type: 'text', id: 'hours-zone', value: settings.hours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, autocomplete: 'off' });
  const names = new Intl.DateTimeFormat(document.documentElement.lang || 'en', { weekday: 'long', timeZone: 'UTC' });
  const dayInputs = DAYS.map((day) => {
    const input = h('input', { type: 'text', id: `hours-day-${day}`, value: shiftsText(settings, day), autocomplete: 'off' });
    // 4 January 1970 was a Sunday.
    return { day, input, label: h('label', { for: `hours-day-${day}` }, names.format(Date.UTC(1970, 0, 4 + day))) };
  });
  const holidays = h('textarea', { id: 'hours-holidays', rows: 3 }, (settings.hours?.holidays ?? []).join('\n'));
  const feedback = h('p', { class: 'feedback', role: 'status' });
  const form = h(
    'form',
    { class: 'settings-form', id: 'hours-form' },
    h('h3', {}, t('settings.hours')),
    h('p', { class: 'muted' }, t('settings.hours_intro')),
    h('label', { class: 'inline', for: 'hours-always' }, always, t('settings.always_open')),
    h('label', { for: 'hours-zone' }, t('settings.time_zone')),
    zone,
    h('div', { class: 'days' }, dayInputs.flatMap((d) => [d.label, d.input])),
    h('label', { for: 'hours-holidays' }, t('settings.holidays')),
    holidays,
    h('button', { type: 'submit', class: 'primary' }, t('settings.save')),
    feedback,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (always.checked) return void save('hours', null, feedback);
    const shifts = dayInputs.flatMap(({ day, input }) =>
      input.value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const [start = '', end = ''] = part.split('-').map((x) => x.trim());
          return { day, start, end };
        }),
    );
    const dates = holidays.value.split(/\s+/).filter(Boolean);
    void save('hours', { timeZone: zone.value.trim(), shifts, holidays: dates }, feedback);
  });
  return form;
}

function numberField(id: string, label: string, value: number, min: number, max: number) {
  const input = h('input', { type: 'number', id, value, min, max, step: 1, required: true });
  return { input, nodes: [h('label', { for: id }, label), input] };
}

function retentionForm(settings: Settings): HTMLFormElement {
  const r = settings.retention;
  const fields = {
    transcriptDays: numberField('keep-transcript', t('settings.keep_transcript'), r.transcriptDays, 1, 3650),
    notesDays: numberField('keep-notes', t('settings.keep_notes'), r.notesDays, 1, 3650),
    auditDays: numberField('keep-audit', t('settings.keep_audit'), r.auditDays, 90, 3650),
    closedCaseLinkDays: numberField('keep-links', t('settings.keep_links'), r.closedCaseLinkDays, 1, 3650),
  };
  const feedback = h('p', { class: 'feedback', role: 'status' });
  const form = h('form', { class: 'settings-form', id: 'retention-form' }, h('h3', {}, t('settings.retention')), h('p', { class: 'muted' }, t('settings.retention_intro')), Object.values(fields).flatMap((f) => f.nodes), h('button', { type: 'submit', class: 'primary' }, t('settings.save')), feedback);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save('retention', Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, Number(f.input.value)])), feedback);
  });
  return form;
}

function waitingForm(settings: Settings): HTMLFormElement {
  const field = numberField('alert-after', t('settings.alert_after'), settings.waiting.alertAfterMinutes, 1, 240);
  const feedback = h('p', { class: 'feedback', role: 'status' });
  const form = h('form', { class: 'settings-form', id: 'waiting-form' }, h('h3', {}, t('settings.waiting')), field.nodes, h('button', { type: 'submit', class: 'primary' }, t('settings.save')), feedback);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save('waiting', { alertAfterMinutes: Number(field.input.value) }, feedback);
  });
  return form;
}
