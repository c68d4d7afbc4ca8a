import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Proposals1795465734345 implements MigrationInterface {
  name = 'Proposals1795465734345';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."proposal_status" AS ENUM('DRAFT', 'IN_DESIGN', 'IN_VOTE', 'APPROVED', 'REJECTED', 'PUBLISHED', 'WITHDRAWN')`);
    await queryRunner.query(`CREATE TABLE "proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" BIGSERIAL NOT NULL, "site_id" uuid NOT NULL, "title" character varying(160) NOT NULL, "rationale" text NOT NULL, "status" "public"."proposal_status" NOT NULL DEFAULT 'IN_DESIGN', "current_revision" integer NOT NULL DEFAULT '1', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "proposal_current_revision_check" CHECK (current_revision >= 1), CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "proposal_site_status_number_idx" ON "proposal"  ("site_id", "status", "number") `);
    await queryRunner.query(`CREATE INDEX "proposal_site_number_idx" ON "proposal"  ("site_id", "number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "proposal_number_key" ON "proposal"  ("number") `);
    await queryRunner.query(`CREATE TYPE "public"."proposal_co_author_status" AS ENUM('INVITED', 'ACCEPTED', 'DECLINED')`);
    await queryRunner.query(`CREATE TABLE "proposal_co_author" ("proposal_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "status" "public"."proposal_co_author_status" NOT NULL, "anonymous" boolean NOT NULL DEFAULT false, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "responded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c952d71a992a915b992806c536e" PRIMARY KEY ("proposal_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "proposal_co_author_user_idx" ON "proposal_co_author"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "proposal_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "revision_number" integer NOT NULL, "parent_id" uuid, "author_id" uuid NOT NULL, "author_kind" character varying(16) NOT NULL, "signed" boolean NOT NULL DEFAULT false, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_16ff512bfd441e28b8ba9a9caf1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "proposal_comment_parent_idx" ON "proposal_comment"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "proposal_comment_proposal_idx" ON "proposal_comment"  ("proposal_id", "revision_number", "created_at") `);
    await queryRunner.query(`CREATE TABLE "proposal_endorsement" ("proposal_id" uuid NOT NULL, "operator_id" uuid NOT NULL, "comment" text, "signed" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1e74e2fb8118ea03538328f82a" PRIMARY KEY ("proposal_id", "operator_id"))`);
    await queryRunner.query(`CREATE INDEX "proposal_endorsement_operator_idx" ON "proposal_endorsement"  ("operator_id") `);
    await queryRunner.query(`CREATE TABLE "proposal_pepin" ("proposal_id" uuid NOT NULL, "pepin_id" uuid NOT NULL, CONSTRAINT "PK_13284540f12e6a887ef16a37243" PRIMARY KEY ("proposal_id", "pepin_id"))`);
    await queryRunner.query(`CREATE INDEX "proposal_pepin_pepin_idx" ON "proposal_pepin"  ("pepin_id") `);
    await queryRunner.query(`CREATE TABLE "proposal_revision" ("proposal_id" uuid NOT NULL, "number" integer NOT NULL, "note" text, "title" character varying(160) NOT NULL, "rationale" text NOT NULL, "changes" jsonb NOT NULL, "base_release" integer NOT NULL, "author_id" uuid NOT NULL, "author_role" character varying(16) NOT NULL, "author_named" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "proposal_revision_number_check" CHECK (number >= 1 AND base_release >= 0), CONSTRAINT "PK_2bcfdc6e37c420612fdd846466e" PRIMARY KEY ("proposal_id", "number"))`);
    await queryRunner.query(`ALTER TABLE "proposal_co_author" ADD CONSTRAINT "FK_d844b0fbf8ec7371601d9c1236b" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal_comment" ADD CONSTRAINT "FK_be7911caeee5559cbae5da15b84" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal_comment" ADD CONSTRAINT "FK_e3b42e8404031bede565319d0c0" FOREIGN KEY ("parent_id") REFERENCES "proposal_comment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal_endorsement" ADD CONSTRAINT "FK_97e76405bff33d5864191b87f8f" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal_pepin" ADD CONSTRAINT "FK_e513355c6791adfc36feee08b55" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "proposal_revision" ADD CONSTRAINT "FK_ebc20568e42537b25195e99e2eb" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // A revision is immutable: the database refuses to change or remove it.
    await queryRunner.query(`CREATE FUNCTION "proposal_revision_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is immutable: rows are never updated or deleted', TG_TABLE_NAME; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "proposal_revision_immutable" BEFORE UPDATE OR DELETE ON "proposal_revision" FOR EACH ROW EXECUTE FUNCTION "proposal_revision_refuse_change"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "proposal_revision_immutable" ON "proposal_revision"`);
    await queryRunner.query(`DROP FUNCTION "proposal_revision_refuse_change"()`);
    await queryRunner.query(`ALTER TABLE "proposal_revision" DROP CONSTRAINT "FK_ebc20568e42537b25195e99e2eb"`);
    await queryRunner.query(`ALTER TABLE "proposal_pepin" DROP CONSTRAINT "FK_e513355c6791adfc36feee08b55"`);
    await queryRunner.query(`ALTER TABLE "proposal_endorsement" DROP CONSTRAINT "FK_97e76405bff33d5864191b87f8f"`);
    await queryRunner.query(`ALTER TABLE "proposal_comment" DROP CONSTRAINT "FK_e3b42e8404031bede565319d0c0"`);
    await queryRunner.query(`ALTER TABLE "proposal_comment" DROP CONSTRAINT "FK_be7911caeee5559cbae5da15b84"`);
    await queryRunner.query(`ALTER TABLE "proposal_co_author" DROP CONSTRAINT "FK_d844b0fbf8ec7371601d9c1236b"`);
    await queryRunner.query(`DROP TABLE "proposal_revision"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_pepin_pepin_idx"`);
    await queryRunner.query(`DROP TABLE "proposal_pepin"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_endorsement_operator_idx"`);
    await queryRunner.query(`DROP TABLE "proposal_endorsement"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_comment_proposal_idx"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_comment_parent_idx"`);
    await queryRunner.query(`DROP TABLE "proposal_comment"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_co_author_user_idx"`);
    await queryRunner.query(`DROP TABLE "proposal_co_author"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_co_author_status"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_site_number_idx"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_site_status_number_idx"`);
    await queryRunner.query(`DROP TABLE "proposal"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_status"`);
  }
}
