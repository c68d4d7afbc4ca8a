import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ListeningSessionView } from '../application/listening-session-view';
import { ListeningSessionStatus } from './pepin-enums';

/**
 * A double écoute. Its two participants see everything; anyone else who may see the
 * pépin sees the manager, the status and, once done, the outcome (the other fields null).
 */
@ObjectType('ListeningSession', {
  description: 'A double écoute: the operator and a manager they chose re-listen a call together.',
})
export class ListeningSessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ListeningSessionStatus)
  status!: ListeningSessionStatus;

  @Field({ description: 'Whether the caller is the operator who asked or the chosen manager.' })
  participant!: boolean;

  @Field(() => String, { nullable: true, description: 'The call to re-listen (participants only).' })
  callReference!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the operator asked (participants only).' })
  reason!: string | null;

  @Field(() => Date, { nullable: true, description: 'Participants only.' })
  scheduledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Participants only.' })
  operatorNotes!: string | null;

  @Field(() => String, { nullable: true, description: 'Participants only.' })
  managerNotes!: string | null;

  @Field(() => String, { nullable: true, description: 'What came of it, once done; attached to the pépin.' })
  outcome!: string | null;

  @Field(() => Date, { nullable: true, description: 'Participants only.' })
  requestedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Participants only.' })
  completedAt!: Date | null;

  /** Not GraphQL fields: resolved to `pepin`, `manager`, `operator`. */
  pepinId!: string;
  managerId!: string;
  operatorId!: string | null;

  static of(view: ListeningSessionView): ListeningSessionType {
    return Object.assign(new ListeningSessionType(), {
      id: view.id,
      status: view.status,
      participant: view.participant,
      callReference: view.callReference,
      reason: view.reason,
      scheduledAt: view.scheduledAt,
      operatorNotes: view.operatorNotes,
      managerNotes: view.managerNotes,
      outcome: view.outcome,
      requestedAt: view.requestedAt,
      completedAt: view.completedAt,
      pepinId: view.pepinId,
      managerId: view.managerId,
      operatorId: view.operatorId,
    });
  }
}
