/** The return path's settings (apps/api/src/config/environment.ts reads them). */
export interface ReturnPathOptions {
  /** A desktop silent, or behind the release, for longer than this is stale. */
  readonly staleDesktopHours: number;
  /** Desktop statuses older than this are deleted by the retention job. */
  readonly desktopStatusRetentionDays: number;
  /** Unanswered searches older than this are deleted by the retention job. */
  readonly searchGapRetentionDays: number;
  /**
   * "J'ai lu et compris" records older than this are deleted by the retention job (at least
   * the days a mandatory change stays on desktops); superseded ones sooner (ReturnPathRetention).
   */
  readonly acknowledgementRetentionDays: number;
  /**
   * A normalised search is shown to managers (and can be filed or probed) only once it was
   * searched on at least this many distinct days and this many times in all, within the
   * period shown: a customer's name typed once never appears (SECURITY.md).
   */
  readonly searchGapMinDays: number;
  readonly searchGapMinSearches: number;
}

export const RETURN_PATH_OPTIONS = Symbol('RETURN_PATH_OPTIONS');
