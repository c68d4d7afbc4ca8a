import { ConfigurationError } from './configuration-error';
import type { Environment } from './environment';

/** OIDC settings go together; plain http only on loopback, only outside production. */
export function checkSingleSignOn(env: Environment): void {
  if (env.NODE_ENV === 'production' && env.OIDC_ALLOW_HTTP) {
    throw new ConfigurationError('OIDC_ALLOW_HTTP must be off in production (the provider must be reached over https)');
  }
  if (env.PASSWORD_LOGIN === 'off' && !env.OIDC_ISSUER) {
    throw new ConfigurationError('PASSWORD_LOGIN=off needs OIDC_ISSUER: nobody but the break-glass admins could sign in');
  }
  if (!env.OIDC_ISSUER) return;
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const) {
    if (!env[name]) throw new ConfigurationError(`${name} must be set when OIDC_ISSUER is`);
  }
  for (const name of ['OIDC_ISSUER', 'OIDC_REDIRECT_URI'] as const) {
    const url = URL.canParse(env[name] ?? '') ? new URL(env[name] ?? '') : null;
    if (!url) throw new ConfigurationError(`${name} is not a valid URL (got ${JSON.stringify(env[name])})`);
    if (url.protocol === 'https:') continue;
    if (!env.OIDC_ALLOW_HTTP || !isLoopback(url.hostname)) {
      throw new ConfigurationError(
        `${name} must be an https URL (plain http only on a loopback address with OIDC_ALLOW_HTTP=1) (got ${JSON.stringify(env[name])})`,
      );
    }
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
