export interface GraphqlError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
  readonly path?: readonly (string | number)[];
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly data?: T | null;
  readonly errors?: readonly GraphqlError[];
}

export interface RequestOptions {
  readonly token?: string;
  readonly language?: string;
  readonly headers?: Record<string, string>;
}

/** A GraphQL client that speaks plain HTTP to the running API, as a browser would. */
export class GraphqlClient {
  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.language ? { 'accept-language': options.language } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphqlError[] };
    return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
  }

  /** The data of a request that must succeed; fails the test with the errors otherwise. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T> {
    const response = await this.request<T>(query, variables, options);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  /** The first error's code of a request that must fail. */
  async errorCode(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<string | undefined> {
    const response = await this.request(query, variables, options);
    if (!response.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
    return response.errors[0]?.extensions?.code;
  }
}
