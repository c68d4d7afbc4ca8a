import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Locale } from '@pepite/api/errors';
import { AnyRole, CurrentUser, ReaderLocale, type AuthenticatedUser } from '@pepite/api/identity';
import { MailPreferences, type MailPreference } from '../application/mail/mail-preferences.service';
import { NotificationReaders } from '../application/notification-readers';
import { renderNotification } from '../domain/rendering/render-notification';
import type { Reader } from '../domain/rendering/rendering-kit';
import { NotificationPreferenceType, SetNotificationPreferencesInput } from './mail-preference.type';

/** Every signed-in user reads and changes their own e-mail preferences, and only theirs. */
@Resolver(() => NotificationPreferenceType)
export class MailPreferenceResolver {
  constructor(
    private readonly preferences: MailPreferences,
    private readonly readers: NotificationReaders,
  ) {}

  @AnyRole()
  @Query(() => [NotificationPreferenceType], {
    description: 'How each kind of notification that can concern you reaches you by e-mail (your role’s defaults until you choose).',
  })
  async myNotificationPreferences(
    @CurrentUser() caller: AuthenticatedUser,
    @ReaderLocale() locale: Locale,
  ): Promise<NotificationPreferenceType[]> {
    const reader = await this.readers.readerOf(caller, locale);
    return (await this.preferences.of(caller)).map((preference) => typed(preference, reader));
  }

  @AnyRole()
  @Mutation(() => [NotificationPreferenceType], {
    description: 'Changes how the given kinds reach you by e-mail; returns all your preferences.',
  })
  async setNotificationPreferences(
    @CurrentUser() caller: AuthenticatedUser,
    @ReaderLocale() locale: Locale,
    @Args('input') input: SetNotificationPreferencesInput,
  ): Promise<NotificationPreferenceType[]> {
    const reader = await this.readers.readerOf(caller, locale);
    return (await this.preferences.set(caller, input.preferences)).map((preference) => typed(preference, reader));
  }
}

function typed(preference: MailPreference, reader: Reader): NotificationPreferenceType {
  const title = renderNotification({ kind: preference.kind, subjectType: null, subjectId: null, params: {} }, reader).title;
  return { ...preference, title };
}
