import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@pepite/api/database';
import { judgeRefreshToken } from '../domain/session-policy';
import { IdentityErrors } from '../identity.errors';
import { DEFAULT_SESSION_OPTIONS, IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { UserEntity } from '../persistence/user.entity';
import { AccessTokenService, type IssuedToken } from './access-token.service';
import { AccountChanges } from './account-changes';
import { IdentityAuditTrail } from './identity-audit-trail';

export interface RenewedSession extends IssuedToken {
  readonly userId: string;
  /** The new refresh token: the cookie is rewritten with it. */
  readonly refreshToken: string;
}

/** Called once a refresh has checked the account, before the new token is issued: a refusal ends the family. */
export type RefreshCheck = (userId: string, method: 'password' | 'oidc', manager: EntityManager) => Promise<void>;

/**
 * Refresh-token sessions: a sign-in starts a family; each refresh replaces its token with a
 * new one (rotation); a replaced token presented again revokes the family (reuse detection).
 */
@Injectable()
export class SessionService {
  private readonly policy: IdentityOptions['sessions'] & object;
  private readonly checks: RefreshCheck[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenService,
    private readonly clock: Clock,
    private readonly audit: IdentityAuditTrail,
    private readonly changes: AccountChanges,
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
  ) {
    this.policy = options.sessions ?? DEFAULT_SESSION_OPTIONS;
  }

  /** Checks a refresh must pass besides the token itself (OIDC: the person's groups still map). */
  addRefreshCheck(check: RefreshCheck): void {
    this.checks.push(check);
  }

  /** A new family for a user who just signed in; returns its first refresh token. */
  async start(userId: string, method: 'password' | 'oidc', manager: EntityManager = this.dataSource.manager): Promise<string> {
    const token = newToken();
    const now = this.clock.now();
    await manager.insert(AuthSessionEntity, {
      familyId: randomUUID(),
      userId,
      tokenHash: hashOf(token),
      method,
      familyStartedAt: now,
      issuedAt: now,
      replacedAt: null,
      revokedAt: null,
    });
    return token;
  }

  /** Exchanges a refresh token for an access token and the next refresh token. */
  async refresh(refreshToken: string): Promise<RenewedSession> {
    /** The account the refresh checks ran on: they may have changed it (OIDC: mappings applied again). */
    let checkedUser: string | undefined;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(AuthSessionEntity, {
        where: { tokenHash: hashOf(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { refused: true as const };
      const now = this.clock.now();
      const verdict = judgeRefreshToken(row, now, this.policy);
      if (verdict === 'reused') {
        await this.revokeFamily(row.familyId, now, manager);
        await this.audit.record(
          {
            actorRole: 'SYSTEM',
            action: 'SESSION_REUSE_DETECTED',
            subjectType: 'USER',
            subjectId: row.userId,
            summary: {
              fr: 'Un jeton de session déjà remplacé a été présenté de nouveau : toute la session est révoquée.',
              en: 'A session token that had already been replaced was presented again: the whole session is revoked.',
            },
            details: { familyId: row.familyId },
          },
          manager,
        );
        return { refused: true as const };
      }
      if (verdict !== 'valid') return { refused: true as const };
      const user = await manager.findOneBy(UserEntity, { id: row.userId, active: true });
      if (!user) {
        await this.revokeFamily(row.familyId, now, manager);
        return { refused: true as const };
      }
      if (this.checks.length > 0) checkedUser = row.userId;
      try {
        for (const check of this.checks) await check(row.userId, row.method, manager);
      } catch (refusal) {
        await this.revokeFamily(row.familyId, now, manager);
        return { refused: true as const, error: refusal };
      }
      const next = newToken();
      await manager.update(AuthSessionEntity, { id: row.id }, { replacedAt: now });
      await manager.insert(AuthSessionEntity, {
        familyId: row.familyId,
        userId: row.userId,
        tokenHash: hashOf(next),
        method: row.method,
        familyStartedAt: row.familyStartedAt,
        issuedAt: now,
        replacedAt: null,
        revokedAt: null,
      });
      return { refused: false as const, userId: row.userId, refreshToken: next };
    });
    if (checkedUser !== undefined) this.changes.committed(checkedUser);
    // The transaction commits the revocation before the refusal is thrown.
    if (outcome.refused) throw outcome.error ?? IdentityErrors.sessionEnded();
    return { ...(await this.tokens.issue(outcome.userId)), userId: outcome.userId, refreshToken: outcome.refreshToken };
  }

  /** Signs out: the family of this token ends (whatever state the token is in). */
  async logout(refreshToken: string): Promise<void> {
    const row = await this.dataSource.getRepository(AuthSessionEntity).findOneBy({ tokenHash: hashOf(refreshToken) });
    if (row) await this.revokeFamily(row.familyId, this.clock.now(), this.dataSource.manager);
  }

  /** Every session of a user ends at once (deactivation, a refusal at sign-in). */
  async revokeAllFor(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(AuthSessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private async revokeFamily(familyId: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.update(AuthSessionEntity, { familyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}

/** 256 random bits, URL-safe: what the cookie carries. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
