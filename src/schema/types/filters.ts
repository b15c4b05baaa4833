// Filter arguments shared by the lists, and their validation (declared beside the argument with
// `validate:`, run by Pothos' validation plugin before the resolver; see ../validation.ts); the
// orders of the nested lists.
import type { ArgBuilder } from '@pothos/core';
import { z } from 'zod';
import { firstDay, isCalendarDate, lastDay } from '../../dates.js';
import { ENTITY_ORDERS, STATEMENT_ORDERS } from '../../db/queries/lists.js';
import type { Order } from '../../db/queries/order.js';
import type { builder } from '../builder.js';
import { EntityOrder, StatementOrder } from '../enums.js';
import { between } from '../validation.js';

export const ENTITY_KEY_HINT = 'Entity key, e.g. "country:russia".';
export const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** A date as the lists take it, whole or partial; null (no bound) passes. */
export const calendarDate = z
  .string()
  .refine(isCalendarDate, {
    error: (issue) => `must be a date as ${DATE_HINT} (got ${JSON.stringify(issue.input)})`,
  })
  .nullish();

/**
 * `from` no later than `to`, both widened to whole days: for the arguments or the input object
 * that hold both (their other fields pass through untouched). Dates that are not dates are left to
 * calendarDate, which runs first.
 */
export const datesInOrder = z
  .looseObject({ from: z.string().nullish(), to: z.string().nullish() })
  .superRefine(({ from, to }, ctx) => {
    if (from && to && isCalendarDate(from) && isCalendarDate(to) && firstDay(from) > lastDay(to)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `(${from}) is after "to" (${to})` });
    }
  });

/** Expands partial dates to whole days: from "2023" is 2023-01-01, to "2023-09" is 2023-09-30. */
export function dateRange(
  from: string | null | undefined,
  to: string | null | undefined,
): { from: string | null; to: string | null } {
  // Checked by calendarDate beside each argument.
  return { from: from == null ? null : firstDay(from), to: to == null ? null : lastDay(to) };
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** How a builder of input fields is typed (the argument of an input type's `fields`). */
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

/** Conditions on how many sources report a statement and whether they agree, for any list of them. */
export const corroborationInputs = (t: InputFields) => ({
  minSources: t.int({
    required: false,
    description: 'Only those that at least this many articles report.',
    validate: between(1, 1_000_000),
  }),
  contested: t.boolean({
    required: false,
    description:
      'true: only those whose sources disagree (on a value, or one denies it); false: only the others.',
  }),
  denied: t.boolean({
    required: false,
    description: 'true: only those a report calls untrue or a claim disputes; false: only the others.',
  }),
});

export interface CorroborationArgs {
  minSources?: number | null;
  contested?: boolean | null;
  denied?: boolean | null;
}

/** The corroboration conditions given, as the edge filter and the root lists take them. */
export const corroboration = (a: CorroborationArgs | null | undefined) => ({
  ...(a?.minSources != null ? { minSources: a.minSources } : {}),
  ...(a?.contested != null ? { contested: a.contested } : {}),
  ...(a?.denied != null ? { denied: a.denied } : {}),
});

/** The same conditions as arguments of a field (an entity's claims or events). */
export const corroborationArgs = (
  arg: Pick<PothosSchemaTypes.InputFieldBuilder<Types, 'Arg'>, 'int' | 'boolean'>,
) => ({
  minSources: arg.int({
    required: false,
    description: 'Only those that at least this many articles report.',
    validate: between(1, 1_000_000),
  }),
  contested: arg.boolean({
    required: false,
    description: 'true: only those whose sources disagree; false: the others.',
  }),
  denied: arg.boolean({
    required: false,
    description: 'true: only those called untrue or disputed; false: the others.',
  }),
});

/**
 * The `orderBy` of a nested list of events or claims: the orders of the root lists, by the same
 * enum; TIME, the order these lists always had, when left out.
 */
export interface StatementOrderArgs {
  orderBy?: keyof typeof STATEMENT_ORDERS | null;
}
export const statementOrder = (a: StatementOrderArgs): Order => STATEMENT_ORDERS[a.orderBy ?? 'TIME'];

/** The `orderBy` of a nested list of entities; the list's own order when left out. */
export const entityOrder =
  (fallback: Order) =>
  (a: { orderBy?: keyof typeof ENTITY_ORDERS | null }): Order =>
    a.orderBy ? ENTITY_ORDERS[a.orderBy] : fallback;

/** The `orderBy` argument of a list of events or claims: StatementOrder, TIME when left out. */
export const statementOrderArg = (arg: ArgBuilder<Types>) => ({
  orderBy: arg({ type: StatementOrder, defaultValue: 'TIME', description: 'How to sort them.' }),
});

/** The `orderBy` argument of a list of entities: EntityOrder, by type and name when left out. */
export const entityOrderArg = (arg: ArgBuilder<Types>) => ({
  orderBy: arg({ type: EntityOrder, defaultValue: 'TYPE_NAME', description: 'How to sort them.' }),
});
