import { Entity, Index, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * When an operator first ran a release (on any desktop): what the time to 50 % and 95 % is
 * computed from. One row per operator and release, written once; purged with the statuses.
 */
@Entity('release_uptake')
@Index(['siteId', 'releaseVersion'])
export class ReleaseUptakeEntity {
  @Columns.PrimaryUuid() userId!: string;

  @PrimaryColumn({ type: 'int' })
  releaseVersion!: number;

  @Columns.Uuid() siteId!: string;
  @Columns.Timestamp() firstAppliedAt!: Date;
}
