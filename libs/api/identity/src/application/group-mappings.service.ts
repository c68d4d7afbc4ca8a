import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { Role } from '../domain/role';
import { IdentityErrors } from '../identity.errors';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import { ExternalIdentityEntity } from '../persistence/external-identity.entity';
import { IdentityGroupMappingEntity } from '../persistence/identity-group-mapping.entity';
import { SiteEntity } from '../persistence/site.entity';
import { TeamEntity } from '../persistence/team.entity';
import { UserEntity } from '../persistence/user.entity';
import { IdentityAuditTrail } from './identity-audit-trail';
import { isUniqueViolation } from './unique-violation';

export interface SetGroupMappingCommand {
  readonly group: string;
  readonly role: Role;
  readonly siteId: string;
  readonly teamId?: string | null;
}

/** Admins decide which provider group gives which role, site and team; and link existing accounts. */
@Injectable()
export class GroupMappingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: IdentityAuditTrail,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  list(): Promise<IdentityGroupMappingEntity[]> {
    return this.dataSource.getRepository(IdentityGroupMappingEntity).find({ order: { group: 'ASC' } });
  }

  /** Creates the group's mapping or replaces what it gives. */
  async set(actor: AuthenticatedUser, command: SetGroupMappingCommand): Promise<IdentityGroupMappingEntity> {
    const group = command.group.trim();
    if (group.length === 0) throw IdentityErrors.groupRequired();
    const teamId = command.teamId ?? null;
    if (teamId === null && command.role !== Role.ADMIN) throw IdentityErrors.teamRequired();
    return this.dataSource.transaction(async (manager) => {
      if (!(isUuid(command.siteId) && (await manager.existsBy(SiteEntity, { id: command.siteId })))) throw IdentityErrors.siteNotFound();
      if (teamId !== null && !(isUuid(teamId) && (await manager.existsBy(TeamEntity, { id: teamId, siteId: command.siteId })))) {
        throw IdentityErrors.teamNotOnSite();
      }
      const existing = await manager.findOne(IdentityGroupMappingEntity, { where: { group }, lock: { mode: 'pessimistic_write' } });
      const mapping = existing ?? manager.create(IdentityGroupMappingEntity, { group });
      const before = existing ? { role: existing.role, siteId: existing.siteId, teamId: existing.teamId } : null;
      Object.assign(mapping, { role: command.role, siteId: command.siteId, teamId });
      const saved = await manager.save(mapping);
      await this.audit.record(
        {
          actorRole: 'ADMIN',
          actorId: actor.id,
          action: 'IDENTITY_GROUP_MAPPING_SET',
          subjectType: 'IDENTITY_GROUP_MAPPING',
          subjectId: saved.id,
          summary: {
            fr: `Le groupe « ${group} » du fournisseur d’identité donne le rôle ${command.role}.`,
            en: `The identity provider's group “${group}” gives the ${command.role} role.`,
          },
          details: { group, before, after: { role: command.role, siteId: command.siteId, teamId } },
        },
        manager,
      );
      return saved;
    });
  }

  async remove(actor: AuthenticatedUser, id: string): Promise<IdentityGroupMappingEntity> {
    if (!isUuid(id)) throw IdentityErrors.mappingNotFound();
    return this.dataSource.transaction(async (manager) => {
      const mapping = await manager.findOne(IdentityGroupMappingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!mapping) throw IdentityErrors.mappingNotFound();
      await manager.delete(IdentityGroupMappingEntity, { id });
      await this.audit.record(
        {
          actorRole: 'ADMIN',
          actorId: actor.id,
          action: 'IDENTITY_GROUP_MAPPING_REMOVED',
          subjectType: 'IDENTITY_GROUP_MAPPING',
          subjectId: id,
          summary: {
            fr: `Le groupe « ${mapping.group} » ne donne plus accès à Pépite.`,
            en: `The group “${mapping.group}” no longer gives access to Pépite.`,
          },
          details: { group: mapping.group, role: mapping.role, siteId: mapping.siteId, teamId: mapping.teamId },
        },
        manager,
      );
      return Object.assign(mapping, { id });
    });
  }

  /**
   * Links an existing (password) account once to the person at the configured provider,
   * named by their subject (`sub`; the object ID in Entra ID). Their next sign-in there
   * lands in this account, whatever e-mail address the provider sends.
   */
  async linkIdentity(actor: AuthenticatedUser, userId: string, subject: string): Promise<UserEntity> {
    const issuer = this.options.oidc?.issuer;
    if (!issuer) throw IdentityErrors.oidcNotConfigured();
    if (!isUuid(userId)) throw IdentityErrors.userNotFound();
    const trimmed = subject.trim();
    if (trimmed.length === 0) throw IdentityErrors.groupRequired();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
        if (!user) throw IdentityErrors.userNotFound();
        if (await manager.existsBy(ExternalIdentityEntity, { userId })) throw IdentityErrors.identityAlreadyLinked();
        await manager.insert(ExternalIdentityEntity, { userId, issuer, subject: trimmed, groups: [] });
        await this.audit.record(
          {
            actorRole: 'ADMIN',
            actorId: actor.id,
            action: 'IDENTITY_LINKED',
            subjectType: 'USER',
            subjectId: userId,
            summary: {
              fr: 'Compte lié à une identité chez le fournisseur d’identité.',
              en: 'Account linked to an identity at the identity provider.',
            },
            details: { issuer, subject: trimmed },
          },
          manager,
        );
        return user;
      });
    } catch (error) {
      // The same (issuer, subject) already belongs to another account.
      if (isUniqueViolation(error)) throw IdentityErrors.identityAlreadyLinked();
      throw error;
    }
  }
}
