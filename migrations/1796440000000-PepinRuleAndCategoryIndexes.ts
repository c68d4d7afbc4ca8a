import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Similar pépins look up the open pépins on the typed rule (any age), and the triage queue
 * filters by category: both indexed so neither reads the site's whole history.
 */
export class PepinRuleAndCategoryIndexes1796440000000 implements MigrationInterface {
  name = 'PepinRuleAndCategoryIndexes1796440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const open = `"status" IN ('NEW', 'ACKNOWLEDGED', 'IN_DESIGN', 'IN_VOTE')`;
    await queryRunner.query(`CREATE INDEX "pepin_open_rule_idx" ON "pepin" ("site_id", "rule_key", "created_at") WHERE ${open}`);
    await queryRunner.query(`CREATE INDEX "pepin_site_category_idx" ON "pepin" ("site_id", lower("rule_category"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."pepin_site_category_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pepin_open_rule_idx"`);
  }
}
