import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PepinEventParams1796600000000 implements MigrationInterface {
  name = 'PepinEventParams1796600000000';

  // Older lines keep only their message (read as written); new ones a vote wrote carry their parameters.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pepin_event" ADD "params" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pepin_event" DROP COLUMN "params"`);
  }
}
