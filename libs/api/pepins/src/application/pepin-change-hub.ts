import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IdSignalHub } from '@pepite/api/database';
import { PEPIN_CHANGES_CHANNEL } from '../persistence/pepin-change-signal';

const logger = new Logger('PepinChangeHub');

/**
 * Which pépin to read again: the pépin writers signal its id after commit
 * (`signalPepinChanged`); the page's usual query, with its usual access rules, stays the
 * truth (see `IdSignalHub`).
 */
@Injectable()
export class PepinChangeHub extends IdSignalHub {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, {
      channel: PEPIN_CHANGES_CHANNEL,
      applicationName: 'pepite-pepin-changes-listener',
      // A page left open is refreshed at least this often if the listener died unseen.
      safetyPollMs: 60_000,
      warn: (message) => logger.warn(message),
    });
  }
}
