import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796710000000 implements MigrationInterface {
  name = 'Webhooks1796710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" character varying(40) NOT NULL, "body" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_response_status" integer, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_delivery_once_per_event" UNIQUE ("webhook_id", "event_id"), CONSTRAINT "webhook_delivery_status_check" CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4196d582849edee87b033af099" ON "webhook_delivery"  ("webhook_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "webhook" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "events" text array NOT NULL, "format" character varying(10) NOT NULL DEFAULT 'JSON', "secret" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "consecutive_failures" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_format_check" CHECK (format IN ('JSON', 'TEAMS')), CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook"`);
    await queryRunner.query(`DROP INDEX "IDX_4196d582849edee87b033af099"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
  }
}
