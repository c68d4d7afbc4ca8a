import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcSessions1796800000000 implements MigrationInterface {
  name = 'OidcSessions1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "family_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "method" character varying(16) NOT NULL, "family_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "replaced_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_dcf5c3ee6b3682ac4e724dc949" ON "auth_session"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_b8783d517fab10672700a39cb4" ON "auth_session"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_535bb5227e4daee44ac12c20ea" ON "auth_session"  ("family_id") `);
    await queryRunner.query(`CREATE TABLE "external_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "issuer" text NOT NULL, "subject" text NOT NULL, "groups" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_390cd58fc7a0124d5fc815e99a3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7a82460d06d5f9d401f8421059" ON "external_identity"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b9308b1f08c8ca517f9ab5c464" ON "external_identity"  ("issuer", "subject") `);
    await queryRunner.query(`CREATE TABLE "identity_group_mapping" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group" text NOT NULL, "role" "public"."user_role" NOT NULL, "site_id" uuid NOT NULL, "team_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e39785f5ba5dae97f7d195bdefb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3cc088041d943271294a83827b" ON "identity_group_mapping"  ("group") `);
    await queryRunner.query(`CREATE TABLE "oidc_login_attempt" ("state" text NOT NULL, "browser_binding_hash" text NOT NULL, "nonce" text NOT NULL, "code_verifier" text NOT NULL, "return_to" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c73bcb3e4ec6982536f31b69c1" PRIMARY KEY ("state"))`);
    await queryRunner.query(`ALTER TABLE "app_user" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "external_identity" ADD CONSTRAINT "FK_7a82460d06d5f9d401f8421059b" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "identity_group_mapping" ADD CONSTRAINT "FK_b985cd64523cba80dcdf117ba0d" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "identity_group_mapping" ADD CONSTRAINT "FK_5888251c507ec4fcc1884bc321b" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "identity_group_mapping" DROP CONSTRAINT "FK_5888251c507ec4fcc1884bc321b"`);
    await queryRunner.query(`ALTER TABLE "identity_group_mapping" DROP CONSTRAINT "FK_b985cd64523cba80dcdf117ba0d"`);
    await queryRunner.query(`ALTER TABLE "external_identity" DROP CONSTRAINT "FK_7a82460d06d5f9d401f8421059b"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"`);
    await queryRunner.query(`ALTER TABLE "app_user" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "oidc_login_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3cc088041d943271294a83827b"`);
    await queryRunner.query(`DROP TABLE "identity_group_mapping"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b9308b1f08c8ca517f9ab5c464"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a82460d06d5f9d401f8421059"`);
    await queryRunner.query(`DROP TABLE "external_identity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_535bb5227e4daee44ac12c20ea"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8783d517fab10672700a39cb4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dcf5c3ee6b3682ac4e724dc949"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
  }
}
