import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoAuthorInvitedAsReporter1796500000000 implements MigrationInterface {
  name = 'CoAuthorInvitedAsReporter1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal_co_author" ADD "via_pepin_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal_co_author" DROP COLUMN "via_pepin_id"`);
  }
}
