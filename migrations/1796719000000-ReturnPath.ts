import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 19, the feed's return path: desktop statuses and first uptake per release, the
// acknowledgements of mandatory reading (flagged on releases and advisories), and unanswered
// searches per site and day (no person).

export class ReturnPath1796719000000 implements MigrationInterface {
  name = 'ReturnPath1796719000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "desktop_status" ("user_id" uuid NOT NULL, "desktop_id" uuid NOT NULL, "site_id" uuid NOT NULL, "team_id" uuid, "release_version" integer NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_984dc10c938e07f43e0ce5272fe" PRIMARY KEY ("user_id", "desktop_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_690d52326cfcce6b88a0129699" ON "desktop_status"  ("site_id", "reported_at") `);
    await queryRunner.query(`CREATE TABLE "release_uptake" ("user_id" uuid NOT NULL, "release_version" integer NOT NULL, "site_id" uuid NOT NULL, "first_applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_010800bab45628c1a9e6f67a464" PRIMARY KEY ("user_id", "release_version"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a022fdb44369e9665f14359531" ON "release_uptake"  ("site_id", "release_version") `);
    await queryRunner.query(`CREATE TABLE "rule_acknowledgement" ("user_id" uuid NOT NULL, "release_version" integer NOT NULL, "rule_key" character varying(40) NOT NULL, "site_id" uuid NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_895da8916ecd2cc9075058b2ac7" PRIMARY KEY ("user_id", "release_version", "rule_key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_61eeedd5274d9ecade58a11d3c" ON "rule_acknowledgement"  ("site_id", "release_version", "rule_key") `);
    await queryRunner.query(`CREATE TABLE "search_gap" ("site_id" uuid NOT NULL, "day" date NOT NULL, "query" character varying(80) NOT NULL, "searches" integer NOT NULL, CONSTRAINT "PK_d26ee2934167f861d8016dbecc3" PRIMARY KEY ("site_id", "day", "query"))`);
    await queryRunner.query(`ALTER TABLE "advisory" ADD "mandatory" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "release" ADD "mandatory_rules" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "release" DROP COLUMN "mandatory_rules"`);
    await queryRunner.query(`ALTER TABLE "advisory" DROP COLUMN "mandatory"`);
    await queryRunner.query(`DROP TABLE "search_gap"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_61eeedd5274d9ecade58a11d3c"`);
    await queryRunner.query(`DROP TABLE "rule_acknowledgement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a022fdb44369e9665f14359531"`);
    await queryRunner.query(`DROP TABLE "release_uptake"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_690d52326cfcce6b88a0129699"`);
    await queryRunner.query(`DROP TABLE "desktop_status"`);
  }
}
