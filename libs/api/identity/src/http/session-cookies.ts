import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DEFAULT_SESSION_OPTIONS, IDENTITY_OPTIONS, type IdentityOptions, type SessionOptions } from '../identity.options';
import { clearCookie, cookieOf, SESSION_COOKIE, SESSION_COOKIE_PATH, setCookie } from './session-cookie';

/** Reads and writes the refresh-token cookie with the configured lifetime and security. */
@Injectable()
export class SessionCookies {
  private readonly options: SessionOptions;

  constructor(@Inject(IDENTITY_OPTIONS) options: IdentityOptions) {
    this.options = options.sessions ?? DEFAULT_SESSION_OPTIONS;
  }

  read(request: Request): string | null {
    return cookieOf(request, SESSION_COOKIE);
  }

  write(request: Request, response: Response, refreshToken: string): void {
    setCookie(request, response, SESSION_COOKIE, refreshToken, {
      path: SESSION_COOKIE_PATH,
      maxAgeSeconds: this.options.lifetimeHours * 3600,
      sameSite: 'strict',
      alwaysSecure: this.options.alwaysSecure,
    });
  }

  clear(request: Request, response: Response): void {
    clearCookie(request, response, SESSION_COOKIE, SESSION_COOKIE_PATH, this.options.alwaysSecure);
  }
}
