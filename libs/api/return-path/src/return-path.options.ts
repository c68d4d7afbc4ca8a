/** The return path's settings (apps/api/src/config/environment.ts reads them). */
export interface ReturnPathOptions {
  /** A desktop silent, or behind the release, for longer than this is stale. */
  readonly staleDesktopHours: number;
  /** Desktop statuses older than this are deleted by the retention job. */
  readonly desktopStatusRetentionDays: number;
  /** Unanswered searches older than this are deleted by the retention job. */
  readonly searchGapRetentionDays: number;
}

export const RETURN_PATH_OPTIONS = Symbol('RETURN_PATH_OPTIONS');
