import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JsonObjectScalar } from '@pepite/api/graphql-kit';
import type { NotificationView } from '../domain/notification';
import { renderNotification } from '../domain/rendering/render-notification';
import type { Reader } from '../domain/rendering/rendering-kit';

@ObjectType('Notification', { description: 'Something that happened that concerns the signed-in user.' })
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field({
    description:
      'What happened, e.g. PEPIN_ACKNOWLEDGED (LEGACY_TEXT for notifications stored before kinds): clients may pick an icon, ' +
      'a link or their own words from it and `params`.',
  })
  kind!: string;

  @Field({
    description:
      'The sentence to show, in the reader’s language: the request’s Accept-Language when it names French or English, ' +
      'else the account’s locale; dates in the reader’s site’s time zone.',
  })
  text!: string;

  @Field({ description: 'A short headline in the reader’s language, e.g. "Vote opened".' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the notification leads in the console, a path from its root (e.g. /my-pepins/<id>); null when nowhere.',
  })
  link!: string | null;

  @Field(() => String, { nullable: true, description: 'The kind of object it is about, e.g. PEPIN.' })
  subjectType!: string | null;

  @Field(() => ID, { nullable: true, description: 'The object it is about, e.g. the pépin’s id.' })
  subjectId!: string | null;

  @Field(() => JsonObjectScalar, {
    description:
      'What the kind’s words are built from, e.g. {"reference": "PEP-000123", "title": "…", "audience": "SUPPORTER"}; ' +
      'dates as ISO strings.',
  })
  params!: Record<string, unknown>;

  @Field(() => Date, { nullable: true, description: 'When the user marked it read; null while unread.' })
  readAt!: Date | null;

  @Field()
  createdAt!: Date;

  static of(notification: NotificationView, reader: Reader): NotificationType {
    const rendered = renderNotification(notification, reader);
    return {
      id: notification.id,
      kind: notification.kind,
      text: rendered.body,
      title: rendered.title,
      link: rendered.link,
      subjectType: notification.subjectType,
      subjectId: notification.subjectId,
      params: { ...notification.params },
      readAt: notification.readAt,
      createdAt: notification.createdAt,
    };
  }
}
