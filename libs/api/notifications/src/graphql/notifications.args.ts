import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { PageArgs } from '@pepite/api/graphql-kit';
import { MAX_NOTIFICATIONS_PAGE } from '../application/notifications.service';

@ArgsType()
export class NotificationsArgs extends PageArgs(MAX_NOTIFICATIONS_PAGE) {
  @Field(() => Boolean, { defaultValue: false, description: 'Only the notifications not read yet.' })
  @IsBoolean()
  unreadOnly = false;
}
