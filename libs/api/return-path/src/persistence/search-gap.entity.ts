import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How often a normalised search found nothing on one site on one day. No user, session or
 * desktop id, no time of day: the row cannot say who searched (issue 19, SECURITY.md).
 * Deleted by the retention job after `SEARCH_GAP_RETENTION_DAYS`.
 */
@Entity('search_gap')
export class SearchGapEntity {
  @PrimaryColumn({ type: 'uuid' })
  siteId!: string;

  /** The site's calendar day. */
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  query!: string;

  @Column({ type: 'int' })
  searches!: number;
}
