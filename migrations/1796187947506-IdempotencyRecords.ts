import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyRecords1796187947506 implements MigrationInterface {
  name = 'IdempotencyRecords1796187947506';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "idempotency_record" ("scope" character varying(60) NOT NULL, "owner_id" uuid NOT NULL, "key" character varying(100) NOT NULL, "request_hash" character(64) NOT NULL, "result" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ecab98eefc41e84e1cccf191309" PRIMARY KEY ("scope", "owner_id", "key"))`);
    await queryRunner.query(`CREATE INDEX "idempotency_record_created_idx" ON "idempotency_record"  ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idempotency_record_created_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
  }
}
