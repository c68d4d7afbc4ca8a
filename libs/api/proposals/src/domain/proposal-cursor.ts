/** The `after` cursor of the proposals list: the last proposal's number, opaque to clients. */
export function encodeProposalCursor(number: string): string {
  return Buffer.from(`proposal:${number}`, 'utf8').toString('base64url');
}

export function decodeProposalCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^proposal:([1-9]\d{0,18})$/.exec(text);
  if (!match) return null;
  return encodeProposalCursor(match[1]) === cursor ? match[1] : null;
}
