import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { MAX_NOTIFICATIONS_PAGE } from '../application/notifications.service';

@ArgsType()
export class NotificationsArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, at most ${MAX_NOTIFICATIONS_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_NOTIFICATIONS_PAGE)
  first = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Only the notifications not read yet.' })
  @IsBoolean()
  unreadOnly = false;
}
