import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The last status one desktop of one operator reported: the release it has applied and when
 * it last said so. Nothing else about the person or the machine is kept (issue 19, SECURITY.md).
 * Deleted by the retention job once silent for `DESKTOP_STATUS_RETENTION_DAYS`.
 */
@Entity('desktop_status')
@Index(['siteId', 'reportedAt'])
export class DesktopStatusEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  /** A random id the desktop draws once and keeps (SDK): tells two desktops of one person apart. */
  @PrimaryColumn({ type: 'uuid' })
  desktopId!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  /** Only ever grows: a late report of an older release changes nothing. */
  @Column({ type: 'int' })
  releaseVersion!: number;

  @Column({ type: 'timestamptz' })
  appliedAt!: Date;

  @Column({ type: 'timestamptz' })
  reportedAt!: Date;
}
