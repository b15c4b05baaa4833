// The legend: what the colours, shapes and borders of the drawing mean.
import { h } from './dom.js';
import { CLAIM_STATUSES, ENTITY_STYLE, EVENT_STYLE, STATUS_STYLE } from './graph.js';

export function renderLegend(container: HTMLElement) {
  container.replaceChildren(
    h('h2', { class: 'visually-hidden' }, 'Legend'),
    h(
      'ul',
      {},
      Object.entries(ENTITY_STYLE).map(([type, s]) =>
        h('li', {}, h('span', { class: `swatch shape-${s.shape}`, style: `background:${s.color}` }), type),
      ),
      h(
        'li',
        {},
        h('span', { class: `swatch shape-${EVENT_STYLE.shape}`, style: `background:${EVENT_STYLE.color}` }),
        'Event',
      ),
      CLAIM_STATUSES.map((status) => {
        const s = STATUS_STYLE[status];
        return h(
          'li',
          {},
          h('span', {
            class: 'swatch claim',
            style: `background:${s?.fill};border:${s?.line === 'double' ? 4 : 2}px ${s?.line} ${s?.border}`,
          }),
          `claim ${status.toLowerCase()}`,
        );
      }),
    ),
  );
}
