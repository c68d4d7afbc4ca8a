import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DeliveryMode } from '../domain/mail/delivery-preferences';

registerEnumType(DeliveryMode, {
  name: 'NotificationDeliveryMode',
  description: 'How a kind of notification reaches you by e-mail (the console and the desktop always show it).',
  valuesMap: {
    IMMEDIATE: { description: 'An e-mail at once.' },
    DIGEST: { description: 'In the daily digest, at 08:00 in your site’s time zone.' },
    OFF: { description: 'No e-mail.' },
  },
});

@ObjectType('NotificationPreference', { description: 'How one kind of notification reaches you by e-mail.' })
export class NotificationPreferenceType {
  @Field({ description: 'The kind, e.g. VOTE_OPENED.' })
  kind!: string;

  @Field({ description: 'The kind’s name in your language, as notifications title it.' })
  title!: string;

  @Field(() => DeliveryMode)
  mode!: DeliveryMode;

  @Field(() => DeliveryMode, { description: 'What your role gets when you have not chosen.' })
  defaultMode!: DeliveryMode;
}

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInput {
  @Field()
  @IsString()
  @MaxLength(60)
  kind!: string;

  @Field(() => DeliveryMode)
  @IsEnum(DeliveryMode)
  mode!: DeliveryMode;
}

export const MAX_PREFERENCES_AT_ONCE = 50;

@InputType('SetNotificationPreferencesInput')
export class SetNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput], { description: `The kinds to change, at most ${MAX_PREFERENCES_AT_ONCE}; the others keep theirs.` })
  @ArrayMaxSize(MAX_PREFERENCES_AT_ONCE)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  preferences!: NotificationPreferenceInput[];
}
