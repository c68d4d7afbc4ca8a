import { Injectable } from '@nestjs/common';

/**
 * Account changes this process has just committed (a deactivation, a new role, site or team,
 * a provider's groups applied again), told at once to what keeps accounts in memory here.
 *
 * Every instance hears of every change through PostgreSQL's NOTIFY (ActivePrincipals), but
 * that notification reaches this process on its listening connection some time after the
 * writer's own commit: the admin's "deactivate" could be answered, and the deactivated
 * person's next request served from the old entry, before it arrived (seen in CI on
 * PostgreSQL 15: `identity.e2e-spec`, "revokes the user's tokens at once"). Writers call
 * `committed` after their transaction commits and before they answer, so a change is in
 * effect on the instance that made it before anyone learns it was made.
 */
@Injectable()
export class AccountChanges {
  private readonly listeners = new Set<(userId: string) => void>();
  private readonly revocationListeners = new Set<(userId: string) => void>();

  /** Called with the id of each account changed and committed by this process. */
  onCommitted(listener: (userId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After the commit of a change to this account, before the change's caller is answered. */
  committed(userId: string): void {
    for (const listener of this.listeners) listener(userId);
  }

  /**
   * Called with a user's id once their deactivation is committed in this process: long-lived
   * connections close at once (other instances notice at their next re-check).
   */
  onRevoked(listener: (userId: string) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  /** After the commit of a deactivation: a change to the account that also ends its access. */
  revoked(userId: string): void {
    this.committed(userId);
    for (const listener of this.revocationListeners) listener(userId);
  }
}
