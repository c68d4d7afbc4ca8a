import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications become a kind and parameters, worded when read in the reader's language.
 * Rows written before keep their two sentences: they become the kind LEGACY_TEXT, with
 * the sentences in `params.text` and their first kind in `params.legacyKind`.
 */
export class NotificationKindsAndParams1796422364691 implements MigrationInterface {
  name = 'NotificationKindsAndParams1796422364691';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "notification"
          SET "params" = "params" || jsonb_build_object('legacyKind', "kind", 'text', jsonb_build_object('fr', "text_fr", 'en', "text_en")),
              "kind" = 'LEGACY_TEXT'`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "text_en"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "text_fr"`);
  }

  /** Legacy rows get their sentences and kind back; rows of a real kind read as their kind's name. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "text_fr" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "text_en" text NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `UPDATE "notification"
          SET "text_fr" = COALESCE("params" #>> '{text,fr}', "kind"),
              "text_en" = COALESCE("params" #>> '{text,en}', "kind"),
              "kind" = COALESCE("params" ->> 'legacyKind', "kind"),
              "params" = "params" - 'legacyKind' - 'text'
        WHERE "kind" = 'LEGACY_TEXT'`,
    );
    await queryRunner.query(`UPDATE "notification" SET "text_fr" = "kind", "text_en" = "kind" WHERE "text_fr" = ''`);
    await queryRunner.query(`ALTER TABLE "notification" ALTER COLUMN "text_fr" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "notification" ALTER COLUMN "text_en" DROP DEFAULT`);
  }
}
