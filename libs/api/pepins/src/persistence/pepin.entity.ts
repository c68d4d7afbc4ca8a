import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { CustomerImpact, PepinStatus } from '../domain/pepin-status';

/**
 * A pépin. `reporterId` is stored for "my pépins" and notifications and must never reach
 * anyone but that operator: nothing outside this context's application layer reads it.
 *
 * Indexes TypeORM cannot describe are written by hand in the migration and declared here
 * with `synchronize: false` so the schema diff leaves them alone:
 * - `pepin_search_idx`: GIN over `search`, the French full-text vector (unaccented, title
 *   weighted A, description B) that the `pepin_search_refresh` trigger keeps up to date;
 * - `pepin_title_trgm_idx`: GIN trigram index over `pepite_unaccent(lower(title))`;
 * - `pepin_open_ack_due_idx`, `pepin_open_support_idx`, `pepin_open_age_idx`: partial
 *   indexes over open pépins for the triage queue's three sorts;
 * - `pepin_open_rule_idx`: open pépins by rule (similar pépins weigh the same rule);
 * - `pepin_site_category_idx`: the queue's category filter (case-insensitive).
 */
@Entity('pepin')
@Index('pepin_reporter_idempotency_key', ['reporterId', 'idempotencyKey'], { unique: true })
@Index('pepin_number_key', ['number'], { unique: true })
@Index('pepin_reporter_idx', ['reporterId', 'createdAt'])
@Index('pepin_site_status_created_idx', ['siteId', 'status', 'createdAt'])
@Index('pepin_duplicate_of_idx', ['duplicateOf'])
@Index('pepin_search_idx', { synchronize: false })
@Index('pepin_title_trgm_idx', { synchronize: false })
@Index('pepin_open_ack_due_idx', { synchronize: false })
@Index('pepin_open_support_idx', { synchronize: false })
@Index('pepin_open_age_idx', { synchronize: false })
@Index('pepin_open_rule_idx', { synchronize: false })
@Index('pepin_site_category_idx', { synchronize: false })
@Check(
  'pepin_rule_or_none_check',
  `(rule_key IS NULL) = no_rule_applies AND (rule_version IS NULL OR rule_key IS NOT NULL)`,
)
@Check('pepin_duplicate_check', `(status = 'DUPLICATE') = (duplicate_of IS NOT NULL) AND duplicate_of <> id`)
@Check('pepin_counters_check', `support_count >= 0 AND escalation_level >= 0`)
export class PepinEntity {
  @Columns.UuidPrimaryKey() id!: string;

  /** Behind the reference `PEP-000123`; from a sequence (gaps are possible, never reuse). */
  @Column({ type: 'bigint' })
  @Generated('increment')
  number!: string;

  @Columns.Uuid() siteId!: string;

  /** The reporter's team when they filed: the queue's team filter. */
  @Columns.Uuid({ nullable: true }) teamId!: string | null;

  /** Never exposed but to that operator. */
  @Columns.Uuid() reporterId!: string;
  @Columns.Flag(false) signed!: boolean;
  @Columns.Varchar(140) title!: string;
  @Columns.Text() description!: string;

  @Column({ type: 'enum', enum: CustomerImpact, enumName: 'pepin_customer_impact' })
  customerImpact!: CustomerImpact;

  @Columns.Varchar(40, { nullable: true }) ruleKey!: string | null;

  /** The rulebook release the operator was reading. */
  @Columns.Int({ nullable: true }) ruleVersion!: number | null;

  /** The rule's category in that release (the queue's category filter). */
  @Columns.Varchar(80, { nullable: true }) ruleCategory!: string | null;
  @Columns.Flag(false) noRuleApplies!: boolean;
  @Columns.Varchar(40, { nullable: true }) callReference!: string | null;

  @Column({ type: 'enum', enum: PepinStatus, enumName: 'pepin_status', default: PepinStatus.NEW })
  status!: PepinStatus;

  /** Filing time plus the site's acknowledgement promise (`site.ack_sla_hours`). */
  @Columns.Timestamp() ackDueAt!: Date;
  @Columns.Timestamp({ nullable: true }) acknowledgedAt!: Date | null;

  /** When the site's managers were reminded that it falls due within 24 hours (null: not yet). */
  @Columns.Timestamp({ nullable: true }) ackReminderSentAt!: Date | null;

  /** How many times the SLA job escalated it (0: not yet). */
  @Column({ type: 'smallint', default: 0 })
  escalationLevel!: number;

  /** Operators who said "me too" (the reporter is not counted). */
  @Columns.Int({ default: 0 }) supportCount!: number;
  @Columns.Uuid({ nullable: true }) duplicateOf!: string | null;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'duplicate_of' })
  duplicateOfPepin?: PepinEntity | null;

  @Columns.Varchar(100, { nullable: true }) idempotencyKey!: string | null;

  /** SHA-256 of the normalised filing: a retry with the same key must carry the same content. */
  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  /** Filled by the `pepin_search_refresh` trigger; never read by the application. */
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  search?: string;

  @Columns.CreatedAt() createdAt!: Date;

  /**
   * The last change managers can see (a transition, a merge). Deliberately not touched by
   * supports, answers or anything else the reporter does: it would time their activity.
   */
  @Columns.CreatedAt() updatedAt!: Date;
}
