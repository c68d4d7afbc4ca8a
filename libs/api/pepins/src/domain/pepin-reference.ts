/** `PEP-000123`: the number people say on the phone. Six digits at least, more when needed. */
export function pepinReference(number: number | string | bigint): string {
  const digits = String(number);
  if (!/^[1-9]\d*$/.test(digits)) throw new Error(`not a pépin number: ${digits}`);
  return `PEP-${digits.padStart(6, '0')}`;
}

/** The number behind a reference, or null when the text is not one (`pep-123` is accepted). */
export function pepinNumberOf(reference: string): string | null {
  const match = /^PEP-(\d{6,18})$/i.exec(reference.trim());
  if (!match?.[1]) return null;
  const digits = match[1].replace(/^0+/, '');
  return digits === '' ? null : digits;
}
