import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PublicAccess } from '../access/access.decorator';
import { SessionService } from '../application/session.service';
import { IdentityErrors } from '../identity.errors';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import { isSameOriginSessionRequest } from './csrf';
import { SessionCookies } from './session-cookies';

/**
 * Silent renewal for the console and the desktop. Public for the access guard: the
 * credential is the refresh cookie (no bearer token, which has usually just expired),
 * checked here, with the CSRF defence of `isSameOriginSessionRequest`.
 */
@Controller('auth')
@PublicAccess()
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly cookies: SessionCookies,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<{ accessToken: string; expiresAt: string }> {
    response.setHeader('Cache-Control', 'no-store');
    if (!isSameOriginSessionRequest(request, this.options.trustedOrigins ?? [])) throw IdentityErrors.csrfRefused();
    const token = this.cookies.read(request);
    if (!token) throw IdentityErrors.sessionEnded();
    try {
      const renewed = await this.sessions.refresh(token);
      this.cookies.write(request, response, renewed.refreshToken);
      return { accessToken: renewed.accessToken, expiresAt: renewed.expiresAt.toISOString() };
    } catch (refusal) {
      this.cookies.clear(request, response);
      throw refusal;
    }
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (!isSameOriginSessionRequest(request, this.options.trustedOrigins ?? [])) throw IdentityErrors.csrfRefused();
    const token = this.cookies.read(request);
    if (token) await this.sessions.logout(token);
    this.cookies.clear(request, response);
  }
}
