// The focused entity's timeline: events and claims in time order, each marked by how precise its
// date is (a day is a filled dot, a month a half-filled bar, a year a hollow ring).
import { gql, TIMELINE, type TimelineEntryData } from './api.js';
import { formatDate, h, short } from './dom.js';
import type { Kind } from './panel.js';
import { statusBadge } from './panel.js';

const PRECISION_NOTE: Record<string, string> = {
  DAY: 'dated to the day',
  MONTH: 'dated to the month only',
  YEAR: 'dated to the year only',
};

export async function renderTimeline(
  container: HTMLElement,
  entity: string,
  label: string,
  open: (key: string, kind: Kind) => void,
): Promise<void> {
  const data = await gql<{ timeline: { totalCount: number; edges: { node: TimelineEntryData }[] } }>(
    TIMELINE,
    { entity },
  );
  const entries = data.timeline.edges.map((e) => e.node);
  container.replaceChildren(
    h('h2', { class: 'timeline-title' }, `Timeline of ${label} (${data.timeline.totalCount})`),
    entries.length === 0
      ? h('p', { class: 'meta' }, 'Nothing dated.')
      : h(
          'ol',
          { class: 'timeline-items' },
          entries.map((t) => {
            const precision = t.date?.precision ?? 'NONE';
            const kind: Kind = t.item.__typename === 'Event' ? 'Event' : 'Claim';
            const text = t.item.label ?? t.item.summary ?? t.item.key;
            const when = t.date ? formatDate(t.date) : `undated (reported ${t.sortDate})`;
            return h(
              'li',
              {
                class: `tl precision-${precision.toLowerCase()} tl-${kind.toLowerCase()}`,
                'data-precision': precision,
              },
              h(
                'button',
                {
                  type: 'button',
                  'data-key': t.item.key,
                  title: `${text}\n${when}${t.date ? ` — ${PRECISION_NOTE[precision]}` : ''}${t.date?.original ? ` (“${t.date.original}”)` : ''}`,
                  onclick: () => open(t.item.key, kind),
                },
                h('span', { class: 'tl-marker', 'aria-hidden': 'true' }),
                h('span', { class: 'tl-date' }, when),
                h(
                  'span',
                  { class: 'tl-label' },
                  t.item.status ? statusBadge(t.item.status) : null,
                  ' ',
                  short(text, 60),
                ),
              ),
            );
          }),
        ),
  );
}
