import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Locale } from '@pepite/api/errors';
import { JsonObjectScalar } from '@pepite/api/graphql-kit';
import { textIn, type NotificationView } from '../domain/notification';

@ObjectType('Notification', { description: 'Something that happened that concerns the signed-in user.' })
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What happened, e.g. PEPIN_ACKNOWLEDGED: clients may pick an icon or a link from it.' })
  kind!: string;

  @Field({ description: 'The sentence to show, in the user’s language (their account’s locale; French by default).' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'The kind of object it is about, e.g. PEPIN.' })
  subjectType!: string | null;

  @Field(() => ID, { nullable: true, description: 'The object it is about, e.g. the pépin’s id.' })
  subjectId!: string | null;

  @Field(() => JsonObjectScalar, {
    description: 'Machine data that goes with the kind, e.g. {"reference": "PEP-000123", "release": 7}; {} when none.',
  })
  params!: Record<string, unknown>;

  @Field(() => Date, { nullable: true, description: 'When the user marked it read; null while unread.' })
  readAt!: Date | null;

  @Field()
  createdAt!: Date;

  static of(notification: NotificationView, locale: Locale): NotificationType {
    return {
      id: notification.id,
      kind: notification.kind,
      text: textIn(notification, locale),
      subjectType: notification.subjectType,
      subjectId: notification.subjectId,
      params: { ...notification.params },
      readAt: notification.readAt,
      createdAt: notification.createdAt,
    };
  }
}
