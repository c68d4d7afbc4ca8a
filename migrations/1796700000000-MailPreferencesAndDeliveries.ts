import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailPreferencesAndDeliveries1796700000000 implements MigrationInterface {
  name = 'MailPreferencesAndDeliveries1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mail_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "period_key" character varying(80) NOT NULL, "notification_ids" uuid array NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "message_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "mail_delivery_once_per_period" UNIQUE ("recipient_id", "period_key"), CONSTRAINT "mail_delivery_status_check" CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')), CONSTRAINT "PK_d3538fca7dd3bf4d2f4ffc38a8c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mail_delivery_pending" ON "mail_delivery"  ("next_attempt_at") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`CREATE TABLE "mail_preference" ("user_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "mode" character varying(10) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mail_preference_mode_check" CHECK (mode IN ('IMMEDIATE', 'DIGEST', 'OFF')), CONSTRAINT "PK_2e33f3efb923f42320ba95953a7" PRIMARY KEY ("user_id", "kind"))`);
    await queryRunner.query(`ALTER TABLE "pepin" ADD "ack_reminder_sent_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pepin" DROP COLUMN "ack_reminder_sent_at"`);
    await queryRunner.query(`DROP TABLE "mail_preference"`);
    await queryRunner.query(`DROP INDEX "mail_delivery_pending"`);
    await queryRunner.query(`DROP TABLE "mail_delivery"`);
  }
}
