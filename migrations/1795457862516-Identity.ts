import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795457862516 implements MigrationInterface {
  name = 'Identity1795457862516';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "site" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "time_zone" text NOT NULL DEFAULT 'Europe/Paris', "ack_sla_hours" integer NOT NULL DEFAULT '72', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "site_ack_sla_hours_check" CHECK (ack_sla_hours BETWEEN 1 AND 720), CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c0c31667a63476517c75842f65" ON "team"  ("site_id", "name") `);
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('OPERATOR', 'MANAGER', 'ADMIN')`);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "role" "public"."user_role" NOT NULL, "site_id" uuid NOT NULL, "team_id" uuid, "password_hash" text NOT NULL, "locale" character varying(2) NOT NULL DEFAULT 'fr', "active" boolean NOT NULL DEFAULT true, "deactivated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "app_user_locale_check" CHECK (locale IN ('fr', 'en')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") `);
    await queryRunner.query(`ALTER TABLE "team" ADD CONSTRAINT "FK_f387c19d78cc59b7aa6e7500a6c" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_d5315045a1ea551edeeace9146e" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_1fdf67ee935e78f5d7842795467" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_1fdf67ee935e78f5d7842795467"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_d5315045a1ea551edeeace9146e"`);
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "FK_f387c19d78cc59b7aa6e7500a6c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0c31667a63476517c75842f65"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(`DROP TABLE "site"`);
  }
}
