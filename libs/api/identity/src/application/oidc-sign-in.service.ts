import { createHash, randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { groupsFromClaims } from '../domain/group-mapping';
import { IdentityErrors } from '../identity.errors';
import { OidcLoginAttemptEntity } from '../persistence/oidc-login-attempt.entity';
import { AccountChanges } from './account-changes';
import { IdentityAuditTrail } from './identity-audit-trail';
import { OidcRelyingParty, ProviderAnswerRefused, type ProviderRefusal } from './oidc-relying-party';
import { provision, reapplyMappings } from './oidc-provisioning';
import { SessionService } from './session.service';

/** How long a sign-in may stay at the provider (login page, MFA) before its state is refused. */
const ATTEMPT_MINUTES = 10;

export type SignInRefusal = 'state' | ProviderRefusal | 'unmapped' | 'deactivated' | 'email_taken' | 'overage';

export class OidcSignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    readonly returnTo: string,
  ) {
    super(`OpenID sign-in refused: ${reason}`);
  }
}

export interface OidcSignedIn {
  readonly userId: string;
  readonly refreshToken: string;
  readonly returnTo: string;
}

/**
 * The two legs of an OpenID sign-in. `begin` remembers state, nonce and PKCE verifier in
 * PostgreSQL (any instance may receive the callback) and binds them to the browser with a
 * random value whose hash is stored; `complete` consumes them once, has the provider's
 * answer verified, provisions the account and starts a cookie session.
 */
@Injectable()
export class OidcSignInService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relyingParty: OidcRelyingParty,
    private readonly sessions: SessionService,
    private readonly audit: IdentityAuditTrail,
    private readonly changes: AccountChanges,
  ) {}

  onModuleInit(): void {
    // A group change at the provider is seen at the next sign-in; a mapping change by an admin at the next refresh.
    this.sessions.addRefreshCheck(async (userId, method, manager) => {
      if (method !== 'oidc') return;
      if (!(await reapplyMappings(manager, userId, this.audit))) throw IdentityErrors.sessionEnded();
    });
  }

  get providerName(): string | null {
    return this.relyingParty.options?.providerName ?? null;
  }

  async begin(returnTo: string): Promise<{ redirect: URL; browserBinding: string }> {
    if (!this.relyingParty.options) throw IdentityErrors.oidcNotConfigured();
    const checks = await this.relyingParty.randomChecks();
    const browserBinding = randomBytes(32).toString('base64url');
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(OidcLoginAttemptEntity)
      .where(`created_at < now() - make_interval(mins => :minutes)`, { minutes: ATTEMPT_MINUTES })
      .execute();
    await this.dataSource.getRepository(OidcLoginAttemptEntity).insert({
      state: checks.state,
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
      browserBindingHash: hashOf(browserBinding),
      returnTo,
    });
    try {
      return { redirect: await this.relyingParty.authorizationUrl(checks), browserBinding };
    } catch (error) {
      // A wrong issuer or a provider down: a clear page, never a 500.
      return this.refuse('unreachable', returnTo, { detail: error instanceof Error ? error.message.slice(0, 300) : String(error) });
    }
  }

  async complete(query: URLSearchParams, browserBinding: string | null): Promise<OidcSignedIn> {
    const state = query.get('state');
    const attempt = state ? await this.consume(state) : null;
    if (!attempt || !browserBinding || attempt.browserBindingHash !== hashOf(browserBinding)) {
      return this.refuse('state', '/', { state: state ?? null, known: Boolean(attempt) });
    }
    const returnTo = attempt.returnTo;
    if (query.has('error')) return this.refuse('provider', returnTo, { error: query.get('error')?.slice(0, 100) ?? null });
    let identity;
    try {
      identity = await this.relyingParty.finish(query.toString(), attempt);
    } catch (error) {
      if (!(error instanceof ProviderAnswerRefused)) throw error;
      return this.refuse(error.reason, returnTo, { detail: error.message.slice(0, 300) });
    }
    const options = this.relyingParty.options;
    const groups = groupsFromClaims(identity.claims, options?.groupsClaim ?? 'groups');
    if (groups === 'overage') return this.refuse('overage', returnTo, { subject: identity.subject });
    const outcome = await this.dataSource.transaction(async (manager) => {
      const result = await provision(
        manager,
        {
          issuer: identity.issuer,
          subject: identity.subject,
          email: stringClaim(identity.claims['email']),
          name: stringClaim(identity.claims['name']),
          groups,
        },
        this.audit,
      );
      if (result.kind === 'refused') return result;
      return { ...result, refreshToken: await this.sessions.start(result.userId, 'oidc', manager) };
    });
    // The provider's groups may have given a new role, site or team, or ended the account.
    if (outcome.userId) this.changes.committed(outcome.userId);
    if (outcome.kind === 'refused') {
      return this.refuse(outcome.reason, returnTo, { subject: identity.subject, groups: [...groups].slice(0, 50) }, outcome.userId);
    }
    return { userId: outcome.userId, refreshToken: outcome.refreshToken, returnTo };
  }

  /** Good once: deleted as it is read, so a replayed callback finds nothing. */
  private async consume(state: string): Promise<OidcLoginAttemptEntity | null> {
    const rows: OidcLoginAttemptEntity[] = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(OidcLoginAttemptEntity)
      .where('state = :state AND created_at >= now() - make_interval(mins => :minutes)', { state, minutes: ATTEMPT_MINUTES })
      .returning('*')
      .execute()
      .then((result) => (result.raw as Record<string, string>[]).map(toAttempt));
    return rows[0] ?? null;
  }

  private async refuse(reason: SignInRefusal, returnTo: string, details: Record<string, unknown>, userId?: string): Promise<never> {
    await this.audit.record({
      actorRole: 'SYSTEM',
      action: 'OIDC_SIGN_IN_REFUSED',
      subjectType: userId ? 'USER' : 'OIDC_SIGN_IN',
      subjectId: userId ?? reason,
      summary: {
        fr: `Connexion par le fournisseur d’identité refusée (${reason}).`,
        en: `Sign-in through the identity provider refused (${reason}).`,
      },
      details: { reason, ...details },
    });
    throw new OidcSignInRefused(reason, returnTo);
  }
}

function toAttempt(raw: Record<string, string>): OidcLoginAttemptEntity {
  return Object.assign(new OidcLoginAttemptEntity(), {
    state: raw['state'],
    nonce: raw['nonce'],
    codeVerifier: raw['code_verifier'],
    browserBindingHash: raw['browser_binding_hash'],
    returnTo: raw['return_to'],
  });
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
