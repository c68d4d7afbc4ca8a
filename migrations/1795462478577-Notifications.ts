import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795462478577 implements MigrationInterface {
  name = 'Notifications1795462478577';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "subject_type" character varying(40), "subject_id" uuid, "text_fr" text NOT NULL, "text_en" text NOT NULL, "params" jsonb NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tx_id" bigint NOT NULL, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3c6b6790ab154edb3692c824f2" ON "notification"  ("recipient_id") WHERE "read_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_1843f0798ba9ce32cd072bed9e" ON "notification"  ("recipient_id", "created_at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_1843f0798ba9ce32cd072bed9e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3c6b6790ab154edb3692c824f2"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
