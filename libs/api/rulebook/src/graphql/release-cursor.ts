import { RulebookGraphqlErrors } from './rulebook-graphql.errors';

const PREFIX = 'release:';

/** Opaque to clients; a release's version underneath. */
export function releaseCursor(version: number): string {
  return Buffer.from(`${PREFIX}${version}`).toString('base64url');
}

export function versionOfCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = /^release:([1-9]\d{0,9})$/.exec(text);
  const version = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(version) || releaseCursor(version) !== cursor)
    throw RulebookGraphqlErrors.invalidCursor();
  return version;
}
