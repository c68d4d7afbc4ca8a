import type { CustomerImpactValue } from '@pepite/pepin-form';
import { graphqlRequest } from '../app/graphql';

export type CustomerImpact = CustomerImpactValue;

/** FilePepinInput of the public schema (apps/api/schema.graphql). */
export interface FilePepinInput {
  readonly title: string;
  readonly description: string;
  /** Absent with `noRuleApplies`: the operator says no rule covers the case. */
  readonly ruleKey?: string;
  readonly ruleVersion?: number;
  readonly noRuleApplies?: boolean;
  readonly customerImpact: CustomerImpact;
  readonly callReference?: string;
  readonly signed: boolean;
  readonly idempotencyKey: string;
}

const FILE_PEPIN = `mutation DesktopFilePepin($input: FilePepinInput!) {
  filePepin(input: $input) { id reference status ruleKey ruleVersion }
}`;

export interface FiledPepin {
  readonly id: string;
  readonly reference: string;
}

export async function filePepin(graphqlUrl: string, token: string, input: FilePepinInput): Promise<FiledPepin> {
  const data = await graphqlRequest<{ filePepin: FiledPepin }>(graphqlUrl, FILE_PEPIN, { input }, token);
  return data.filePepin;
}

/** One key per form: a retry after a lost answer gives back the same pépin, not a second one. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
