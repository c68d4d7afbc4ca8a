import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Rulebook1795461030482 implements MigrationInterface {
  name = 'Rulebook1795461030482';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "advisory" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" integer NOT NULL, "rule_key" character varying(40) NOT NULL, "message" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "release_version" integer NOT NULL, "published_by" uuid, "signature" text NOT NULL, "superseded_by" integer, CONSTRAINT "PK_062aa2b6488afb9cf7a2352cdc2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a909365acaf2067cfa85b58573" ON "advisory"  ("rule_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6d4363ecd39828d93cecb5dd54" ON "advisory"  ("seq") `);
    await queryRunner.query(`CREATE TABLE "release_rule" ("release_version" integer NOT NULL, "rule_key" character varying(40) NOT NULL, "rule_version_id" uuid NOT NULL, CONSTRAINT "PK_d77f8c1eabc28e6b92deb32a29a" PRIMARY KEY ("release_version", "rule_key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7ad0a9ed6303576ff5b149cb9e" ON "release_rule"  ("rule_version_id") `);
    await queryRunner.query(`CREATE TABLE "rule" ("key" character varying(40) NOT NULL, "first_release" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e59c576988937e4cad898521bd3" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "rule_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rule_key" character varying(40) NOT NULL, "revision" integer NOT NULL, "category" character varying(80) NOT NULL, "title" text NOT NULL, "statement" text NOT NULL, "rationale" text NOT NULL, "latitude" text NOT NULL, "escalation" text NOT NULL, "customer_wording" text NOT NULL, "tags" text array NOT NULL, "effective_from" date NOT NULL, "created_in_release" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_473b16699e9523bff9a058f57f7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_26afd88470c40cdfc958c55d88" ON "rule_version"  ("rule_key", "revision") `);
    await queryRunner.query(`CREATE TABLE "release" ("version" integer NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" uuid, "notes" text, "changelog" jsonb NOT NULL, "rule_count" integer NOT NULL, "advisory_seq_at" integer NOT NULL, "sha256" character(64) NOT NULL, "signature" text NOT NULL, "key_id" character varying(64) NOT NULL, "snapshot" bytea NOT NULL, "snapshot_gzip" bytea NOT NULL, "snapshot_brotli" bytea NOT NULL, CONSTRAINT "PK_1d531acb1515a79f84934a58241" PRIMARY KEY ("version"))`);
    await queryRunner.query(`CREATE TABLE "rulebook_counter" ("id" smallint NOT NULL, "last_release" integer NOT NULL DEFAULT '0', "last_advisory_seq" integer NOT NULL DEFAULT '0', CONSTRAINT "CHK_333adcc48a1dc3698b32013fd6" CHECK ("id" = 1), CONSTRAINT "PK_693b855bcbe98fd117cd08caa59" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "scheduled_publication" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changes" jsonb NOT NULL, "notes" text, "answers" text array NOT NULL DEFAULT '{}', "requested_by" uuid, "status" character varying(16) NOT NULL DEFAULT 'PENDING', "release_version" integer, "failure" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7baf81e534b869ce58fd68d5a28" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3a247058583977f399366b3106" ON "scheduled_publication"  ("status", "effective_at") `);
    await queryRunner.query(`ALTER TABLE "rule_version" ADD CONSTRAINT "FK_851704d7d8c98f0479367ea8528" FOREIGN KEY ("rule_key") REFERENCES "rule"("key") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // The one counter row that publishers lock (gapless release and advisory numbers).
    await queryRunner.query(`INSERT INTO "rulebook_counter" ("id", "last_release", "last_advisory_seq") VALUES (1, 0, 0)`);
    // Published history is append-only: the database refuses to change or remove it.
    await queryRunner.query(`CREATE FUNCTION "rulebook_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only: rows are never updated or deleted', TG_TABLE_NAME; END $$`);
    for (const table of ['release', 'release_rule', 'rule_version']) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "rulebook_refuse_change"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['release', 'release_rule', 'rule_version']) {
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "rulebook_refuse_change"()`);
    await queryRunner.query(`ALTER TABLE "rule_version" DROP CONSTRAINT "FK_851704d7d8c98f0479367ea8528"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a247058583977f399366b3106"`);
    await queryRunner.query(`DROP TABLE "scheduled_publication"`);
    await queryRunner.query(`DROP TABLE "rulebook_counter"`);
    await queryRunner.query(`DROP TABLE "release"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_26afd88470c40cdfc958c55d88"`);
    await queryRunner.query(`DROP TABLE "rule_version"`);
    await queryRunner.query(`DROP TABLE "rule"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7ad0a9ed6303576ff5b149cb9e"`);
    await queryRunner.query(`DROP TABLE "release_rule"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6d4363ecd39828d93cecb5dd54"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a909365acaf2067cfa85b58573"`);
    await queryRunner.query(`DROP TABLE "advisory"`);
  }
}
