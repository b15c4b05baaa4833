// Errors meant for clients: each carries a code in extensions. Anything else thrown in a
// resolver is masked by the server as an unexpected error.
import { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'DATABASE_UNAVAILABLE';

export const userError = (message: string, argument?: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
