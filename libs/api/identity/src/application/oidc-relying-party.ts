import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { IDENTITY_OPTIONS, type IdentityOptions, type OidcOptions } from '../identity.options';

type OpenIdClient = typeof import('openid-client');

/**
 * openid-client 6 is an ES module only; the API is CommonJS. Node 20.19+ loads it through
 * require(), which is what this dynamic import becomes once compiled; loaded on first use.
 */
let openIdClient: Promise<OpenIdClient> | undefined;
function openid(): Promise<OpenIdClient> {
  openIdClient ??= import('openid-client');
  return openIdClient;
}

/** Why the provider's answer was refused, for the refusal page and the audit line. */
export type ProviderRefusal = 'nonce' | 'audience' | 'issuer' | 'expired' | 'code' | 'provider' | 'unreachable';

export class ProviderAnswerRefused extends Error {
  constructor(
    readonly reason: ProviderRefusal,
    detail: string,
  ) {
    super(detail);
  }
}

export interface VerifiedIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

/**
 * The API as a confidential OpenID Connect client (client_secret_basic): authorization code
 * flow with PKCE S256, state and nonce. No token of the provider leaves this class: the
 * browser only ever holds Pépite's own cookie.
 */
@Injectable()
export class OidcRelyingParty implements OnApplicationBootstrap {
  private readonly logger = new Logger('OpenIdConnect');
  private configuration?: Promise<Configuration>;

  constructor(@Inject(IDENTITY_OPTIONS) private readonly identity: IdentityOptions) {}

  get options(): OidcOptions | undefined {
    return this.identity.oidc;
  }

  /** Reads the provider's metadata at start: a wrong issuer is one clear log line now, not a failure at the first sign-in. */
  onApplicationBootstrap(): void {
    if (!this.options) return;
    this.config().catch((error: unknown) =>
      this.logger.error(`OIDC_ISSUER ${this.options?.issuer}: the provider's discovery document cannot be read (${describe(error)}); sign-in with it will fail until it can`),
    );
  }

  async randomChecks(): Promise<{ state: string; nonce: string; codeVerifier: string }> {
    const client = await openid();
    return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  }

  async authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const options = this.required();
    const client = await openid();
    const config = await this.config();
    return client.buildAuthorizationUrl(config, {
      redirect_uri: options.redirectUri,
      scope: options.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Exchanges the code (with the PKCE verifier) and verifies the ID token: signature,
   * issuer, audience, expiry and nonce. The groups come from the ID token, else from userinfo.
   */
  async finish(query: string, checks: { state: string; nonce: string; codeVerifier: string }): Promise<VerifiedIdentity> {
    const options = this.required();
    const client = await openid();
    let config: Configuration;
    try {
      config = await this.config();
    } catch (error) {
      throw new ProviderAnswerRefused('unreachable', describe(error));
    }
    // The callback as the provider addressed it (behind a proxy the API may see another host).
    const callback = new URL(options.redirectUri);
    callback.search = query;
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new ProviderAnswerRefused('provider', 'no ID token');
      let all: Record<string, unknown> = { ...claims };
      if (!(options.groupsClaim in all) && tokens.access_token) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => null);
        if (info) all = { ...info, ...all };
      }
      return { issuer: claims.iss, subject: claims.sub, claims: all };
    } catch (error) {
      if (error instanceof ProviderAnswerRefused) throw error;
      throw new ProviderAnswerRefused(classify(error), describe(error));
    }
  }

  private required(): OidcOptions {
    if (!this.options) throw new Error('OIDC is not configured');
    return this.options;
  }

  private config(): Promise<Configuration> {
    const options = this.required();
    this.configuration ??= openid()
      .then((client) =>
        client.discovery(new URL(options.issuer), options.clientId, options.clientSecret, undefined, {
          execute: options.allowHttp ? [client.allowInsecureRequests] : [],
          timeout: 10,
        }),
      )
      .catch((error: unknown) => {
        // Not kept: the next sign-in tries the provider again.
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}

/** The reason behind openid-client's (oauth4webapi's) error: which claim failed, or the grant refused. */
function classify(error: unknown): ProviderRefusal {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const { cause, error: oauthError, code } = current as { cause?: unknown; error?: unknown; code?: unknown };
    if (oauthError === 'invalid_grant') return 'code';
    const claim = (cause as { claim?: unknown } | undefined)?.claim;
    if (claim === 'nonce') return 'nonce';
    if (claim === 'aud' || claim === 'azp') return 'audience';
    if (claim === 'iss') return 'issuer';
    if (claim === 'exp' || claim === 'iat' || claim === 'nbf') return 'expired';
    if (code === 'ECONNREFUSED' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'unreachable';
    current = cause;
  }
  return 'provider';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
