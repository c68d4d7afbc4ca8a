import { Injectable } from '@nestjs/common';
import type { Locale } from '@pepite/api/errors';
import { UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import type { Reader } from '../domain/rendering/rendering-kit';

/** The demo's and most call centres' zone, for readers without a site (admins). */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Who reads a notification, as the renderer needs it: language, role and the site's time zone. */
@Injectable()
export class NotificationReaders {
  constructor(private readonly directory: UserDirectoryService) {}

  async readerOf(user: Pick<AuthenticatedUser, 'role' | 'siteId'>, locale: Locale): Promise<Reader> {
    const site = user.siteId ? await this.directory.getSite(user.siteId) : null;
    return { locale, role: user.role, timeZone: site?.timeZone ?? DEFAULT_TIME_ZONE };
  }
}
