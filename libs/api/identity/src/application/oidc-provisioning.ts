import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { chooseMapping } from '../domain/group-mapping';
import { normaliseEmail } from '../domain/email';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { ExternalIdentityEntity } from '../persistence/external-identity.entity';
import { IdentityGroupMappingEntity } from '../persistence/identity-group-mapping.entity';
import { UserEntity } from '../persistence/user.entity';
import type { IdentityAuditTrail } from './identity-audit-trail';

export type ProvisioningOutcome =
  | { readonly kind: 'signed-in'; readonly userId: string }
  | { readonly kind: 'refused'; readonly reason: 'unmapped' | 'deactivated' | 'email_taken'; readonly userId?: string };

export interface ProviderPerson {
  readonly issuer: string;
  readonly subject: string;
  readonly email?: string;
  readonly name?: string;
  readonly groups: readonly string[];
}

/**
 * Just-in-time accounts keyed on (issuer, subject), with role, site and team from the
 * mapped groups. A known person whose groups no longer map to anything is deactivated
 * (and every session of theirs revoked) in the same transaction as the refusal's audit line.
 */
export async function provision(manager: EntityManager, person: ProviderPerson, audit: IdentityAuditTrail): Promise<ProvisioningOutcome> {
  const mapping = chooseMapping(person.groups, await manager.find(IdentityGroupMappingEntity));
  const identity = await manager.findOne(ExternalIdentityEntity, {
    where: { issuer: person.issuer, subject: person.subject },
    lock: { mode: 'pessimistic_write' },
  });
  if (identity) {
    identity.groups = [...person.groups];
    await manager.save(identity);
    const user = await manager.findOneByOrFail(UserEntity, { id: identity.userId });
    if (!user.active) return { kind: 'refused', reason: 'deactivated', userId: user.id };
    if (!mapping) {
      await deactivateUnmapped(manager, user, audit, 'sign-in');
      return { kind: 'refused', reason: 'unmapped', userId: user.id };
    }
    await applyMapping(manager, user, mapping, audit);
    return { kind: 'signed-in', userId: user.id };
  }
  if (!mapping) return { kind: 'refused', reason: 'unmapped' };
  const email = person.email ? normaliseEmail(person.email) : placeholderEmail(person);
  // Never joined to an existing account by the address alone: an admin links it (linkExternalIdentity).
  if (await manager.existsBy(UserEntity, { email })) return { kind: 'refused', reason: 'email_taken' };
  const created = await manager.save(
    manager.create(UserEntity, {
      email,
      displayName: person.name?.trim() || email,
      role: mapping.role,
      siteId: mapping.siteId,
      teamId: mapping.teamId,
      passwordHash: null,
    }),
  );
  await manager.insert(ExternalIdentityEntity, {
    userId: created.id,
    issuer: person.issuer,
    subject: person.subject,
    groups: [...person.groups],
  });
  await audit.record(
    {
      actorRole: 'SYSTEM',
      action: 'USER_PROVISIONED',
      subjectType: 'USER',
      subjectId: created.id,
      summary: {
        fr: `Compte créé à la première connexion par le fournisseur d’identité (groupe « ${mapping.group} »).`,
        en: `Account created at the first sign-in through the identity provider (group “${mapping.group}”).`,
      },
      details: { issuer: person.issuer, subject: person.subject, group: mapping.group, role: mapping.role },
    },
    manager,
  );
  return { kind: 'signed-in', userId: created.id };
}

/** At a refresh: the groups last sent by the provider, against the mappings as they are now. */
export async function reapplyMappings(manager: EntityManager, userId: string, audit: IdentityAuditTrail): Promise<boolean> {
  const identity = await manager.findOneBy(ExternalIdentityEntity, { userId });
  if (!identity) return false;
  const mapping = chooseMapping(identity.groups, await manager.find(IdentityGroupMappingEntity));
  const user = await manager.findOneByOrFail(UserEntity, { id: userId });
  if (!mapping) {
    await deactivateUnmapped(manager, user, audit, 'refresh');
    return false;
  }
  await applyMapping(manager, user, mapping, audit);
  return true;
}

async function applyMapping(manager: EntityManager, user: UserEntity, mapping: IdentityGroupMappingEntity, audit: IdentityAuditTrail): Promise<void> {
  if (user.role === mapping.role && user.siteId === mapping.siteId && user.teamId === mapping.teamId) return;
  const before = { role: user.role, siteId: user.siteId, teamId: user.teamId };
  await manager.update(UserEntity, { id: user.id }, { role: mapping.role, siteId: mapping.siteId, teamId: mapping.teamId });
  await audit.record(
    {
      actorRole: 'SYSTEM',
      action: 'USER_PLACED_BY_GROUPS',
      subjectType: 'USER',
      subjectId: user.id,
      summary: {
        fr: `Rôle, site ou équipe mis à jour d’après le groupe « ${mapping.group} » du fournisseur d’identité.`,
        en: `Role, site or team updated from the identity provider's group “${mapping.group}”.`,
      },
      details: { before, after: { role: mapping.role, siteId: mapping.siteId, teamId: mapping.teamId }, group: mapping.group },
    },
    manager,
  );
}

async function deactivateUnmapped(manager: EntityManager, user: UserEntity, audit: IdentityAuditTrail, at: 'sign-in' | 'refresh'): Promise<void> {
  const now = new Date();
  await manager.update(UserEntity, { id: user.id }, { active: false, deactivatedAt: now });
  await manager
    .createQueryBuilder()
    .update(AuthSessionEntity)
    .set({ revokedAt: now })
    .where('user_id = :id AND revoked_at IS NULL', { id: user.id })
    .execute();
  await audit.record(
    {
      actorRole: 'SYSTEM',
      action: 'USER_DEACTIVATED_UNMAPPED',
      subjectType: 'USER',
      subjectId: user.id,
      summary: {
        fr: 'Compte désactivé : aucun de ses groupes chez le fournisseur d’identité ne correspond plus à un rôle.',
        en: 'Account deactivated: none of its groups at the identity provider maps to a role any more.',
      },
      details: { at },
    },
    manager,
  );
}

/** A provider that sends no e-mail still gets a unique, undeliverable address (`.invalid` is reserved). */
function placeholderEmail(person: ProviderPerson): string {
  const digest = createHash('sha256').update(`${person.issuer}\n${person.subject}`).digest('hex').slice(0, 24);
  return `sso-${digest}@provider.invalid`;
}
