// The view as the URL holds it, so a link reopens it: focus, depth, limit, expanded nodes,
// selection and path target.
import type { Kind } from './panel.js';

export interface State {
  focus: string | null;
  depth: number;
  limit: number;
  expanded: string[];
  select: { key: string; kind: Kind } | null;
  pathTo: string | null;
}

export const DEPTHS = [1, 2, 3];
export const LIMITS = [20, 40, 60, 100, 200];
const KINDS: Kind[] = ['Entity', 'Event', 'Claim'];

export function readUrl(): State {
  const q = new URLSearchParams(location.search);
  const num = (name: string, allowed: number[], fallback: number) => {
    const n = Number(q.get(name));
    return allowed.includes(n) ? n : fallback;
  };
  const kind = q.get('as') as Kind | null;
  const select = q.get('select');
  return {
    focus: q.get('focus') || null,
    depth: num('depth', DEPTHS, 2),
    limit: num('limit', LIMITS, 60),
    expanded: (q.get('expand') ?? '').split(',').filter(Boolean),
    select: select ? { key: select, kind: kind && KINDS.includes(kind) ? kind : 'Entity' } : null,
    pathTo: q.get('path') || null,
  };
}

export function writeUrl(s: State, push: boolean) {
  const q = new URLSearchParams();
  if (s.focus) q.set('focus', s.focus);
  q.set('depth', String(s.depth));
  q.set('limit', String(s.limit));
  if (s.expanded.length) q.set('expand', s.expanded.join(','));
  if (s.select) {
    q.set('select', s.select.key);
    q.set('as', s.select.kind);
  }
  if (s.pathTo) q.set('path', s.pathTo);
  const url = `${location.pathname}?${q.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%2F/gi, '/')}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
