import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to an account (deactivation, role, site, team, name, language, a
 * deletion) notifies `pepite_user_changed` with the user's id, whatever code or SQL made it:
 * each API instance keeps the active users in memory and drops one on that signal, so a
 * revocation reaches every instance at commit (ActivePrincipals in the identity context).
 */
export class UserChangeNotify1796200000000 implements MigrationInterface {
  name = 'UserChangeNotify1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pepite_user_changed', COALESCE(NEW.id, OLD.id)::text);
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER "app_user_changed" AFTER UPDATE OR DELETE ON "app_user" FOR EACH ROW EXECUTE FUNCTION "notify_user_changed"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "app_user_changed" ON "app_user"`);
    await queryRunner.query(`DROP FUNCTION "notify_user_changed"()`);
  }
}
