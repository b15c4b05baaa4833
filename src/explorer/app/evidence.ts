// One piece of evidence as a reader meets it: its paragraph of the article, with the quote
// highlighted where the offsets put it. Offsets count Unicode code points, as the API's do.
import type { EvidenceData } from './api.js';
import { h } from './dom.js';

/** The paragraph cut around the quote; null when the offsets do not land on the quote. */
export function splitParagraph(e: EvidenceData): { before: string; quote: string; after: string } | null {
  const points = Array.from(e.paragraph.text);
  const from = e.start - e.paragraph.start;
  const to = e.end - e.paragraph.start;
  if (from < 0 || to > points.length || from >= to) return null;
  const quote = points.slice(from, to).join('');
  if (quote !== e.quote) return null;
  return { before: points.slice(0, from).join(''), quote, after: points.slice(to).join('') };
}

export function articleLine(a: EvidenceData['article']): string {
  return [a.title ?? `Article ${a.key}`, a.dateline, a.publishedOn].filter(Boolean).join(' · ');
}

export function evidenceBlock(e: EvidenceData, lang = 'id'): HTMLElement {
  const parts = splitParagraph(e);
  const where = `${articleLine(e.article)} · paragraph ${e.paragraph.index + 1} · characters ${e.start}–${e.end}`;
  return h(
    'figure',
    { class: 'evidence' },
    parts
      ? h('blockquote', { lang }, parts.before, h('mark', { class: 'quote' }, parts.quote), parts.after)
      : // Offsets that miss the paragraph are shown as such rather than highlighting the wrong words.
        h(
          'blockquote',
          { lang },
          h('mark', { class: 'quote' }, e.quote),
          h('span', { class: 'warn' }, ' (not found in its paragraph)'),
        ),
    h('figcaption', {}, where),
  );
}
