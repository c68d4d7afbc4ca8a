import { useCallback, useEffect, useState } from 'react';
import { acknowledgeRuleChange, loadMandatoryReadings, type MandatoryReading } from './reading-api';

export interface MandatoryReadings {
  readonly readings: readonly MandatoryReading[] | undefined;
  readonly acknowledge: (reading: MandatoryReading) => Promise<void>;
}

/**
 * The operator's mandatory readings, read again whenever the rulebook moves (a release or an
 * advisory may carry a new one) and every minute. Offline, the list stays as it was.
 */
export function useMandatoryReadings(graphqlUrl: string, token: string, version: number | undefined, advisories: number): MandatoryReadings {
  const [readings, setReadings] = useState<readonly MandatoryReading[]>();
  const reload = useCallback(() => {
    loadMandatoryReadings(graphqlUrl, token).then(setReadings, () => undefined);
  }, [graphqlUrl, token]);

  useEffect(() => {
    reload();
    const every = setInterval(reload, 60_000);
    return () => clearInterval(every);
  }, [reload, version, advisories]);

  const acknowledge = useCallback(
    async (reading: MandatoryReading) => {
      const done = await acknowledgeRuleChange(graphqlUrl, token, reading);
      setReadings((current) =>
        current?.map((item) => (item.releaseVersion === done.releaseVersion && item.ruleKey === done.ruleKey ? done : item)),
      );
    },
    [graphqlUrl, token],
  );
  return { readings, acknowledge };
}
