/**
 * The canonical IANA name of a time zone ("europe/paris" → "Europe/Paris"), or null when the
 * runtime does not know it. Offsets such as "+01:00" are refused: a site follows a place's
 * daylight-saving rules, which only a named zone carries.
 */
export function canonicalTimeZone(value: string): string | null {
  const candidate = value.trim();
  if (!/^[A-Za-z]/.test(candidate)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: candidate }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
