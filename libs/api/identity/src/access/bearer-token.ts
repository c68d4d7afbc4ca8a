/** The token of an `Authorization: Bearer <token>` header, or null (HTTP routes, GraphQL, graphql-ws and the feed alike). */
export function bearerToken(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? null;
}
