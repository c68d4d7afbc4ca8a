import { Field, Int, ObjectType } from '@nestjs/graphql';
import { NotificationType } from './notification.type';
import { ConnectionOf } from '@pepite/api/graphql-kit';

@ObjectType('NotificationConnection', { description: 'The signed-in user’s notifications, newest first.' })
export class NotificationConnectionType extends ConnectionOf('Notification', NotificationType) {
  @Field(() => Int, { description: 'How many of the user’s notifications are unread, whatever the page and filter.' })
  unreadCount!: number;
}
