// A small element builder. Text always goes in as text nodes, never as HTML, so names and quotes
// from the graph cannot inject markup into the page.

type Child = Node | string | null | undefined | false;
type Children = Child | Children[];
type Attrs = Record<string, string | boolean | number | ((event: Event) => void) | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of (children as Child[]).flat(Number.POSITIVE_INFINITY) as Child[]) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
};

/** Cuts a label for drawing; the full text stays in the side panel. */
export const short = (text: string, max = 32) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A partial date as precise as it is: "17 Sep 2023", "Sep 2023", "2011". */
export function formatPartial(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatDate(d: {
  start: string;
  end: string | null;
  approximate: boolean;
  partOfDay: string | null;
}): string {
  const range =
    d.end && d.end !== d.start
      ? `${formatPartial(d.start)} – ${formatPartial(d.end)}`
      : formatPartial(d.start);
  return `${d.approximate ? '≈ ' : ''}${range}${d.partOfDay ? `, ${d.partOfDay.toLowerCase()}` : ''}`;
}
