// How deep parsed JSON may nest before anything recursive (GraphQL's value coercion, document
// validation) walks it: a hostile 50,000-level array would otherwise overflow the stack. Checked
// without recursion, so the check itself cannot overflow.

/** Deeper than any request or article document needs (the article format nests about 6 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * The JSON path of the first value nested deeper than `maxDepth`, e.g. `$.variables.d[0][0]…`,
 * or undefined when the value stays within it.
 */
export function tooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH, root = '$'): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: root }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number; path: string };
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return `${item.path}…`;
    if (Array.isArray(item.value)) {
      item.value.forEach((v, i) => {
        stack.push({ value: v, depth: item.depth + 1, path: `${item.path}[${i}]` });
      });
    } else {
      for (const [k, v] of Object.entries(item.value)) {
        const key = /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
        stack.push({ value: v, depth: item.depth + 1, path: `${item.path}${key}` });
      }
    }
  }
  return undefined;
}

export const depthProblem = (path: string, maxDepth = MAX_JSON_DEPTH) =>
  `nested deeper than ${maxDepth} levels at ${path.length > 80 ? `${path.slice(0, 79)}…` : path}`;
