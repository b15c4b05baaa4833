// The only place that knows the driver's value types: everything leaving here is plain JSON-like data.
import neo4j from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** A node as projected in queries/nodes.ts; schema/types/refs.ts gives each label its shape. */
// biome-ignore lint/suspicious/noExplicitAny: rows are narrowed to their per-label shape by the schema types.
export type NodeRow = { id: string; __type: string; [key: string]: any };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  if (typeof value === 'object') {
    const out: Record<string, Plain> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return String(value);
}

/** Integers sent as parameters must be Neo4j integers, or Cypher sees floats (SKIP 1.0 fails). */
export const int = (n: number) => neo4j.int(n);
