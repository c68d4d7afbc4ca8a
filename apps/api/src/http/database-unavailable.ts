/** SQLSTATEs of a server shutting down, starting up or out of connection slots. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated/;

/**
 * The database cannot serve right now (pool exhausted on a busy machine, a restart, a lost
 * connection): the caller should try again shortly. That is SERVICE_UNAVAILABLE, not a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driverError = typeof error === 'object' && error !== null ? (error as { driverError?: unknown }).driverError : undefined;
  return [error, driverError].some((candidate) => {
    if (!(candidate instanceof Error)) return false;
    const code = (candidate as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || code === 'ECONNREFUSED' || code === 'ECONNRESET')) {
      return true;
    }
    return UNAVAILABLE_MESSAGES.test(candidate.message);
  });
}
