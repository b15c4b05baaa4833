// The explorer page: search, the drawing, the side panel, the path finder and the timeline, with
// the view kept in the URL (state.ts) so a link reopens it. This file wires them together: what a
// click, a search or a link does, and which answers it fetches.
import {
  CLAIM_QUERY,
  type ClaimData,
  ENTITY_QUERY,
  type EntityData,
  EVENT_QUERY,
  type EventData,
  gql,
  NEIGHBORHOOD,
  type NeighborhoodData,
  PATHS,
  type PathData,
} from './api.js';
import { byId, h } from './dom.js';
import { evidenceBlock } from './evidence.js';
import { GraphView } from './graph.js';
import { renderLegend } from './legend.js';
import { pathList, renderNodeList } from './lists.js';
import { claimView, entityView, eventView, type Kind, type Nav } from './panel.js';
import { searchBox } from './search.js';
import { DEPTHS, LIMITS, readUrl, writeUrl } from './state.js';
import { say, task } from './status.js';
import { renderTimeline } from './timeline.js';

const state = readUrl();
const graph = new GraphView(byId('graph'));
const details = byId('details');
const cut = byId('cut');
let truncated = false;

function showCut() {
  cut.hidden = !truncated;
  cut.textContent = truncated
    ? `The graph was cut: at most ${state.limit} nodes are drawn for each neighbourhood (depth ${state.depth} around the focus, 1 around an expanded node). Raise the limit or focus on a nearer entity to see the rest.`
    : '';
}

async function loadNeighborhood(key: string, depth: number): Promise<string[]> {
  const data = await gql<{ neighborhood: NeighborhoodData }>(NEIGHBORHOOD, {
    key,
    depth,
    first: state.limit,
  });
  truncated ||= data.neighborhood.truncated;
  return graph.merge(data.neighborhood.nodes, data.neighborhood.edges);
}

async function redraw(randomize: boolean) {
  graph.markFocus(state.focus);
  graph.markSelected(state.select?.key ?? null);
  await graph.layout(randomize);
  graph.cy.fit(undefined, 30);
  renderNodeList(graph.nodes(), tapNode);
  showCut();
}

async function showDetails(key: string, kind: Kind) {
  const view = await task('Loading the details', async () => {
    if (kind === 'Entity') {
      const { entity } = await gql<{ entity: EntityData | null }>(ENTITY_QUERY, { key });
      return entity ? entityView(nav, entity, key === state.focus) : null;
    }
    if (kind === 'Claim') {
      const { claim } = await gql<{ claim: ClaimData | null }>(CLAIM_QUERY, { key });
      return claim ? claimView(nav, claim) : null;
    }
    const { event } = await gql<{ event: EventData | null }>(EVENT_QUERY, { key });
    return event ? eventView(nav, event) : null;
  });
  if (view === undefined) return;
  details.replaceChildren(view ?? h('p', { class: 'error' }, `Nothing has the key ${key}.`));
  details.scrollTop = 0;
}

function select(key: string, kind: Kind) {
  state.select = { key, kind };
  graph.markSelected(key);
  writeUrl(state, false);
  void showDetails(key, kind);
}

async function expand(key: string) {
  await task('Expanding', async () => {
    const fresh = await loadNeighborhood(key, 1);
    if (!state.expanded.includes(key) && key !== state.focus) state.expanded.push(key);
    writeUrl(state, false);
    await redraw(false);
    say(`${graph.node(key)?.label ?? key}: ${fresh.length} more node${fresh.length === 1 ? '' : 's'} drawn.`);
  });
}

function tapNode(key: string) {
  const node = graph.node(key);
  if (!node) return;
  const kind = node.category as Kind;
  select(key, kind);
  if (kind === 'Entity') void expand(key);
}

async function focus(key: string, push = true) {
  state.focus = key;
  state.expanded = [];
  state.pathTo = null;
  state.select = { key, kind: 'Entity' };
  writeUrl(state, push);
  await rebuild();
}

