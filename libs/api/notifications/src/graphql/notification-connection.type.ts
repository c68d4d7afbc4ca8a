import { Field, Int, ObjectType } from '@nestjs/graphql';
import { NotificationType } from './notification.type';

@ObjectType('NotificationPageInfo', { description: 'Where a page of notifications stands (Relay PageInfo).' })
export class NotificationPageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was asked for with `after` (newer notifications come before it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass it as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeType {
  @Field()
  cursor!: string;

  @Field(() => NotificationType)
  node!: NotificationType;
}

@ObjectType('NotificationConnection', { description: 'The signed-in user’s notifications, newest first.' })
export class NotificationConnectionType {
  @Field(() => [NotificationEdgeType])
  edges!: NotificationEdgeType[];

  @Field(() => NotificationPageInfoType)
  pageInfo!: NotificationPageInfoType;

  @Field(() => Int, { description: 'How many of the user’s notifications are unread, whatever the page and filter.' })
  unreadCount!: number;
}
