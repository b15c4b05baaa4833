// Argument checks declared beside the argument (`validate:` on t.arg, run by Pothos' validation
// plugin before the resolver). A schema's message says what is wrong without naming the
// argument; the builder's validationError names it, so every refusal reads `"depth" must be …`.
import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import { z } from 'zod';
import { badUserInput } from '../errors.js';
import { nameKey } from '../ingest/text.js';

/** A whole number from min to max; null (the argument left to its default) passes. */
export const between = (min: number, max: number) =>
  z
    .number()
    .refine((n) => n >= min && n <= max, {
      error: (issue) => `must be from ${min} to ${max} (got ${issue.input})`,
    })
    .nullish();

/** The longest text a search takes. */
export const MAX_QUERY_LENGTH = 200;

/** Words to search for: at most MAX_QUERY_LENGTH characters, with a letter or digit among them. */
export const searchText = z
  .string()
  .refine((s) => s.length <= MAX_QUERY_LENGTH, {
    error: (issue) => `must be at most ${MAX_QUERY_LENGTH} characters (got ${String(issue.input).length})`,
    abort: true,
  })
  .refine((s) => nameKey(s) !== '', { error: 'must contain at least one letter or digit' });

const argumentOf = (issue: StandardSchemaV1.Issue) => {
  const names = (issue.path ?? []).map((p) => (typeof p === 'object' ? p.key : p));
  const last = names.findLast((n) => typeof n === 'string');
  return typeof last === 'string' ? last : undefined;
};

/** The first failed check as BAD_USER_INPUT, naming the argument. */
export function validationError(failure: StandardSchemaV1.FailureResult) {
  const [issue] = failure.issues;
  const argument = issue && argumentOf(issue);
  const message = issue?.message ?? 'an argument is not valid';
  return badUserInput(argument ? `"${argument}" ${message}` : message, argument);
}