async function findPath(to: string) {
  const from = state.focus;
  if (!from) return;
  await task('Finding paths', async () => {
    const { paths } = await gql<{ paths: PathData[] }>(PATHS, { from, to });
    state.pathTo = to;
    writeUrl(state, false);
    const result = byId('path-result');
    const fromLabel = graph.node(from)?.label ?? from;
    if (paths.length === 0) {
      graph.markPath([], []);
      result.replaceChildren(h('p', {}, `No connection from ${fromLabel} to ${to} within 4 hops.`));
      result.hidden = false;
      return;
    }
    for (const p of paths) graph.merge(p.nodes, p.edges);
    await redraw(false);
    const keys = [...new Set(paths.flatMap((p) => p.nodes.map((n) => n.key)))];
    graph.markPath(
      keys,
      paths.flatMap((p) => p.steps.map((s) => [s.from.key, s.to.key] as [string, string])),
    );
    const labelOf = new Map(paths.flatMap((p) => p.nodes.map((n) => [n.key, n] as const)));
    const toLabel = labelOf.get(to)?.label ?? to;
    result.replaceChildren(...pathList(paths, { from: fromLabel, to: toLabel }, select, clearPath));
    result.hidden = false;
    say(`Paths to ${toLabel} drawn in red.`);
  });
}

function clearPath() {
  state.pathTo = null;
  graph.markPath([], []);
  byId('path-result').hidden = true;
  writeUrl(state, false);
}

async function rebuild() {
  graph.clear();
  truncated = false;
  byId('path-result').hidden = true;
  const focusKey = state.focus;
  if (!focusKey) {
    details.replaceChildren(
      h(
        'p',
        { class: 'hint' },
        'Search for a person, organization, country or place by any of its names, in English or Indonesian.',
      ),
    );
    return;
  }
  await task('Loading the graph', async () => {
    await loadNeighborhood(focusKey, state.depth);
    for (const key of state.expanded) await loadNeighborhood(key, 1);
    await redraw(true);
    const label = graph.node(focusKey)?.label ?? focusKey;
    // The boxes show the view as it now is, also when it came from a link or a double-click.
    byId<HTMLInputElement>('search').value = label;
    if (!state.pathTo) byId<HTMLInputElement>('path-to').value = '';
    say(
      `${graph.cy.nodes().length} nodes around ${label} (depth ${state.depth}). Click a node to expand it, double-click to focus on it.`,
    );
    byId<HTMLInputElement>('path-to').placeholder = `Path from ${label} to…`;
    await renderTimeline(byId('timeline'), focusKey, label, select);
  });
  if (state.select) void showDetails(state.select.key, state.select.kind);
  if (state.pathTo) await findPath(state.pathTo);
}

const nav: Nav = {
  open: select,
  focus: (key) => void focus(key),
  expand: (key) => void expand(key),
  evidence: async (key) => {
    const { claim } = await gql<{ claim: ClaimData | null }>(CLAIM_QUERY, { key });
    if (!claim) return [h('p', { class: 'error' }, `Nothing has the key ${key}.`)];
    const spans = [...claim.evidence, ...claim.attributedTo.flatMap((a) => a.evidence)];
    return spans.length
      ? spans.map((e) => evidenceBlock(e))
      : [h('p', { class: 'meta' }, 'No evidence recorded.')];
  },
};

graph.cy.on('tap', 'node', (e) => tapNode(e.target.id()));
graph.cy.on('dbltap', 'node', (e) => {
  if (e.target.data('category') === 'Entity') void focus(e.target.id());
});

searchBox(
  byId<HTMLInputElement>('search'),
  byId('search-results'),
  (hit) => void focus(hit.node.key),
  (m) => say(m, true),
);
searchBox(
  byId<HTMLInputElement>('path-to'),
  byId('path-results'),
  (hit) => void findPath(hit.node.key),
  (m) => say(m, true),
);

for (const [id, values, key] of [
  ['depth', DEPTHS, 'depth'],
  ['limit', LIMITS, 'limit'],
] as const) {
  const el = byId<HTMLSelectElement>(id);
  el.replaceChildren(...values.map((v) => h('option', { value: String(v) }, String(v))));
  el.value = String(state[key]);
  el.addEventListener('change', () => {
    state[key] = Number(el.value);
    writeUrl(state, false);
    void rebuild();
  });
}

document.addEventListener('keydown', (e) => {
  const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
  if (e.key === '/' && !typing) {
    e.preventDefault();
    byId('search').focus();
  }
});
window.addEventListener('popstate', () => {
  Object.assign(state, readUrl());
  void rebuild();
});

renderLegend(byId('legend'));
// For automation: bring a node into view and tell where it is drawn, so a test can click it as a
// person would after panning to it.
Object.assign(window, {
  newsGraphExplorer: {
    position: (key: string) => graph.reveal(key),
    nodes: () => graph.nodes(),
    pathEdges: () => graph.cy.edges('.on-path').length,
  },
});
document.body.dataset.busy = 'false';
void rebuild();
