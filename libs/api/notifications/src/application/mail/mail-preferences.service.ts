import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '@pepite/api/identity';
import { UserDirectoryService } from '@pepite/api/identity';
import { defaultMode, DeliveryMode, kindsFor } from '../../domain/mail/delivery-preferences';
import { DIGEST_SCOPE, readUnsubscribeToken } from '../../domain/mail/unsubscribe-token';
import { NotificationErrors } from '../../notifications.errors';
import { preferencesOf, savePreferences } from '../../persistence/mail-store';
import { MAIL_OPTIONS, type MailOptions } from './mail.options';

/** One kind of notification as the preferences screen shows it. */
export interface MailPreference {
  readonly kind: string;
  readonly mode: DeliveryMode;
  /** What the person's role gets without choosing. */
  readonly defaultMode: DeliveryMode;
}

/** What an unsubscribe link did, for the page that confirms it. */
export interface Unsubscribed {
  readonly locale: 'fr' | 'en';
  /** The kinds now off. */
  readonly kinds: readonly string[];
  readonly digest: boolean;
}

/** Each person's choice, per kind, between an e-mail at once, the daily digest, or none. */
@Injectable()
export class MailPreferences {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: UserDirectoryService,
    @Inject(MAIL_OPTIONS) private readonly options: MailOptions,
  ) {}

  async of(user: { id: string; role: Role | string }): Promise<MailPreference[]> {
    const chosen = (await preferencesOf(this.dataSource.manager, [user.id])).get(user.id) ?? new Map<string, string>();
    return kindsFor(user.role).map((kind) => {
      const fallback = defaultMode(user.role, kind);
      return { kind, mode: (chosen.get(kind) as DeliveryMode | undefined) ?? fallback, defaultMode: fallback };
    });
  }

  /** Saves the given kinds (the others keep their value); a kind the role cannot receive is refused, nothing written. */
  async set(user: { id: string; role: Role | string }, changes: readonly { kind: string; mode: DeliveryMode }[]): Promise<MailPreference[]> {
    const allowed = kindsFor(user.role);
    const unknown = changes.find((change) => !allowed.includes(change.kind));
    if (unknown) throw NotificationErrors.unknownPreferenceKind({ kind: unknown.kind });
    await savePreferences(this.dataSource.manager, user.id, new Map(changes.map((change) => [change.kind, change.mode])));
    return this.of(user);
  }

  /**
   * One-click unsubscribe from a link: the kind it names (or every kind in the digest) is
   * turned off for the person it was sent to. Repeating it changes nothing more.
   */
  async unsubscribe(token: string): Promise<Unsubscribed> {
    const what = readUnsubscribeToken(this.options.unsubscribeSecret, token);
    const person = what ? await this.directory.getUser(what.userId) : null;
    if (!what || !person) throw NotificationErrors.invalidUnsubscribeLink();
    const current = await this.of(person);
    const kinds =
      what.scope === DIGEST_SCOPE
        ? current.filter((preference) => preference.mode === DeliveryMode.DIGEST).map((preference) => preference.kind)
        : [what.scope];
    await savePreferences(this.dataSource.manager, person.id, new Map(kinds.map((kind) => [kind, DeliveryMode.OFF])));
    return { locale: person.locale, kinds, digest: what.scope === DIGEST_SCOPE };
  }

  /** The person a link names, for the confirmation page's language (null: not a valid link). */
  async localeOfLink(token: string): Promise<'fr' | 'en' | null> {
    const what = readUnsubscribeToken(this.options.unsubscribeSecret, token);
    const person = what ? await this.directory.getUser(what.userId) : null;
    return person?.locale ?? null;
  }
}
