// The drawing: Cytoscape.js with the fCoSE layout. Nodes are keyed by their stable key, so the
// neighbourhoods of several entities merge into one drawing; edges are matched to nodes only
// through GraphEdge.source/target == GraphNode.id within the answer that brought them.
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphEdgeData, GraphNodeData } from './api.js';
import { short } from './dom.js';

cytoscape.use(fcose);

/** What the legend explains: entity types by colour and shape, claims by status. */
export const ENTITY_STYLE: Record<string, { color: string; shape: string }> = {
  Person: { color: '#4e79a7', shape: 'ellipse' },
  Organization: { color: '#9c5fb5', shape: 'round-rectangle' },
  Country: { color: '#3f8f3a', shape: 'hexagon' },
  Location: { color: '#2a9d96', shape: 'diamond' },
  Group: { color: '#d9822b', shape: 'round-octagon' },
  Item: { color: '#8a817c', shape: 'rectangle' },
};
export const EVENT_STYLE = { color: '#c9a227', shape: 'round-tag' };
export const CLAIM_STATUSES = ['ASSERTED', 'ALLEGED', 'EXPECTED', 'DENIED', 'CONFIRMED'] as const;
export const STATUS_STYLE: Record<string, { border: string; fill: string; line: string }> = {
  ASSERTED: { border: '#333333', fill: '#ececec', line: 'solid' },
  ALLEGED: { border: '#c25e00', fill: '#fff0de', line: 'dashed' },
  EXPECTED: { border: '#2b6cb0', fill: '#e4eefa', line: 'dotted' },
  DENIED: { border: '#c53030', fill: '#fde4e4', line: 'solid' },
  CONFIRMED: { border: '#2f7a4d', fill: '#e2f4e8', line: 'double' },
};

const style: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(short)',
      'font-size': 10,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'wrap',
      'text-max-width': '110px',
      color: '#222',
      'text-outline-color': '#fff',
      'text-outline-width': 2,
      width: 26,
      height: 26,
      'border-width': 1,
      'border-color': '#fff',
    },
  },
  ...Object.entries(ENTITY_STYLE).map(([type, s]) => ({
    selector: `node[category = "Entity"][type = "${type}"]`,
    style: { 'background-color': s.color, shape: s.shape as never },
  })),
  {
    selector: 'node[category = "Event"]',
    style: {
      'background-color': EVENT_STYLE.color,
      shape: EVENT_STYLE.shape as never,
      width: 24,
      height: 20,
    },
  },
  {
    selector: 'node[category = "Claim"]',
    style: { shape: 'round-rectangle', width: 34, height: 18, 'border-width': 3, 'font-size': 9 },
  },
  ...Object.entries(STATUS_STYLE).map(([status, s]) => ({
    selector: `node[category = "Claim"][status = "${status}"]`,
    style: {
      'background-color': s.fill,
      'border-color': s.border,
      'border-style': s.line as never,
      'border-width': s.line === 'double' ? 5 : 3,
    },
  })),
  { selector: 'node.focus', style: { width: 40, height: 40, 'font-size': 12, 'font-weight': 'bold' } },
  {
    selector: 'node:selected, node.selected',
    style: { 'overlay-color': '#e15759', 'overlay-opacity': 0.25, 'overlay-padding': 6 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#a0a7b1',
      'target-arrow-color': '#a0a7b1',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.7,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 7,
      color: '#555',
      'text-rotation': 'autorotate',
      'text-background-color': '#fff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  {
    selector: 'edge.on-path',
    style: { width: 4, 'line-color': '#e15759', 'target-arrow-color': '#e15759', 'z-index': 10 },
  },
  { selector: 'node.on-path', style: { 'border-color': '#e15759', 'border-width': 4 } },
];

export interface DrawnNode {
  key: string;
  label: string;
  category: string;
  type: string;
  status: string | null;
}

export class GraphView {
  readonly cy: Core;

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      style,
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
    });
  }

  clear() {
    this.cy.elements().remove();
  }

  /** Adds an answer's nodes and edges; returns the keys of nodes that were not drawn before. */
  merge(nodes: GraphNodeData[], edges: GraphEdgeData[]): string[] {
    const keyOf = new Map(nodes.map((n) => [n.id, n.key]));
    const added: ElementDefinition[] = [];
    const fresh: string[] = [];
    for (const n of nodes) {
      if (this.cy.getElementById(n.key).nonempty()) continue;
      fresh.push(n.key);
      added.push({
        group: 'nodes',
        data: {
          id: n.key,
          label: n.label,
          short: short(n.label, n.category === 'Entity' ? 36 : 30),
          category: n.category,
          type: n.type,
          status: n.claimStatus,
        },
      });
    }
    for (const e of edges) {
      const source = keyOf.get(e.source);
      const target = keyOf.get(e.target);
      if (!source || !target) continue;
      const label = e.label
        ? e.label.toLowerCase().replace(/_/g, ' ')
        : e.type.toLowerCase().replace(/_/g, ' ');
      const id = `${source}>${e.type}>${label}>${target}`;
      if (this.cy.getElementById(id).nonempty()) continue;
      added.push({ group: 'edges', data: { id, source, target, label, type: e.type } });
    }
    if (added.length > 0) this.cy.add(added);
    return fresh;
  }

  /** Lays the drawing out again; nodes drawn before keep roughly their places. */
  layout(randomize: boolean): Promise<void> {
    return new Promise((resolve) => {
      const layout = this.cy.layout({
        name: 'fcose',
        quality: 'default',
        randomize,
        animate: false,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 70,
        nodeRepulsion: () => 6500,
        padding: 24,
      } as never);
      layout.one('layoutstop', () => resolve());
      layout.run();
    });
  }

  node(key: string): DrawnNode | null {
    const n = this.cy.getElementById(key);
    if (n.empty()) return null;
    return {
      key,
      label: n.data('label'),
      category: n.data('category'),
      type: n.data('type'),
      status: n.data('status'),
    };
  }

  nodes(): DrawnNode[] {
    return this.cy.nodes().map((n) => this.node(n.id()) as DrawnNode);
  }

  markFocus(key: string | null) {
    this.cy.nodes('.focus').removeClass('focus');
    if (key) this.cy.getElementById(key).addClass('focus');
  }

  markSelected(key: string | null) {
    this.cy.nodes('.selected').removeClass('selected');
    if (key) this.cy.getElementById(key).addClass('selected');
  }

  markPath(nodeKeys: string[], edgePairs: [string, string][]) {
    this.cy.elements('.on-path').removeClass('on-path');
    for (const key of nodeKeys) this.cy.getElementById(key).addClass('on-path');
    for (const [a, b] of edgePairs) {
      this.cy
        .edges()
        .filter(
          (e) =>
            (e.source().id() === a && e.target().id() === b) ||
            (e.source().id() === b && e.target().id() === a),
        )
        .addClass('on-path');
    }
  }

  /** Centres a node and returns where it is on screen, in page coordinates. */
  reveal(key: string): { x: number; y: number } | null {
    const n = this.cy.getElementById(key);
    if (n.empty()) return null;
    this.cy.zoom(Math.max(this.cy.zoom(), 1.2));
    this.cy.center(n);
    const box = this.cy.container()?.getBoundingClientRect();
    const p = n.renderedPosition();
    return box ? { x: box.left + p.x, y: box.top + p.y } : null;
  }
}
