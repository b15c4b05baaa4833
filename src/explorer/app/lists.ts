// The lists beside the drawing: every node drawn, by category and name, and the shortest paths
// found, step by step. Each name is a button that opens the node.
import type { PathData } from './api.js';
import { byId, h } from './dom.js';
import type { DrawnNode } from './graph.js';
import type { Kind } from './panel.js';

export function renderNodeList(drawn: DrawnNode[], tapNode: (key: string) => void) {
  const nodes = drawn.sort((a, b) => a.category.localeCompare(b.category) || a.label.localeCompare(b.label));
  byId('node-count').textContent = String(nodes.length);
  byId('node-list').replaceChildren(
    ...nodes.map((n) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'link', 'data-key': n.key, onclick: () => tapNode(n.key) },
          n.label,
        ),
        h('span', { class: 'hit-type' }, n.category === 'Entity' ? n.type : n.category),
      ),
    ),
  );
}

/** The paths found between two labels, with a button that clears them. */
export function pathList(
  paths: PathData[],
  labels: { from: string; to: string },
  select: (key: string, kind: Kind) => void,
  clearPath: () => void,
): HTMLElement[] {
  return [
    h(
      'h2',
      {},
      `${paths.length} shortest path${paths.length === 1 ? '' : 's'} from ${labels.from} to ${labels.to} (${paths[0]?.length} hops)`,
    ),
    h(
      'ol',
      { class: 'paths' },
      paths.map((p) =>
        h(
          'li',
          {},
          p.nodes.flatMap((n, i) => {
            const step = p.steps[i - 1];
            const rel = step ? `${(step.role ?? step.relation).toLowerCase().replace(/_/g, ' ')}` : '';
            return [
              i ? h('span', { class: 'path-rel' }, step?.forward ? ` —${rel}→ ` : ` ←${rel}— `) : null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  'data-key': n.key,
                  onclick: () => select(n.key, n.category),
                },
                n.label,
              ),
            ];
          }),
        ),
      ),
    ),
    h('button', { type: 'button', onclick: clearPath }, 'Clear the path'),
  ];
}
