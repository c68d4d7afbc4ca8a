import { Entity, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * How often a normalised search found nothing on one site on one day. No user, session or
 * desktop id, no time of day: the row cannot say who searched (issue 19, SECURITY.md).
 * Deleted by the retention job after `SEARCH_GAP_RETENTION_DAYS`.
 */
@Entity('search_gap')
export class SearchGapEntity {
  @Columns.PrimaryUuid() siteId!: string;

  /** The site's calendar day. */
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  query!: string;

  @Columns.Int() searches!: number;
}
