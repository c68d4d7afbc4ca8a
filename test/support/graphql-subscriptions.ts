import type { Client, FormattedExecutionResult } from 'graphql-ws';

export type SubscriptionResult = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** What a test sees of one graphql-ws subscription. */
export interface SubscriptionWatch {
  readonly results: SubscriptionResult[];
  /** Resolves with the first `count` results (rejects after 10 s). */
  next(count: number): Promise<SubscriptionResult[]>;
  failure(): unknown;
  dispose(): void;
}

export function watchSubscription(client: Client, query: string): SubscriptionWatch {
  const results: SubscriptionResult[] = [];
  let failure: unknown;
  const dispose = client.subscribe(
    { query },
    {
      next: (result) => void results.push(result),
      error: (error) => {
        failure = error;
      },
      complete: () => undefined,
    },
  );
  return {
    results,
    next: async (count) => {
      await eventually(() => results.length >= count);
      return results.slice(0, count);
    },
    failure: () => failure,
    dispose,
  };
}

/** Polls a condition that an asynchronous delivery will make true. */
export async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met after ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
