import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReleaseBrotliAfterCommit1796950000000 implements MigrationInterface {
  name = 'ReleaseBrotliAfterCommit1796950000000';

  // A release's brotli body is stored by a job after its publication commits
  // (docs/decisions/0012-publication-cost.md). The release stays append-only but for that one
  // write: an empty brotli column may be filled once, every other column unchanged.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "release" ALTER COLUMN "snapshot_brotli" DROP NOT NULL`);
    await queryRunner.query(`CREATE FUNCTION "release_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE unchanged "release";
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.snapshot_brotli IS NULL AND NEW.snapshot_brotli IS NOT NULL THEN
          unchanged := NEW;
          unchanged.snapshot_brotli := NULL;
          IF unchanged IS NOT DISTINCT FROM OLD THEN RETURN NEW; END IF;
        END IF;
        RAISE EXCEPTION '% is append-only: rows are never updated or deleted', TG_TABLE_NAME;
      END $$`);
    await queryRunner.query(`DROP TRIGGER "release_append_only" ON "release"`);
    await queryRunner.query(
      `CREATE TRIGGER "release_append_only" BEFORE UPDATE OR DELETE ON "release" FOR EACH ROW EXECUTE FUNCTION "release_refuse_change"()`,
    );
  }

  // Fails while a release still waits for its brotli body: let its job run first.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "release_append_only" ON "release"`);
    await queryRunner.query(
      `CREATE TRIGGER "release_append_only" BEFORE UPDATE OR DELETE ON "release" FOR EACH ROW EXECUTE FUNCTION "rulebook_refuse_change"()`,
    );
    await queryRunner.query(`DROP FUNCTION "release_refuse_change"()`);
    await queryRunner.query(`ALTER TABLE "release" ALTER COLUMN "snapshot_brotli" SET NOT NULL`);
  }
}
