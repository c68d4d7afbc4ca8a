import { IntSetting } from './setting-decorators';
import { SingleSignOnSettings } from './single-sign-on-settings';

/** The feed's return path (issue 19, libs/api/return-path); `Environment` extends it. */
export class ReturnPathSettings extends SingleSignOnSettings {
  /** A desktop silent, or still behind a release, for longer than this is shown as stale. */
  @IntSetting(1, 720)
  DESKTOP_STALE_HOURS = 24;

  /** Desktop statuses (release applied, last heard of) are deleted after this many days of silence. */
  @IntSetting(1, 3650)
  DESKTOP_STATUS_RETENTION_DAYS = 30;

  /** Unanswered searches (per site and day, no person) are deleted after this many days. */
  @IntSetting(1, 3650)
  SEARCH_GAP_RETENTION_DAYS = 90;

  /** "J'ai lu et compris" records are deleted this many days after they were made (at least the 30 days on desktops). */
  @IntSetting(30, 3650)
  ACKNOWLEDGEMENT_RETENTION_DAYS = 365;

  /** An unanswered search shows to managers once searched on this many distinct days (of 30)… */
  @IntSetting(1, 30)
  SEARCH_GAP_MIN_DAYS = 2;

  /** …and this many times in all. */
  @IntSetting(1, 1000)
  SEARCH_GAP_MIN_SEARCHES = 3;
}
