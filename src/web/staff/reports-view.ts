// Reports for supervisors: a period by day or week, charts drawn here, the numbers in tables, and the CSV export.

import type { Report } from '../../staff/reports';
import { h, replace } from '../shared/dom';
import { t } from '../shared/i18n';
import { api } from './api';
import { barChart, shareChart } from './charts';
import { errorText } from './conversation-view';
import { channelName, personLanguage } from './format';
import { personCountry } from './queue-view';

const NEEDS = ['urgent', 'under13', 'sextortion', 'human'] as const;

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** "4 min", "1 h 5 min": durations in seconds, read at a glance. */
function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('time.minutes', { count: minutes });
  return t('time.hours', { count: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** Builds the reports page. */
export function createReportsView(): HTMLElement {
  const from = h('input', { type: 'date', id: 'report-from', value: isoDay(Date.now() - 27 * 86_400_000), required: true });
  const to = h('input', { type: 'date', id: 'report-to', value: isoDay(Date.now()), required: true });
  const by = h('select', { id: 'report-by' }, h('option', { value: 'day' }, t('reports.by_day')), h('option', { value: 'week' }, t('reports.by_week')));
  const csv = h('a', { class: 'button', id: 'report-csv', download: '' }, t('reports.csv'));
  const message = h('p', { class: 'feedback', role: 'status' });
  const output = h('div', { class: 'report-output', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'report-form' },
    h('label', { for: 'report-from' }, t('reports.from')),
    from,
    h('label', { for: 'report-to' }, t('reports.to')),
    to,
    h('label', { for: 'report-by' }, t('reports.by')),
    by,
    h('button', { type: 'submit', class: 'primary' }, t('reports.show')),
    csv,
  );

  const query = () => `from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}&by=${by.value}`;

  async function load(): Promise<void> {
    csv.setAttribute('href', `/api/staff/reports/conversations.csv?${query()}`);
    try {
      const report = await api<Report>('GET', `/reports?${query()}`);
      message.textContent = '';
      message.className = 'feedback';
      draw(report);
    } catch (error) {
      message.textContent = errorText(error);
      message.className = 'feedback error';
    }
  }

  function draw(report: Report): void {
    const labels = report.buckets.map((b) => b.start.slice(5));
    const total = report.totals;
    const sum = (k: 'conversations' | 'cases') => String(total[k]);
    const conversations = barChart({
      title: t('reports.conversations_chart'),
      labels,
      series: [
        { name: t('reports.conversations'), values: report.buckets.map((b) => b.conversations), tone: 's1' },
        { name: t('reports.cases'), values: report.buckets.map((b) => b.cases), tone: 's2' },
        { name: t('reports.abandoned'), values: report.buckets.map((b) => b.abandoned), tone: 's3' },
      ],
      describe: t('reports.totals_text', { conversations: sum('conversations'), cases: sum('cases'), abandoned: String(total.abandoned) }),
    });
    const replies = barChart({
      title: t('reports.first_reply_chart'),
      labels: NEEDS.map((n) => t(`flag.${n}`)),
      series: [
        { name: t('reports.median'), values: NEEDS.map((n) => minutesOf(total.firstReplyByNeed[n]?.median ?? null)), tone: 's1' },
        { name: t('reports.p90'), values: NEEDS.map((n) => minutesOf(total.firstReplyByNeed[n]?.p90 ?? null)), tone: 's4' },
      ],
      describe: NEEDS.map((n) => `${t(`flag.${n}`)}: ${duration(total.firstReplyByNeed[n]?.median ?? null)} / ${duration(total.firstReplyByNeed[n]?.p90 ?? null)}`).join('; '),
      format: (n) => t('reports.minutes_short', { count: n }),
    });
    const outcomes = barChart({
      title: t('reports.outcomes_chart'),
      labels,
      series: [
        { name: t('reports.withdrawals'), values: report.buckets.map((b) => b.withdrawals), tone: 's3' },
        { name: t('reports.removed'), values: report.buckets.map((b) => b.removed), tone: 's2' },
        { name: t('reports.not_removed'), values: report.buckets.map((b) => b.notRemoved), tone: 's4' },
      ],
      describe: `${t('reports.withdrawals')}: ${total.withdrawals}; ${t('reports.removed')}: ${total.removed}; ${t('reports.not_removed')}: ${total.notRemoved}`,
    });
    const shares = (title: string, counts: Record<string, number>, name: (k: string) => string) =>
      shareChart({ title, entries: Object.entries(counts).map(([k, n]) => [name(k), n]), describe: Object.entries(counts).map(([k, n]) => `${name(k)}: ${n}`).join('; ') || '—' });
    const table = h(
      'table',
      { class: 'report-table' },
      h('caption', {}, t('reports.table')),
      h('thead', {}, h('tr', {}, ['start', 'conversations', 'cases', 'abandoned', 'first_reply', 'withdrawals', 'removed', 'not_removed'].map((k) => h('th', { scope: 'col' }, t(`reports.${k}`))))),
      h(
        'tbody',
        {},
        report.buckets.map((b) =>
          h('tr', {}, h('th', { scope: 'row' }, b.start), [b.conversations, b.cases, b.abandoned].map((n) => h('td', { class: 'num' }, n)), h('td', { class: 'num' }, duration(b.firstReply.median)), [b.withdrawals, b.removed, b.notRemoved].map((n) => h('td', { class: 'num' }, n))),
        ),
      ),
    );
    replace(
      output,
      h(
        'div',
        { class: 'chart-grid' },
        [
          [t('reports.conversations_chart'), conversations],
          [t('reports.first_reply_chart'), replies],
          [t('reports.outcomes_chart'), outcomes],
        ].map(([title, chart]) => h('figure', {}, h('figcaption', {}, title as string), chart as SVGSVGElement)),
      ),
      h(
        'div',
        { class: 'share-grid' },
        shares(t('reports.by_channel'), total.byChannel, channelName),
        shares(t('reports.by_language'), total.byLanguage, (k) => (k === 'unknown' ? t('reports.unknown') : personLanguage(k))),
        shares(t('reports.by_country'), total.byCountry, (k) => (k === 'unknown' || k === 'ZZ' ? t('reports.unknown') : personCountry(k) || k)),
      ),
      table,
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  void load();
  return h('section', { class: 'page reports', 'aria-labelledby': 'reports-title' }, h('h2', { id: 'reports-title', tabindex: '-1' }, t('reports.title')), h('p', { class: 'muted' }, t('reports.intro')), form, message, output);
}

function minutesOf(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}
