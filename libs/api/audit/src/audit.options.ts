export interface AuditOptions {
  /**
   * The id of the request being served, if any (the composition root reads it from its
   * request context; a library cannot). Called by `AuditLog.record` when the caller gives
   * no `requestId`. Omitted: entries get a request id only when callers pass one.
   */
  readonly currentRequestId?: () => string | null | undefined;
}

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');
