/** Every {quote, start, end} object anywhere in an article document. */
export function spans(node: unknown, out: { quote: string; start: number; end: number }[] = []) {
  if (Array.isArray(node)) for (const n of node) spans(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.quote === 'string' && typeof o.start === 'number') out.push(o as never);
    else for (const v of Object.values(o)) spans(v, out);
  }
  return out;
}
