import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, type JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { freePort } from '@pepite/api/database';

export interface ProviderAccount {
  email?: string;
  name?: string;
  groups: string[];
}

/** How the next ID token from the token endpoint is altered (signed again with the provider's own key). */
export type IdTokenTampering = { readonly aud?: string; readonly iss?: string; readonly expiredSecondsAgo?: number };

export interface OidcTestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** People who can sign in (any password), by subject; change their groups between sign-ins. */
  readonly accounts: Map<string, ProviderAccount>;
  /** Alters the ID token of the next code exchanges until reset with `null`. */
  tamper(change: IdTokenTampering | null): void;
  close(): Promise<void>;
}

/**
 * A real, certified OpenID provider (`oidc-provider`, in process, on 127.0.0.1) with its
 * development login and consent pages. One confidential client, `pepite`, registered with
 * `redirectUri`. Its warning about Node 20 is expected.
 */
export async function startOidcTestProvider(redirectUri: string): Promise<OidcTestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, ProviderAccount>();
  let tampering: IdTokenTampering | null = null;
  const clientSecret = 'pepite-test-client-secret-0123456789';
  const configuration: Configuration = {
    clients: [
      {
        client_id: 'pepite',
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    // The groups ride on the openid scope, so the ID token carries them (as Entra and Okta can be set to do).
    claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: true, name: account.name, groups: [...account.groups] }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
    await next();
    if (ctx.path !== '/token' || !tampering || !ctx.body || typeof ctx.body !== 'object') return;
    const body = ctx.body as { id_token?: string };
    if (!body.id_token) return;
    const claims = decodeJwt(body.id_token);
    const now = Math.floor(Date.now() / 1000);
    const altered = {
      ...claims,
      ...(tampering.aud ? { aud: tampering.aud } : {}),
      ...(tampering.iss ? { iss: tampering.iss } : {}),
      ...(tampering.expiredSecondsAgo ? { iat: now - 3600, exp: now - tampering.expiredSecondsAgo } : {}),
    };
    body.id_token = await new SignJWT(altered).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId: 'pepite',
    clientSecret,
    accounts,
    tamper: (change) => {
      tampering = change;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The API's settings for this provider. */
export function oidcSettings(provider: OidcTestProvider, apiPort: number): Record<string, string> {
  return {
    PORT: String(apiPort),
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_REDIRECT_URI: `http://127.0.0.1:${apiPort}/auth/oidc/callback`,
    OIDC_ALLOW_HTTP: '1',
    OIDC_PROVIDER_NAME: 'Fournisseur de test',
  };
}
