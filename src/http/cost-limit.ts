// The cost limit: an operation whose estimate (cost.ts) is over the limits is refused before it
// runs, naming the field that made it expensive.
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { queryTooComplex } from '../errors.js';
import { type CostEstimate, type CostModel, estimateCost, type FieldCost } from './cost.js';

export interface CostLimits {
  /** Values an answer may hold, priced on the statistics. */
  cost: number;
  /** Values an answer may hold if every list were full. */
  worstCase: number;
}

const formatted = (n: number) => Math.round(n).toLocaleString('en-US');

/** The field to blame: the costliest below the root fields if there is one, else the costliest. */
function costliest(fields: FieldCost[], by: 'cost' | 'worstCase'): FieldCost | undefined {
  const nested = fields.filter((f) => f.path.split('.').length > 2);
  const pool = nested.length > 0 ? nested : fields;
  return pool.reduce<FieldCost | undefined>((a, b) => (!a || b[by] > a[by] ? b : a), undefined);
}

/** The rejection of an estimate over the limits, or undefined when it is inside them. */
export function overLimits(estimate: CostEstimate, limits: CostLimits) {
  const over =
    estimate.cost > limits.cost
      ? { by: 'cost' as const, found: estimate.cost, limit: limits.cost, what: 'Query cost' }
      : estimate.worstCase > limits.worstCase
        ? {
            by: 'worstCase' as const,
            found: estimate.worstCase,
            limit: limits.worstCase,
            what: 'Query cost with every list full',
          }
        : undefined;
  if (!over) return undefined;
  const field = costliest(estimate.fields, over.by);
  const blame = field ? `; most expensive: ${field.path} (${formatted(field[over.by])})` : '';
  return queryTooComplex(
    `${over.what} ${formatted(over.found)} exceeds the limit of ${formatted(over.limit)}${blame}`,
    { cost: Math.round(over.found), limit: over.limit, ...(field ? { field: field.path } : {}) },
  );
}

/**
 * Prices each operation when it is about to run, not in validation: yoga caches validation by
 * query text, so a verdict there would hold for any variables (`first: $n` checked once with
 * n = 1 would then pass with n = 100). `ready` lets the first requests wait for the statistics.
 */
export function costLimit(model: CostModel, limits: CostLimits, ready?: () => Promise<void>): Plugin {
  const check = async (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: unknown;
    operationName?: string | null;
  }) => {
    await ready?.();
    // Yoga hands over the variables as parsed from the request: a JSON object, or nothing.
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    return overLimits(estimateCost(args.schema, args.document, model, variables, args.operationName), limits);
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const error = await check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    // A subscription runs its selection once per change: priced the same way, before it starts.
    async onSubscribe({ args, setResultAndStopExecution }) {
      const error = await check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
