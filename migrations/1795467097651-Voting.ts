import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Voting1795467097651 implements MigrationInterface {
  name = 'Voting1795467097651';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."vote_threshold" AS ENUM('SIMPLE_MAJORITY')`);
    await queryRunner.query(`CREATE TYPE "public"."vote_status" AS ENUM('OPEN', 'CLOSED')`);
    await queryRunner.query(`CREATE TYPE "public"."vote_outcome" AS ENUM('APPROVED', 'REJECTED', 'NO_QUORUM', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "vote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "revision_number" integer NOT NULL, "site_id" uuid NOT NULL, "opened_by" uuid NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "quorum" integer NOT NULL, "threshold" "public"."vote_threshold" NOT NULL DEFAULT 'SIMPLE_MAJORITY', "results_hidden" boolean NOT NULL DEFAULT false, "electorate_size" integer NOT NULL, "status" "public"."vote_status" NOT NULL DEFAULT 'OPEN', "outcome" "public"."vote_outcome", "closed_at" TIMESTAMP WITH TIME ZONE, "tally" jsonb, "reject_reasons" jsonb, "closed_by" uuid, CONSTRAINT "vote_closed_check" CHECK ((status = 'OPEN') = (outcome IS NULL AND closed_at IS NULL)), CONSTRAINT "vote_quorum_check" CHECK (quorum >= 1 AND quorum <= electorate_size), CONSTRAINT "PK_2d5932d46afe39c8176f9d4be72" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "vote_proposal_idx" ON "vote"  ("proposal_id", "opened_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "vote_one_open_per_proposal_uq" ON "vote"  ("proposal_id") WHERE status = 'OPEN'`);
    await queryRunner.query(`CREATE TYPE "public"."vote_choice" AS ENUM('APPROVE', 'REJECT', 'ABSTAIN')`);
    await queryRunner.query(`CREATE TABLE "ballot" ("vote_id" uuid NOT NULL, "manager_id" uuid NOT NULL, "choice" "public"."vote_choice" NOT NULL, "reason" text, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ballot_reject_reason_check" CHECK (choice <> 'REJECT' OR reason IS NOT NULL), CONSTRAINT "PK_6e144009ef03973ee6a01ca6f4c" PRIMARY KEY ("vote_id", "manager_id"))`);
    await queryRunner.query(`CREATE INDEX "ballot_manager_idx" ON "ballot"  ("manager_id", "cast_at") `);
    await queryRunner.query(`CREATE TABLE "vote_elector" ("vote_id" uuid NOT NULL, "manager_id" uuid NOT NULL, CONSTRAINT "PK_e0aa79acad7ea52fb3a16cd99b5" PRIMARY KEY ("vote_id", "manager_id"))`);
    await queryRunner.query(`CREATE INDEX "vote_elector_manager_idx" ON "vote_elector"  ("manager_id") `);
    await queryRunner.query(`ALTER TABLE "ballot" ADD CONSTRAINT "FK_a2d6aead99406d633bce4a14941" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vote_elector" ADD CONSTRAINT "FK_6282ee2f0f613dad577bd878adc" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vote_elector" DROP CONSTRAINT "FK_6282ee2f0f613dad577bd878adc"`);
    await queryRunner.query(`ALTER TABLE "ballot" DROP CONSTRAINT "FK_a2d6aead99406d633bce4a14941"`);
    await queryRunner.query(`DROP INDEX "public"."vote_elector_manager_idx"`);
    await queryRunner.query(`DROP TABLE "vote_elector"`);
    await queryRunner.query(`DROP INDEX "public"."ballot_manager_idx"`);
    await queryRunner.query(`DROP TABLE "ballot"`);
    await queryRunner.query(`DROP TYPE "public"."vote_choice"`);
    await queryRunner.query(`DROP INDEX "public"."vote_one_open_per_proposal_uq"`);
    await queryRunner.query(`DROP INDEX "public"."vote_proposal_idx"`);
    await queryRunner.query(`DROP TABLE "vote"`);
    await queryRunner.query(`DROP TYPE "public"."vote_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."vote_status"`);
    await queryRunner.query(`DROP TYPE "public"."vote_threshold"`);
  }
}
