import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReleaseIdentityFromGzip1796970000000 implements MigrationInterface {
  name = 'ReleaseIdentityFromGzip1796970000000';

  // A release no longer stores its identity bytes beside its gzip body: they are the gzip
  // body decompressed, computed on first read (docs/decisions/0012-publication-cost.md).
  // Writing 15.7 MB of text through TOAST was most of a 5,000-rule publication. Releases
  // written before keep their `snapshot`, which is served as it is.
  // The compressed bodies are stored as they are (EXTERNAL): PostgreSQL would otherwise try
  // to compress gzip and brotli bytes again, for nothing (about 50 ms for 4 MB of gzip).
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "release" ALTER COLUMN "snapshot" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "release" ALTER COLUMN "snapshot_gzip" SET STORAGE EXTERNAL`);
    await queryRunner.query(`ALTER TABLE "release" ALTER COLUMN "snapshot_brotli" SET STORAGE EXTERNAL`);
  }

  // Fails once a release without identity bytes exists: releases are append-only, so the
  // column cannot be filled in afterwards.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "release" ALTER COLUMN "snapshot_brotli" SET STORAGE EXTENDED`);
    await queryRunner.query(`ALTER TABLE "release" ALTER COLUMN "snapshot_gzip" SET STORAGE EXTENDED`);
    await queryRunner.query(`ALTER TABLE "release" ALTER COLUMN "snapshot" SET NOT NULL`);
  }
}
