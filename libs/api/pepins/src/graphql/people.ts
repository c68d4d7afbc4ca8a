import { Injectable } from '@nestjs/common';
import type { Locale } from '@pepite/api/errors';
import { UserDirectoryService } from '@pepite/api/identity';
import { PepinActorRole } from '../domain/pepin-lifecycle';
import { RequestBatcher } from '@pepite/api/graphql-kit';
import { SignedAuthorType } from './pepin.type';

const ROLE_LABELS: Record<PepinActorRole, Record<Locale, string>> = {
  [PepinActorRole.REPORTER]: { fr: 'Rapporteur', en: 'Reporter' },
  [PepinActorRole.OPERATOR]: { fr: 'Opérateur', en: 'Operator' },
  [PepinActorRole.MANAGER]: { fr: 'Manager', en: 'Manager' },
  [PepinActorRole.ADMIN]: { fr: 'Administrateur', en: 'Administrator' },
  [PepinActorRole.SYSTEM]: { fr: 'Système', en: 'System' },
};

export function roleLabel(role: PepinActorRole, locale: Locale): string {
  return ROLE_LABELS[role][locale];
}

/** Names of people who may be named (signed operators, managers), batched per request. */
@Injectable()
export class People {
  constructor(
    private readonly batcher: RequestBatcher,
    private readonly directory: UserDirectoryService,
  ) {}

  async author(context: object, userId: string | null): Promise<SignedAuthorType | null> {
    if (userId === null) return null;
    // After the other batches: reporters, supporters and history actors of a page in one query.
    const user = await this.batcher.load(
      context,
      'people',
      userId,
      async (ids) => {
        const users = await this.directory.getUsers(ids);
        return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
      },
      { afterOthers: true },
    );
    return user ? Object.assign(new SignedAuthorType(), user) : null;
  }
}
