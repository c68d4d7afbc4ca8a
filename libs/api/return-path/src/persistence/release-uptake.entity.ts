import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * When an operator first ran a release (on any desktop): what the time to 50 % and 95 % is
 * computed from. One row per operator and release, written once; purged with the statuses.
 */
@Entity('release_uptake')
@Index(['siteId', 'releaseVersion'])
export class ReleaseUptakeEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'int' })
  releaseVersion!: number;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'timestamptz' })
  firstAppliedAt!: Date;
}
