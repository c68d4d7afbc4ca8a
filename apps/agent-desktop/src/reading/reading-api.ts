import { graphqlRequest } from '../app/graphql';

/** A change flagged "lecture obligatoire" (issue 19), as the operator reads it. */
export interface MandatoryReading {
  readonly kind: 'RULE_CHANGE' | 'ADVISORY';
  readonly releaseVersion: number;
  readonly ruleKey: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly message: string | null;
  readonly acknowledgedAt: string | null;
}

const FIELDS = 'kind releaseVersion ruleKey title publishedAt message acknowledgedAt';

export async function loadMandatoryReadings(graphqlUrl: string, token: string): Promise<MandatoryReading[]> {
  const data = await graphqlRequest<{ myMandatoryReadings: MandatoryReading[] }>(
    graphqlUrl,
    `query DesktopMandatoryReadings { myMandatoryReadings { ${FIELDS} } }`,
    {},
    token,
  );
  return data.myMandatoryReadings;
}

export async function acknowledgeRuleChange(
  graphqlUrl: string,
  token: string,
  reading: { releaseVersion: number; ruleKey: string },
): Promise<MandatoryReading> {
  const data = await graphqlRequest<{ acknowledgeRuleChange: MandatoryReading }>(
    graphqlUrl,
    `mutation DesktopAcknowledge($input: AcknowledgeRuleChangeInput!) { acknowledgeRuleChange(input: $input) { ${FIELDS} } }`,
    { input: { releaseVersion: reading.releaseVersion, ruleKey: reading.ruleKey } },
    token,
  );
  return data.acknowledgeRuleChange;
}
