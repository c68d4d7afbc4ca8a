import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { SingleSignOnSettings } from './single-sign-on-settings';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The feed's return path (issue 19, libs/api/return-path); `Environment` extends it. */
export class ReturnPathSettings extends SingleSignOnSettings {
  /** A desktop silent, or still behind a release, for longer than this is shown as stale. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  DESKTOP_STALE_HOURS = 24;

  /** Desktop statuses (release applied, last heard of) are deleted after this many days of silence. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  DESKTOP_STATUS_RETENTION_DAYS = 30;

  /** Unanswered searches (per site and day, no person) are deleted after this many days. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  SEARCH_GAP_RETENTION_DAYS = 90;

  /** "J'ai lu et compris" records are deleted this many days after they were made (at least the 30 days on desktops). */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3650)
  ACKNOWLEDGEMENT_RETENTION_DAYS = 365;

  /** An unanswered search shows to managers once searched on this many distinct days (of 30)… */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  SEARCH_GAP_MIN_DAYS = 2;

  /** …and this many times in all. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SEARCH_GAP_MIN_SEARCHES = 3;
}
