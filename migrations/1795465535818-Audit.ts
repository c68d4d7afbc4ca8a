import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1795465535818 implements MigrationInterface {
  name = 'Audit1795465535818';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_role" character varying(16) NOT NULL, "action" character varying(80) NOT NULL, "subject_type" character varying(40) NOT NULL, "subject_id" character varying(80) NOT NULL, "summary_fr" text NOT NULL, "summary_en" text NOT NULL, "details" jsonb NOT NULL, "request_id" character varying(80), CONSTRAINT "CHK_869b3a02d47f8ee18db99019a3" CHECK (("actor_role" = 'SYSTEM') = ("actor_id" IS NULL) OR "actor_role" = 'OPERATOR'), CONSTRAINT "CHK_3939a501caca7faae1a8cee8c9" CHECK ("actor_role" IN ('OPERATOR', 'MANAGER', 'ADMIN', 'SYSTEM')), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_7510a2c0873e8a07d657e61900" ON "audit_entry"  ("action", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_20b100a79e23151661d328f128" ON "audit_entry"  ("actor_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c371d0c52cab93e0c445c94ce5" ON "audit_entry"  ("subject_type", "subject_id", "id") `);
    // The audit log is append-only: the database refuses to change, remove or empty it.
    await queryRunner.query(`CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "audit_entry_append_only" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_refuse_change"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c371d0c52cab93e0c445c94ce5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_20b100a79e23151661d328f128"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7510a2c0873e8a07d657e61900"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d18bd4a32fc0cd8ff82b12037"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
