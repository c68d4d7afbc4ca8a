import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of the shared rate limits (rate-limiter-flexible's PostgreSQL store, told the
 * table exists): one row per limit and key, points used and when the window ends (epoch ms).
 * Unlogged: counters are worth nothing after a crash, and writes skip the WAL.
 */
export class RateLimitCounters1796430000000 implements MigrationInterface {
  name = 'RateLimitCounters1796430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_counter" ("key" character varying(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
    await queryRunner.query(`CREATE INDEX "rate_limit_counter_expire_idx" ON "rate_limit_counter" ("expire")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
  }
}
