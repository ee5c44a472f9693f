/**
 * What every GraphQL query asks about the rate limit: the points it cost and what is left, read by
 * `src/sync/github-client.ts` and counted in the sync's summary. Asking costs nothing.
 * https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#returning-the-status-of-your-primary-rate-limit
 */
export const rateLimitFragment = /* GraphQL */ `
  fragment RateLimit on Query {
    rateLimit {
      cost
      remaining
      resetAt
      limit
    }
  }
`;
