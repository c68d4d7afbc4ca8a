import i18n from '../i18n/i18n';

/** A GraphQL error (with its `extensions.code`) or a transport failure (`NETWORK`). */
export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphqlAnswer<T> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

/**
 * The desktop's two GraphQL calls (login, filePepin) need no cache nor subscriptions: a
 * plain POST keeps the reference desktop on the public contract only.
 */
export async function graphqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': i18n.language,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphqlRequestError('network', 'NETWORK');
  }
  let answer: GraphqlAnswer<T>;
  try {
    answer = (await response.json()) as GraphqlAnswer<T>;
  } catch {
    throw new GraphqlRequestError(`HTTP ${response.status}`, 'NETWORK');
  }
  const first = answer.errors?.[0];
  if (first) throw new GraphqlRequestError(first.message, first.extensions?.code ?? 'INTERNAL');
  if (!answer.data) throw new GraphqlRequestError(`HTTP ${response.status}`, 'INTERNAL');
  return answer.data;
}
