import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentUser, Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { AuditLog } from '../application/audit-log.service';
import { auditCursor, idOfCursor } from './audit-cursor';
import { AuditEntryConnectionType, AuditEntryType, type AuditActorType } from './audit-entry.type';
import { AuditLogArgs } from './audit-log.args';
import { connectionOf } from '@pepite/api/graphql-kit';

/** The audit log, for admins only: managers and operators are refused. */
@Resolver(() => AuditEntryType)
export class AuditLogResolver {
  constructor(
    private readonly log: AuditLog,
    private readonly directory: UserDirectoryService,
  ) {}

  @Access(Role.ADMIN)
  @Query(() => AuditEntryConnectionType, {
    description: 'Who did what, when: every proposal, vote and publication action, newest first (admins only).',
  })
  async auditLog(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { filter, first, after }: AuditLogArgs,
  ): Promise<AuditEntryConnectionType> {
    const afterId = after == null ? null : idOfCursor(after);
    const page = await this.log.query(filter ?? {}, first, afterId);
    // One lookup for the names of the whole page.
    const actorIds = page.entries.flatMap((entry) => (entry.actorId === null ? [] : [entry.actorId]));
    const users = await this.directory.getUsers(actorIds);
    const actors = new Map<string, AuditActorType>(
      users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]),
    );
    const edges = page.entries.map((entry) => ({
      cursor: auditCursor(entry.id),
      node: AuditEntryType.of(
        entry,
        entry.actorId === null ? null : (actors.get(entry.actorId) ?? null),
        caller.locale,
      ),
    }));
    return connectionOf(edges, { hasNextPage: page.hasNextPage, hasPreviousPage: afterId !== null });
  }
}
