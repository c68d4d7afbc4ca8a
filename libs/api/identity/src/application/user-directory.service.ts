import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import type { Locale } from '@pepite/api/errors';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { normaliseEmail } from '../domain/email';
import { Role } from '../domain/role';
import { IdentityErrors } from '../identity.errors';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { SiteEntity } from '../persistence/site.entity';
import { TeamEntity } from '../persistence/team.entity';
import { UserEntity } from '../persistence/user.entity';
import { AccountChanges } from './account-changes';
import { PasswordHasher } from './password-hasher';
import { createOnce, keyedRequest, type IdempotencyOptions } from './idempotency-keys';
import { isUniqueViolation } from './unique-violation';

/** What an admin may change on an account; absent (undefined) fields stay as they are. */
export interface UpdateUserCommand {
  readonly displayName?: string | null;
  readonly role?: Role | null;
  readonly siteId?: string | null;
  /** null: no team (admins only). */
  readonly teamId?: string | null;
  readonly locale?: Locale | null;
}

export interface CreateUserCommand {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly siteId: string;
  readonly teamId?: string | null;
  readonly password: string;
  readonly locale?: Locale;
}

/** Users, sites and teams: who works where, with which role. */
@Injectable()
export class UserDirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly changes: AccountChanges,
  ) {}

  /**
   * With `keyed`, a retry with the same key (24 h) gets the same account back and creates
   * nothing. The password is left out of the request's fingerprint (never stored, even hashed).
   */
  async createUser(command: CreateUserCommand, keyed?: IdempotencyOptions): Promise<UserEntity> {
    const email = normaliseEmail(command.email);
    const idempotent = keyedRequest('createUser', keyed, {
      email,
      displayName: command.displayName.trim(),
      role: command.role,
      siteId: command.siteId.toLowerCase(),
      teamId: command.teamId?.toLowerCase() ?? null,
      locale: command.locale ?? 'fr',
    });
    const passwordHash = await this.hasher.hash(command.password);
    return createOnce(this.dataSource, idempotent, async (manager) => {
      const site = isUuid(command.siteId) ? await manager.findOneBy(SiteEntity, { id: command.siteId }) : null;
      if (!site) throw IdentityErrors.siteNotFound();
      const teamId = command.teamId ?? null;
      if (teamId === null && command.role !== Role.ADMIN) throw IdentityErrors.teamRequired();
      if (teamId !== null && !(isUuid(teamId) && await manager.existsBy(TeamEntity, { id: teamId, siteId: site.id }))) {
        throw IdentityErrors.teamNotOnSite();
      }
      const user = manager.create(UserEntity, {
        email,
        displayName: command.displayName.trim(),
        role: command.role,
        siteId: site.id,
        teamId,
        passwordHash,
        locale: command.locale ?? 'fr',
        active: true,
        deactivatedAt: null,
      });
      try {
        return await manager.save(user);
      } catch (error) {
        if (isUniqueViolation(error)) throw IdentityErrors.emailTaken({ email });
        throw error;
      }
    }, (manager, id) => manager.findOneBy(UserEntity, { id }));
  }

  /** A site by name, created with the default 72-hour acknowledgement promise if missing. */
  async ensureSite(name: string, timeZone = 'Europe/Paris'): Promise<SiteEntity> {
    const repository = this.dataSource.getRepository(SiteEntity);
    return (await repository.findOneBy({ name })) ?? repository.save(repository.create({ name, timeZone }));
  }

  async ensureTeam(siteId: string, name: string): Promise<TeamEntity> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TeamEntity)
      .values({ siteId, name })
      .orIgnore()
      .execute();
    return this.dataSource.getRepository(TeamEntity).findOneByOrFail({ siteId, name });
  }

  findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: normaliseEmail(email) });
  }

  async deactivateUser(actor: AuthenticatedUser, userId: string): Promise<UserEntity> {
    const user = await this.deactivate(actor, userId);
    this.changes.revoked(user.id);
    return user;
  }

  private deactivate(actor: AuthenticatedUser, userId: string): Promise<UserEntity> {
    if (actor.id === userId) throw IdentityErrors.cannotDeactivateSelf();
    if (!isUuid(userId)) throw IdentityErrors.userNotFound();
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw IdentityErrors.userNotFound();
      if (!user.active) return user;
      user.active = false;
      user.deactivatedAt = new Date();
      // Every refresh token of the person ends with the account, in the same commit.
      await manager.update(AuthSessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      return manager.save(user);
    });
  }

  /** Role, site, team, name or language of an account; the caller cannot remove their own ADMIN role. */
  async updateUser(actor: AuthenticatedUser, userId: string, command: UpdateUserCommand): Promise<UserEntity> {
    if (actor.id === userId && command.role != null && command.role !== Role.ADMIN) throw IdentityErrors.cannotDemoteSelf();
    if (!isUuid(userId)) throw IdentityErrors.userNotFound();
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw IdentityErrors.userNotFound();
      const role = command.role ?? user.role;
      let siteId = user.siteId;
      if (command.siteId != null && command.siteId !== user.siteId) {
        if (!(isUuid(command.siteId) && (await manager.existsBy(SiteEntity, { id: command.siteId })))) throw IdentityErrors.siteNotFound();
        siteId = command.siteId;
      }
      // Moving site without naming a team would leave the old site's team behind: the check below refuses it.
      const teamId = command.teamId === undefined ? user.teamId : command.teamId;
      if (teamId === null && role !== Role.ADMIN) throw IdentityErrors.teamRequired();
      if (teamId !== null && !(isUuid(teamId) && (await manager.existsBy(TeamEntity, { id: teamId, siteId })))) {
        throw IdentityErrors.teamNotOnSite();
      }
      if (command.displayName != null) {
        const displayName = command.displayName.trim();
        if (displayName.length === 0) throw IdentityErrors.nameRequired();
        user.displayName = displayName;
      }
      user.role = role;
      user.siteId = siteId;
      user.teamId = teamId;
      if (command.locale != null) user.locale = command.locale;
      return manager.save(user);
    });
    this.changes.committed(updated.id);
    return updated;
  }

  async reactivateUser(userId: string): Promise<UserEntity> {
    if (!isUuid(userId)) throw IdentityErrors.userNotFound();
    const reactivated = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw IdentityErrors.userNotFound();
      if (user.active) return user;
      user.active = true;
      user.deactivatedAt = null;
      return manager.save(user);
    });
    this.changes.committed(reactivated.id);
    return reactivated;
  }

  /** The caller behind a token, or null when the account is gone or deactivated. */
  async findActiveUser(id: string): Promise<AuthenticatedUser | null> {
    return (await this.findActiveUsers([id])).get(id.toLowerCase()) ?? null;
  }

  /**
   * The active users among these ids (lower-case ids as keys; the others are absent), in one
   * statement written out: the first request of every token comes here (10,000 desktops after
   * a publication, bench/status-storm.mjs), and TypeORM's query building and entity
   * hydration cost several times the query itself.
   */
  async findActiveUsers(ids: readonly string[]): Promise<Map<string, AuthenticatedUser>> {
    const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return new Map();
    const rows: { id: string; role: Role; site_id: string; team_id: string | null; display_name: string; locale: Locale }[] =
      await this.dataSource.query(
        'SELECT id, role, site_id, team_id, display_name, locale FROM app_user WHERE id = ANY($1::uuid[]) AND active',
        [wanted],
      );
    return new Map(
      rows.map((row) => [
        row.id,
        { id: row.id, role: row.role, siteId: row.site_id, teamId: row.team_id, displayName: row.display_name, locale: row.locale },
      ]),
    );
  }

  /** An active user with the hash selected, for login only. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active', { email: normaliseEmail(email) })
      .getOne();
  }

  async getUser(id: string): Promise<UserEntity | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  listUsers(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { displayName: 'ASC' } });
  }

  listSites(): Promise<SiteEntity[]> {
    return this.dataSource.getRepository(SiteEntity).find({ order: { name: 'ASC' } });
  }

  listTeams(siteId: string): Promise<TeamEntity[]> {
    return this.dataSource.getRepository(TeamEntity).find({ where: { siteId }, order: { name: 'ASC' } });
  }

  async getSite(id: string): Promise<SiteEntity | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(SiteEntity).findOneBy({ id });
  }

  /** Users by id (active or not), for contexts that show names; unknown ids are left out. */
  async getUsers(ids: readonly string[]): Promise<UserEntity[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (wanted.length === 0) return [];
    return this.dataSource.getRepository(UserEntity).findBy({ id: In(wanted) });
  }

  /** Active users of a site with one role, by name. */
  listActiveUsers(siteId: string, role: Role): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ where: { siteId, role, active: true }, order: { displayName: 'ASC' } });
  }
}

export function toAuthenticatedUser(user: UserEntity): AuthenticatedUser {
  return {
    id: user.id,
    role: user.role,
    siteId: user.siteId,
    teamId: user.teamId,
    displayName: user.displayName,
    locale: user.locale,
  };
}
