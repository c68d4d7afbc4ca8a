import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import type { Locale } from '@pepite/api/errors';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { normaliseEmail } from '../domain/email';
import { Role } from '../domain/role';
import { IdentityErrors } from '../identity.errors';
import { SiteEntity } from '../persistence/site.entity';
import { TeamEntity } from '../persistence/team.entity';
import { UserEntity } from '../persistence/user.entity';
import { PasswordHasher } from './password-hasher';

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
  ) {}

  async createUser(command: CreateUserCommand): Promise<UserEntity> {
    const email = normaliseEmail(command.email);
    const passwordHash = await this.hasher.hash(command.password);
    return this.dataSource.transaction(async (manager) => {
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
    });
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
    if (actor.id === userId) throw IdentityErrors.cannotDeactivateSelf();
    if (!isUuid(userId)) throw IdentityErrors.userNotFound();
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw IdentityErrors.userNotFound();
      if (!user.active) return user;
      user.active = false;
      user.deactivatedAt = new Date();
      return manager.save(user);
    });
  }

  /** The caller behind a token, or null when the account is gone or deactivated. */
  async findActiveUser(id: string): Promise<AuthenticatedUser | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id, active: true });
    return user ? toAuthenticatedUser(user) : null;
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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}
