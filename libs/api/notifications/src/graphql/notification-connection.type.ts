import { Field, Int, ObjectType } from '@nestjs/graphql';
import { NotificationType } from './notification.type';
import { PageInfoType } from '@pepite/api/graphql-kit';

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

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'How many of the user’s notifications are unread, whatever the page and filter.' })
  unreadCount!: number;
}
