import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PublicAccess } from '../access/access.decorator';
import { OidcSignInRefused, OidcSignInService } from '../application/oidc-sign-in.service';
import { safeReturnPath } from '../domain/return-to';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import { refusalPage } from './refusal-page';
import { clearCookie, cookieOf, setCookie } from './session-cookie';
import { SessionCookies } from './session-cookies';

/** Binds a sign-in to the browser that began it. Lax: it must come back on the provider's redirect. */
const ATTEMPT_COOKIE = 'pepite_oidc_attempt';
const ATTEMPT_COOKIE_PATH = '/auth/oidc';

/**
 * OpenID Connect sign-in and what the sign-in pages need to know. Public for the access
 * guard: these routes are how someone without a session gets one.
 */
@Controller('auth')
@PublicAccess()
export class OidcController {
  constructor(
    private readonly signIn: OidcSignInService,
    private readonly cookies: SessionCookies,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /** What the console's and the desktop's sign-in pages offer. */
  @Get('options')
  signInOptions(): { passwordLogin: boolean; oidc: { name: string } | null } {
    const name = this.signIn.providerName;
    return { passwordLogin: this.options.passwordLogin?.enabled ?? true, oidc: name ? { name } : null };
  }

  @Get('oidc/login')
  async login(@Query('returnTo') returnTo: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    let begun: Awaited<ReturnType<OidcSignInService['begin']>>;
    try {
      begun = await this.signIn.begin(safeReturnPath(returnTo));
    } catch (error) {
      if (!(error instanceof OidcSignInRefused)) throw error;
      response.status(503).type('html').send(refusalPage(error.reason, error.returnTo));
      return;
    }
    const { redirect, browserBinding } = begun;
    setCookie(request, response, ATTEMPT_COOKIE, browserBinding, {
      path: ATTEMPT_COOKIE_PATH,
      maxAgeSeconds: 600,
      sameSite: 'lax',
      alwaysSecure: this.options.sessions?.alwaysSecure ?? false,
    });
    response.redirect(302, redirect.toString());
  }

  @Get('oidc/callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    const query = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
    const binding = cookieOf(request, ATTEMPT_COOKIE);
    clearCookie(request, response, ATTEMPT_COOKIE, ATTEMPT_COOKIE_PATH, this.options.sessions?.alwaysSecure ?? false);
    try {
      const signedIn = await this.signIn.complete(query, binding);
      this.cookies.write(request, response, signedIn.refreshToken);
      response.redirect(302, signedIn.returnTo);
    } catch (error) {
      if (!(error instanceof OidcSignInRefused)) throw error;
      const status = error.reason === 'unreachable' ? 503 : error.reason === 'state' || error.reason === 'code' ? 400 : 403;
      response.status(status).type('html').send(refusalPage(error.reason, error.returnTo));
    }
  }
}
