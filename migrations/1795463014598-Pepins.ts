import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Pepins1795463014598 implements MigrationInterface {
  name = 'Pepins1795463014598';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // French search that ignores accents: unaccent() is only STABLE (its dictionary could
    // change), so indexes and the search trigger go through an IMMUTABLE wrapper that names
    // its dictionary explicitly.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE FUNCTION pepite_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await queryRunner.query(`CREATE TYPE "public"."pepin_customer_impact" AS ENUM('NONE', 'MINOR', 'MAJOR', 'CRITICAL')`);
    await queryRunner.query(`CREATE TYPE "public"."pepin_status" AS ENUM('NEW', 'ACKNOWLEDGED', 'IN_DESIGN', 'IN_VOTE', 'PUBLISHED', 'DECLINED', 'DUPLICATE')`);
    await queryRunner.query(`CREATE TABLE "pepin" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" BIGSERIAL NOT NULL, "site_id" uuid NOT NULL, "team_id" uuid, "reporter_id" uuid NOT NULL, "signed" boolean NOT NULL DEFAULT false, "title" character varying(140) NOT NULL, "description" text NOT NULL, "customer_impact" "public"."pepin_customer_impact" NOT NULL, "rule_key" character varying(40), "rule_version" integer, "rule_category" character varying(80), "no_rule_applies" boolean NOT NULL DEFAULT false, "call_reference" character varying(40), "status" "public"."pepin_status" NOT NULL DEFAULT 'NEW', "ack_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "escalation_level" smallint NOT NULL DEFAULT '0', "support_count" integer NOT NULL DEFAULT '0', "duplicate_of" uuid, "idempotency_key" character varying(100), "content_hash" character(64) NOT NULL, "search" tsvector NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pepin_counters_check" CHECK (support_count >= 0 AND escalation_level >= 0), CONSTRAINT "pepin_duplicate_check" CHECK ((status = 'DUPLICATE') = (duplicate_of IS NOT NULL) AND duplicate_of <> id), CONSTRAINT "pepin_rule_or_none_check" CHECK ((rule_key IS NULL) = no_rule_applies AND (rule_version IS NULL OR rule_key IS NOT NULL)), CONSTRAINT "PK_874d8682443d83362a64c79f464" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "pepin_duplicate_of_idx" ON "pepin"  ("duplicate_of") `);
    await queryRunner.query(`CREATE INDEX "pepin_site_status_created_idx" ON "pepin"  ("site_id", "status", "created_at") `);
    await queryRunner.query(`CREATE INDEX "pepin_reporter_idx" ON "pepin"  ("reporter_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "pepin_number_key" ON "pepin"  ("number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "pepin_reporter_idempotency_key" ON "pepin"  ("reporter_id", "idempotency_key") `);
    await queryRunner.query(`CREATE TYPE "public"."listening_session_status" AS ENUM('REQUESTED', 'SCHEDULED', 'DONE', 'CANCELLED')`);
    await queryRunner.query(`CREATE TABLE "listening_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pepin_id" uuid NOT NULL, "operator_id" uuid NOT NULL, "manager_id" uuid NOT NULL, "status" "public"."listening_session_status" NOT NULL DEFAULT 'REQUESTED', "call_reference" character varying(40), "reason" text, "scheduled_at" TIMESTAMP WITH TIME ZONE, "operator_notes" text, "manager_notes" text, "outcome" text, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6de17b2e5a13a3ee1f230962964" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "listening_session_one_active" ON "listening_session"  ("pepin_id", "operator_id") WHERE status IN ('REQUESTED', 'SCHEDULED')`);
    await queryRunner.query(`CREATE INDEX "listening_session_operator_idx" ON "listening_session"  ("operator_id", "status") `);
    await queryRunner.query(`CREATE INDEX "listening_session_manager_idx" ON "listening_session"  ("manager_id", "status") `);
    await queryRunner.query(`CREATE INDEX "listening_session_pepin_idx" ON "listening_session"  ("pepin_id") `);
    await queryRunner.query(`CREATE TABLE "pepin_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pepin_id" uuid NOT NULL, "author_kind" character varying(16) NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c58928fc8484f8e355fc2d22c5d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "pepin_message_pepin_idx" ON "pepin_message"  ("pepin_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "pepin_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pepin_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_role" character varying(16) NOT NULL, "actor_id" uuid, "kind" character varying(40) NOT NULL, "from_status" character varying(16), "to_status" character varying(16), "message" text, CONSTRAINT "PK_93a70f5db5e25f24ecb9111460d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "pepin_event_pepin_idx" ON "pepin_event"  ("pepin_id", "at") `);
    await queryRunner.query(`CREATE TABLE "pepin_support" ("pepin_id" uuid NOT NULL, "supporter_id" uuid NOT NULL, "signed" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c51a722ef147ada9c16480b0052" PRIMARY KEY ("pepin_id", "supporter_id"))`);
    await queryRunner.query(`CREATE INDEX "pepin_support_supporter_idx" ON "pepin_support"  ("supporter_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "pepin" ADD CONSTRAINT "FK_14dbb2a646515105c7ae56382dd" FOREIGN KEY ("duplicate_of") REFERENCES "pepin"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "listening_session" ADD CONSTRAINT "FK_34d74686837e94ebe00ccfa9e9c" FOREIGN KEY ("pepin_id") REFERENCES "pepin"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pepin_message" ADD CONSTRAINT "FK_2639a6321f8206dd7bf0d4bcb4e" FOREIGN KEY ("pepin_id") REFERENCES "pepin"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pepin_event" ADD CONSTRAINT "FK_9f65a6def05aa208ab959970eb3" FOREIGN KEY ("pepin_id") REFERENCES "pepin"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pepin_support" ADD CONSTRAINT "FK_4c7d8b6cc79e331b4d09689032d" FOREIGN KEY ("pepin_id") REFERENCES "pepin"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // What TypeORM cannot describe (the entities declare these indexes with synchronize: false).
    // The full-text vector is kept by a trigger rather than a generated column: TypeORM
    // tracks generated columns in its typeorm_metadata table keyed by database name, which
    // the cloned test databases do not share.
    await queryRunner.query(`CREATE FUNCTION "pepin_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search := setweight(to_tsvector('french'::regconfig, pepite_unaccent(NEW.title)), 'A')
          || setweight(to_tsvector('french'::regconfig, pepite_unaccent(NEW.description)), 'B');
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "pepin_search_refresh" BEFORE INSERT OR UPDATE OF title, description ON "pepin" FOR EACH ROW EXECUTE FUNCTION "pepin_search_refresh"()`,
    );
    await queryRunner.query(`CREATE INDEX "pepin_search_idx" ON "pepin" USING gin ("search")`);
    await queryRunner.query(`CREATE INDEX "pepin_title_trgm_idx" ON "pepin" USING gin (pepite_unaccent(lower("title")) gin_trgm_ops)`);
    // The triage queue's sorts over open pépins.
    const open = `"status" IN ('NEW', 'ACKNOWLEDGED', 'IN_DESIGN', 'IN_VOTE')`;
    await queryRunner.query(`CREATE INDEX "pepin_open_ack_due_idx" ON "pepin" ("site_id", "ack_due_at", "id") WHERE ${open}`);
    await queryRunner.query(`CREATE INDEX "pepin_open_support_idx" ON "pepin" ("site_id", "support_count" DESC, "created_at", "id") WHERE ${open}`);
    await queryRunner.query(`CREATE INDEX "pepin_open_age_idx" ON "pepin" ("site_id", "created_at", "id") WHERE ${open}`);
    // A pépin's history is append-only: the database refuses to change or remove it.
    await queryRunner.query(`CREATE FUNCTION "pepin_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only: rows are never updated or deleted', TG_TABLE_NAME; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "pepin_event_append_only" BEFORE UPDATE OR DELETE ON "pepin_event" FOR EACH ROW EXECUTE FUNCTION "pepin_event_refuse_change"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "pepin_event_append_only" ON "pepin_event"`);
    await queryRunner.query(`DROP FUNCTION "pepin_event_refuse_change"()`);
    await queryRunner.query(`DROP INDEX "public"."pepin_open_age_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_open_support_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_open_ack_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_title_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_search_idx"`);
    await queryRunner.query(`DROP TRIGGER "pepin_search_refresh" ON "pepin"`);
    await queryRunner.query(`DROP FUNCTION "pepin_search_refresh"()`);
    await queryRunner.query(`ALTER TABLE "pepin_support" DROP CONSTRAINT "FK_4c7d8b6cc79e331b4d09689032d"`);
    await queryRunner.query(`ALTER TABLE "pepin_event" DROP CONSTRAINT "FK_9f65a6def05aa208ab959970eb3"`);
    await queryRunner.query(`ALTER TABLE "pepin_message" DROP CONSTRAINT "FK_2639a6321f8206dd7bf0d4bcb4e"`);
    await queryRunner.query(`ALTER TABLE "listening_session" DROP CONSTRAINT "FK_34d74686837e94ebe00ccfa9e9c"`);
    await queryRunner.query(`ALTER TABLE "pepin" DROP CONSTRAINT "FK_14dbb2a646515105c7ae56382dd"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_support_supporter_idx"`);
    await queryRunner.query(`DROP TABLE "pepin_support"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_event_pepin_idx"`);
    await queryRunner.query(`DROP TABLE "pepin_event"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_message_pepin_idx"`);
    await queryRunner.query(`DROP TABLE "pepin_message"`);
    await queryRunner.query(`DROP INDEX "public"."listening_session_pepin_idx"`);
    await queryRunner.query(`DROP INDEX "public"."listening_session_manager_idx"`);
    await queryRunner.query(`DROP INDEX "public"."listening_session_operator_idx"`);
    await queryRunner.query(`DROP INDEX "public"."listening_session_one_active"`);
    await queryRunner.query(`DROP TABLE "listening_session"`);
    await queryRunner.query(`DROP TYPE "public"."listening_session_status"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_reporter_idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_reporter_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_site_status_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_duplicate_of_idx"`);
    await queryRunner.query(`DROP TABLE "pepin"`);
    await queryRunner.query(`DROP TYPE "public"."pepin_status"`);
    await queryRunner.query(`DROP TYPE "public"."pepin_customer_impact"`);
    await queryRunner.query(`DROP FUNCTION pepite_unaccent(text)`);
    // Fails (rather than cascading) if something else has come to rely on them since.
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}
