import { Entity, Index } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * The last status one desktop of one operator reported: the release it has applied and when
 * it last said so. Nothing else about the person or the machine is kept (issue 19, SECURITY.md).
 * Deleted by the retention job once silent for `DESKTOP_STATUS_RETENTION_DAYS`.
 */
@Entity('desktop_status')
@Index(['siteId', 'reportedAt'])
export class DesktopStatusEntity {
  @Columns.PrimaryUuid() userId!: string;

  /** A random id the desktop draws once and keeps (SDK): tells two desktops of one person apart. */
  @Columns.PrimaryUuid() desktopId!: string;
  @Columns.Uuid() siteId!: string;
  @Columns.Uuid({ nullable: true }) teamId!: string | null;

  /** Only ever grows: a late report of an older release changes nothing. */
  @Columns.Int() releaseVersion!: number;
  @Columns.Timestamp() appliedAt!: Date;
  @Columns.Timestamp() reportedAt!: Date;
}
