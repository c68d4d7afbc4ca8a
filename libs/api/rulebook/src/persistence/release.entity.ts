import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';
import type { ReleaseChangelog } from '@pepite/rulebook-format';

/**
 * Release N: written once, in the publication's transaction, never updated or deleted.
 * The snapshot's gzip body is what the feed serves as it is, and its identity bytes are
 * that body decompressed; the brotli form alone is added once, after the commit.
 */
@Entity('release')
export class ReleaseEntity {
  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Columns.Timestamp() publishedAt!: Date;
  @Columns.Uuid({ nullable: true }) publishedBy!: string | null;
  @Columns.Text({ nullable: true }) notes!: string | null;
  @Columns.Jsonb() changelog!: ReleaseChangelog;
  @Columns.Int() ruleCount!: number;

  /**
   * Rules of the changelog flagged "lecture obligatoire" at publication (issue 19): desktops
   * show them first until each operator acknowledges them. Not part of the signed snapshot.
   */
  @Columns.Text({ array: true, default: () => "'{}'" }) mandatoryRules!: string[];

  /** The advisory counter when this release was published: orders the live events. */
  @Columns.Int() advisorySeqAt!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Columns.Text() signature!: string;
  @Columns.Varchar(64) keyId!: string;

  /**
   * The identity bytes of releases published before migration ReleaseIdentityFromGzip; null
   * since: they are `snapshotGzip` decompressed (`identityBytes`), which is not written twice.
   */
  @Column({ type: 'bytea', select: false, nullable: true })
  snapshot!: Buffer | null;

  /** Stored as they are (STORAGE EXTERNAL): compressing gzip again gains nothing. */
  @Column({ type: 'bytea', select: false })
  snapshotGzip!: Buffer;

  /** Made after the commit by a job (ReleaseBrotli); null until then, and gzip is served instead. */
  @Column({ type: 'bytea', select: false, nullable: true })
  snapshotBrotli!: Buffer | null;
}
