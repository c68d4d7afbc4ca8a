import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Locale } from '@pepite/api/errors';
import { ConnectionOf, JsonObjectScalar } from '@pepite/api/graphql-kit';
import { summaryIn, type AuditActorRole, type AuditEntryView } from '../domain/audit-entry';
import { AuditActorRoleEnum } from './audit-actor-role.graphql-enum';

@ObjectType('AuditActor', { description: 'The person who acted, by name.' })
export class AuditActorType {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;
}

@ObjectType('AuditEntry', { description: 'One line of the append-only audit log.' })
export class AuditEntryType {
  @Field(() => ID, { description: 'Increases with the order the entries were written in.' })
  id!: string;

  @Field()
  at!: Date;

  @Field(() => AuditActorType, {
    nullable: true,
    description: 'Who acted; null for the system and for an operator who did not sign.',
  })
  actor!: AuditActorType | null;

  @Field(() => AuditActorRoleEnum)
  actorRole!: AuditActorRole;

  @Field({ description: 'What happened, e.g. PROPOSAL_CREATED, VOTE_CAST, RELEASE_PUBLISHED.' })
  action!: string;

  @Field({ description: 'The kind of object acted upon, e.g. PROPOSAL, RELEASE.' })
  subjectType!: string;

  @Field({ description: 'The object acted upon: its id, number or key.' })
  subjectId!: string;

  @Field({ description: 'What happened, in one sentence, in the admin’s language (their account’s locale).' })
  summary!: string;

  @Field(() => JsonObjectScalar, { description: 'Machine data that goes with the action; {} when none.' })
  details!: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description: 'The X-Request-Id of the HTTP request behind the action, if any.',
  })
  requestId!: string | null;

  static of(entry: AuditEntryView, actor: AuditActorType | null, locale: Locale): AuditEntryType {
    return Object.assign(new AuditEntryType(), {
      id: entry.id,
      at: entry.at,
      actor,
      actorRole: entry.actorRole,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      summary: summaryIn(entry, locale),
      details: { ...entry.details },
      requestId: entry.requestId,
    });
  }
}

@ObjectType('AuditEntryConnection', { description: 'Audit entries, newest first.' })
export class AuditEntryConnectionType extends ConnectionOf('AuditEntry', AuditEntryType) {}
