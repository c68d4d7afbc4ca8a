import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublicAccess } from '@pepite/api/identity';
import { MailPreferences } from '../application/mail/mail-preferences.service';
import { confirmPage, donePage, invalidPage } from './unsubscribe-page';

/**
 * The `List-Unsubscribe` target (RFC 8058). `@PublicAccess()`: it is opened from a mail
 * client, signed out; the signed token in the link is the authority, and it can only turn
 * its own person's e-mail off. GET only shows a confirmation (link scanners open links);
 * POST, as mail clients send for one-click, unsubscribes.
 */
@Controller('api/mail/unsubscribe')
@PublicAccess()
export class MailUnsubscribeController {
  constructor(private readonly preferences: MailPreferences) {}

  @Get()
  async confirm(@Query('token') token: unknown, @Res() response: Response): Promise<void> {
    const locale = typeof token === 'string' ? await this.preferences.localeOfLink(token) : null;
    response.set('Cache-Control', 'no-store').type('html');
    if (!locale || typeof token !== 'string') {
      response.status(400).send(invalidPage());
      return;
    }
    response.status(200).send(confirmPage(locale, token));
  }

  @Post()
  @HttpCode(200)
  async unsubscribe(@Query('token') token: unknown, @Res() response: Response): Promise<void> {
    response.set('Cache-Control', 'no-store').type('html');
    const locale = typeof token === 'string' ? await this.preferences.localeOfLink(token) : null;
    if (!locale || typeof token !== 'string') {
      response.status(400).send(invalidPage());
      return;
    }
    const done = await this.preferences.unsubscribe(token);
    response.status(200).send(donePage(done.locale, done.digest));
  }
}
