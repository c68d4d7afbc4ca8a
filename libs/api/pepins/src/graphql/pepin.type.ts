import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Locale } from '@pepite/api/errors';
import { ConnectionOf, fromView } from '@pepite/api/graphql-kit';
import type { ConversationEntryView } from '../application/pepin-conversation.service';
import { historyLine } from '../domain/history-line';
import type {
  MyPepinView,
  PepinEventView,
  PepinLinkView,
  SimilarPepinView,
} from '../application/pepin-queries.service';
import type { PepinView } from '../application/pepin-views';
import {
  CustomerImpact,
  MyPepinRelation,
  PepinActorRole,
  PepinEventKind,
  PepinMessageAuthorKind,
  PepinStatus,
} from './pepin-enums';

/** Someone shown by name because they chose it (a signed pépin or support) or act under it (a manager). */
@ObjectType('SignedAuthor', { description: 'A person shown by name: an operator who signed, or a manager.' })
export class SignedAuthorType {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;
}

@ObjectType('PepinLink', { description: 'Another pépin, named (e.g. the one a duplicate was merged into).' })
export class PepinLinkType {
  @Field(() => ID)
  id!: string;

  @Field()
  reference!: string;

  @Field()
  title!: string;

  @Field(() => PepinStatus)
  status!: PepinStatus;

  static of(link: PepinLinkView): PepinLinkType {
    return Object.assign(new PepinLinkType(), link);
  }
}

@ObjectType('PepinEvent', { description: 'One line of a pépin’s append-only history.' })
export class PepinEventType {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field(() => PepinActorRole)
  actorRole!: PepinActorRole;

  @Field({ description: 'The role, in the caller’s language (“Rapporteur” / “Reporter”, “Manager”…).' })
  actorLabel!: string;

  @Field(() => PepinEventKind)
  kind!: PepinEventKind;

  @Field(() => PepinStatus, { nullable: true })
  fromStatus!: PepinStatus | null;

  @Field(() => PepinStatus, { nullable: true })
  toStatus!: PepinStatus | null;

  @Field(() => String, { nullable: true, description: 'The manager’s message, the decline reason, the pépin merged…' })
  message!: string | null;

  /** Managers and admins only; resolved to `actor`. */
  actorId!: string | null;

  /** `locale`: the reader's, for the lines stored as parameters (a vote opened or closed). */
  static of(event: PepinEventView, label: string, locale: Locale): PepinEventType {
    return Object.assign(new PepinEventType(), {
      id: event.id,
      at: event.at,
      actorRole: event.actorRole,
      actorLabel: label,
      kind: event.kind,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      message: historyLine(event.toStatus, event.params, locale) ?? event.message,
      actorId: event.actorId,
    });
  }
}

@ObjectType('PepinMessage', {
  description: 'A line of the conversation between managers and the (anonymous) reporter.',
})
export class PepinMessageType {
  @Field(() => ID)
  id!: string;

  @Field(() => PepinMessageAuthorKind)
  authorKind!: PepinMessageAuthorKind;

  @Field()
  body!: string;

  @Field()
  at!: Date;

  /** Managers' lines only; resolved to `author`. */
  managerId!: string | null;

  /** The caller's language, for the reporter's label. */
  locale!: Locale;

  static of(entry: ConversationEntryView, locale: Locale): PepinMessageType {
    return Object.assign(new PepinMessageType(), {
      id: entry.id,
      authorKind: entry.authorKind,
      body: entry.body,
      at: entry.at,
      managerId: entry.managerId,
      locale,
    });
  }
}

/**
 * A pépin as managers (and the operators behind it) see it. There is no reporter field:
 * `reporter` is set only when the operator signed, `supporters` lists signed supports
 * only, and `callReference` (it would name the operator who took the call) is shown only
 * when signed, or to the reporter.
 */
@ObjectType('Pepin', {
  description: 'A report that a rule blocked an operator with a customer. Anonymous unless signed.',
})
export class PepinType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'PEP-000123' })
  reference!: string;

  @Field()
  title!: string;

  @Field({ description: 'What happened.' })
  description!: string;

  @Field(() => CustomerImpact)
  customerImpact!: CustomerImpact;

  @Field(() => String, { nullable: true })
  ruleKey!: string | null;

  @Field(() => Int, { nullable: true, description: 'The rulebook release the operator was reading.' })
  ruleVersion!: number | null;

  @Field(() => String, { nullable: true, description: 'The rule’s category in that release.' })
  ruleCategory!: string | null;

  @Field({ description: 'The operator said no rule covers this.' })
  noRuleApplies!: boolean;

  @Field(() => String, { nullable: true, description: 'Only when signed, or to the reporter.' })
  callReference!: string | null;

  @Field(() => PepinStatus)
  status!: PepinStatus;

  @Field({ description: 'When acknowledgement is due (filing + the site’s promise).' })
  ackDueAt!: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field({ description: 'Still NEW after its acknowledgement due date.' })
  overdue!: boolean;

  @Field(() => Int, { description: 'How many times the late acknowledgement was escalated.' })
  escalationLevel!: number;

  @Field(() => Int, { description: 'Operators who said “me too” (the reporter not counted).' })
  supportCount!: number;

  @Field({ description: 'The reporter chose to be named.' })
  signed!: boolean;

  @Field({ description: 'Filing time.' })
  createdAt!: Date;

  @Field({ description: 'The last change managers can see (a transition, a merge, a double écoute outcome).' })
  updatedAt!: Date;

  /** What the field resolvers need; not a GraphQL field. */
  view!: PepinView;

  static of(view: PepinView): PepinType {
    return fromView(PepinType, view);
  }
}

@ObjectType('MyPepin', { description: 'One of the operator’s own pépins: filed, or supported.' })
export class MyPepinType {
  @Field(() => PepinType)
  pepin!: PepinType;

  @Field(() => MyPepinRelation)
  relation!: MyPepinRelation;

  @Field({ description: 'Whether the operator signed their filing or support.' })
  signed!: boolean;

  @Field({ description: 'When they filed or supported it.' })
  since!: Date;

  static of(mine: MyPepinView): MyPepinType {
    return Object.assign(new MyPepinType(), {
      pepin: PepinType.of(mine.pepin),
      relation: mine.relation === 'REPORTER' ? MyPepinRelation.REPORTER : MyPepinRelation.SUPPORTER,
      signed: mine.signed,
      since: mine.since,
    });
  }
}

@ObjectType('SimilarPepin', {
  description: 'An open pépin of the caller’s site close to a text; never says who filed or supported it.',
})
export class SimilarPepinType {
  @Field(() => ID)
  id!: string;

  @Field()
  reference!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => PepinStatus)
  status!: PepinStatus;

  @Field(() => String, { nullable: true })
  ruleKey!: string | null;

  @Field(() => Int, { nullable: true })
  ruleVersion!: number | null;

  @Field(() => Int)
  supportCount!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Float, { description: 'Closeness, 0 to 1.' })
  score!: number;

  static of(similar: SimilarPepinView): SimilarPepinType {
    return Object.assign(new SimilarPepinType(), similar);
  }
}

@ObjectType('PepinStatusCount')
export class PepinStatusCountType {
  @Field(() => PepinStatus)
  status!: PepinStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('PepinConnection', { description: 'The triage queue.' })
export class PepinConnectionType extends ConnectionOf('Pepin', PepinType) {
  @Field(() => Int, { description: 'Pépins under the whole filter.' })
  totalCount!: number;

  @Field(() => [PepinStatusCountType], {
    description: 'Every status with its count under the filter, the status filter left out.',
  })
  countsByStatus!: PepinStatusCountType[];
}
