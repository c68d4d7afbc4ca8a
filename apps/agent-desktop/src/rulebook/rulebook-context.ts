import { createContext, useContext } from 'react';
import type {
  AdvisoryEntry,
  DesktopReporter,
  ConnectionState,
  RulebookClient,
  RulebookError,
  RulebookSnapshot,
} from '@pepite/rulebook-client';
import type { RulebookDiff } from './diff';

/** Everything the screens read about the rulebook, fed by the client's events. */
export interface RulebookState {
  readonly snapshot: RulebookSnapshot | undefined;
  readonly advisories: readonly AdvisoryEntry[];
  /** Undefined until the live channel reports (we are still connecting). */
  readonly connection: ConnectionState | undefined;
  /** The server could not be reached (at start, or the browser says so). */
  readonly offline: boolean;
  /** start() resolved: a missing snapshot now means "nothing published" or "nothing stored". */
  readonly started: boolean;
  /** The last refused update (tampered or rolled back): the last good copy stays. */
  readonly refused: RulebookError | undefined;
  readonly sessionExpired: boolean;
  /** The latest release received while the desktop was open, against the copy it had. */
  readonly lastUpdate: RulebookDiff | undefined;
  /** The latest advisory that arrived live (not restored from storage). */
  readonly lastAdvisory: AdvisoryEntry | undefined;
}

export const INITIAL_STATE: RulebookState = {
  snapshot: undefined,
  advisories: [],
  connection: undefined,
  offline: false,
  started: false,
  refused: undefined,
  sessionExpired: false,
  lastUpdate: undefined,
  lastAdvisory: undefined,
};

export interface RulebookContextValue {
  readonly state: RulebookState;
  readonly client: RulebookClient | undefined;
  /** Sends the desktop's status and unanswered searches back (issue 19). */
  readonly reporter: DesktopReporter | undefined;
  readonly dismissUpdate: () => void;
}

export const RulebookContext = createContext<RulebookContextValue | undefined>(undefined);

export function useRulebook(): RulebookContextValue {
  const value = useContext(RulebookContext);
  if (!value) throw new Error('useRulebook outside <RulebookProvider>');
  return value;
}
