// Status messages: the person's cases with each platform's latest report, and case news told together.

import type { CaseSummary, NewsItem } from '../core/engine-store';
import type { RenderedMessage } from '../core/messages';
import type { Translator } from './i18n';

/** The answer to `status`, from the cases read in one query. */
export function composeStatus(cases: CaseSummary[], locale: string | null, translator: Translator): RenderedMessage {
  if (cases.length === 0) return translator.render({ key: 'status.none', choices: ['human'] }, locale);
  const lines: string[] = [];
  for (const c of cases) {
    lines.push(
      translator.t(locale, 'status.case', {
        caseNumber: c.caseNumber,
        date: formatDate(c.createdAt, locale),
        state: translator.t(locale, `status.state_${c.status}`),
      }),
    );
    for (const f of c.feedback) {
      const key = f.status === 'pending_review' ? 'status.matched' : `status.${f.status}`;
      lines.push('  • ' + translator.t(locale, key, { caseNumber: c.caseNumber, platform: f.platform, date: formatDate(f.at, locale) }));
    }
  }
  const rendered = translator.render({ key: 'status.header', choices: ['handoff:new_link', 'human'] }, locale);
  return { ...rendered, text: [rendered.text, ...lines].join('\n') };
}

/** Case news gathered by the digest timer, as the lines of one message. */
export function composeNews(news: NewsItem[], locale: string | null, translator: Translator): string {
  return news.map((n) => '• ' + translator.t(locale, n.key, { ...n.params, date: formatDate(n.at, locale) })).join('\n');
}

export function formatDate(at: number, locale: string | null): string {
  return new Intl.DateTimeFormat(locale ?? 'en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}
