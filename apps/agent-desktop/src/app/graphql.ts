import i18n from '../i18n/i18n';
import { renewToken } from './session-renewal';

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
 * The desktop's GraphQL calls need no cache: a plain POST keeps the reference desktop on
 * the public contract only. A signed-in call answered UNAUTHENTICATED (the token ended)
 * renews the token with the refresh cookie and is sent once more.
 */
export async function graphqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  try {
    return await send<T>(url, query, variables, token);
  } catch (failure) {
    if (!token || !(failure instanceof GraphqlRequestError) || failure.code !== 'UNAUTHENTICATED') throw failure;
    const renewal = await renewToken(url);
    if (renewal.status !== 'renewed') throw failure;
    return send<T>(url, query, variables, renewal.accessToken);
  }
}

async function send<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
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
