import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ConfigurationError } from './configuration-error';
import { BooleanSetting, IntSetting } from './setting-decorators';
import type { Environment } from './environment';

/** Sessions, password sign-in and OpenID Connect (docs/sso.md); `Environment` extends it. */
export class SingleSignOnSettings {
  /** How long one sign-in's refresh cookie lasts, however active (a 10-hour shift plus margin). */
  @IntSetting(1, 720)
  SESSION_LIFETIME_HOURS = 12;

  /** A refresh cookie unused this long is refused (a lunch break with the screen locked fits). */
  @IntSetting(5, 43200)
  SESSION_IDLE_MINUTES = 180;

  /** `off`: only the break-glass admins may sign in with a password (needs OIDC_ISSUER). */
  @IsIn(['on', 'off'])
  PASSWORD_LOGIN: 'on' | 'off' = 'on';

  /** Comma-separated e-mails of the admins who keep password sign-in when PASSWORD_LOGIN=off. */
  @IsOptional()
  @Matches(/^\s*[^,\s@]+@[^,\s@]+\s*(,\s*[^,\s@]+@[^,\s@]+\s*)*$/, {
    message: '$property must be a comma-separated list of e-mail addresses',
  })
  PASSWORD_BREAK_GLASS_ADMINS?: string;

  /** The OpenID provider's issuer URL (its /.well-known/openid-configuration is read from there); unset: no SSO. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: '$property must be an http(s) URL (the issuer of the provider)' })
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** The API's /auth/oidc/callback as the provider sees it (registered at the provider). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+\/auth\/oidc\/callback$/, {
    message: '$property must be the absolute URL of /auth/oidc/callback',
  })
  OIDC_REDIRECT_URI?: string;

  @Matches(/(^|\s)openid(\s|$)/, { message: '$property must include openid' })
  OIDC_SCOPES = 'openid profile email';

  /** The claim listing the person's groups: `groups`, or `roles` for Entra ID app roles. */
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: '$property must be a claim name' })
  OIDC_GROUPS_CLAIM = 'groups';

  /** Plain-http issuer on a loopback address (development, tests); refused in production. */
  @BooleanSetting()
  OIDC_ALLOW_HTTP = false;

  /** The name on the sign-in button (« Se connecter avec … »); default: the issuer's host. */
  @IsOptional()
  @IsString()
  OIDC_PROVIDER_NAME?: string;
}

/** OIDC settings go together; plain http only on loopback, only outside production. */
export function checkSingleSignOn(env: Environment): void {
  if (env.NODE_ENV === 'production' && env.OIDC_ALLOW_HTTP) {
    throw new ConfigurationError('OIDC_ALLOW_HTTP must be off in production (the provider must be reached over https)');
  }
  if (env.PASSWORD_LOGIN === 'off' && !env.OIDC_ISSUER) {
    throw new ConfigurationError(
      'PASSWORD_LOGIN=off needs OIDC_ISSUER: nobody but the break-glass admins could sign in',
    );
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
