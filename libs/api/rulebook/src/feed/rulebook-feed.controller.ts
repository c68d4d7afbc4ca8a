import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommonErrors } from '@pepite/api/errors';
import { PublicAccess } from '@pepite/api/identity';
import { publicKeyInfo } from '../domain/signing-key';
import { ReleaseCatalog, type SnapshotEncoding, type StoredSnapshot } from '../application/release-catalog.service';
import { RulebookEventHub } from '../application/rulebook-event-hub';
import { RulebookErrors } from '../rulebook.errors';
import { RULEBOOK_OPTIONS, type RulebookOptions } from '../rulebook.options';
import { matchesEtag, negotiateEncoding } from './content-encoding';
import { EVENT_STREAM_HEADERS, streamEvents } from './event-stream';
import { FeedReaderGuard } from './feed-reader.guard';
import { LiveStreams } from './live-streams';
import { changesHeaders, encodedChanges } from './changes-encoding';
import { immutableCacheControl, snapshotBodyHeaders, snapshotHeaders } from './snapshot-headers';

const VERSION = /^\d{1,9}$/;
/** On an answer in another encoding than the brotli it will have once its job has run. */
const BROTLI_PENDING = 'X-Rulebook-Encoding-Pending';

/**
 * The public feed contract (docs/design.md, "The rulebook feed"). Snapshots go out as the bytes stored at
 * publication, in the encoding the client accepts; nothing is serialised on a read.
 * Access: `@PublicAccess()` lets the global guard resolve a token without demanding one;
 * FeedReaderGuard then requires a signed-in user unless the feed is configured public.
 */
@Controller('api/rulebook')
@PublicAccess()
@UseGuards(FeedReaderGuard)
export class RulebookFeedController {
  constructor(
    private readonly catalog: ReleaseCatalog,
    private readonly hub: RulebookEventHub,
    private readonly streams: LiveStreams,
    @Inject(RULEBOOK_OPTIONS) private readonly options: RulebookOptions,
  ) {}

  @Get('releases/latest')
  async latest(@Req() request: Request, @Res() response: Response): Promise<void> {
    const release = await this.catalog.latestRelease();
    await this.sendSnapshot(request, response, release.version, 'no-cache');
  }

  @Get('releases/:version')
  async byVersion(
    @Param('version') version: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.sendSnapshot(request, response, parseVersion(version), immutableCacheControl(this.options.publicFeed));
  }

  @Get('changes')
  async changes(@Query('since') since: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const version = parseVersion(since);
    const negotiated = acceptedEncoding(request);
    const { bytes, encoding } = encodedChanges(await this.catalog.changesSince(version), negotiated);
    response.set(changesHeaders(bytes, encoding)).end(bytes);
  }

  @Get('advisories')
  async advisories(@Res() response: Response): Promise<void> {
    response.set('Cache-Control', 'no-cache').json(await this.catalog.activeAdvisories());
  }

  @Get('events')
  async events(@Req() request: Request, @Res() response: Response): Promise<void> {
    // A stopping instance takes no new stream: 503, which a proxy retries on another instance.
    if (!this.hub.acceptsStreams) throw CommonErrors.unavailable();
    // Usually answered by FeedFastPath before Express; here for a token not yet in memory.
    response.writeHead(200, EVENT_STREAM_HEADERS);
    const lastEventId =
      request.header('last-event-id') ??
      (typeof request.query['lastEventId'] === 'string' ? request.query['lastEventId'] : undefined);
    await streamEvents(request, response, this.hub, this.streams, {
      retryMs: this.options.sseRetryMilliseconds,
      lastEventId,
    });
  }

  @Get('public-key')
  publicKey(@Res() response: Response): void {
    const current = publicKeyInfo(this.options.signingKey);
    // During a key rotation, the keys that signed earlier releases and advisories.
    const previous = (this.options.previousPublicKeys ?? [])
      .map(publicKeyInfo)
      .filter((key) => key.keyId !== current.keyId);
    response
      .set('Cache-Control', 'public, max-age=3600')
      .json(previous.length > 0 ? { ...current, previous } : current);
  }

  private async sendSnapshot(
    request: Request,
    response: Response,
    version: number,
    cacheControl: string,
  ): Promise<void> {
    const acceptEncoding = request.header('accept-encoding');
    let encoding = acceptedEncoding(request);
    let brotliPending = false;
    if (encoding === 'br') {
      // Brotli is made after the commit: until then, the best of what the release has.
      const stored = await this.catalog.storedEncodings(version);
      if (!stored.includes('br')) {
        brotliPending = true;
        encoding = negotiateEncoding(acceptEncoding, stored) ?? throwNoAcceptableEncoding(acceptEncoding);
      }
    }
    const snapshot: StoredSnapshot = await this.catalog.snapshot(version, encoding);
    const headers = snapshotHeaders(snapshot.release, cacheControl);
    response.set(headers);
    // Tells deploy/nginx/pepite.conf not to store this answer: the same request gets brotli soon.
    if (brotliPending) response.set(BROTLI_PENDING, 'br');
    if (matchesEtag(request.header('if-none-match'), headers['ETag'] as string)) {
      response.status(304).end();
      return;
    }
    response.set(snapshotBodyHeaders(snapshot)).status(200).end(snapshot.body);
  }
}

function acceptedEncoding(request: Request): SnapshotEncoding {
  const acceptEncoding = request.header('accept-encoding');
  return negotiateEncoding(acceptEncoding) ?? throwNoAcceptableEncoding(acceptEncoding);
}

function throwNoAcceptableEncoding(acceptEncoding: string | undefined): never {
  throw RulebookErrors.noAcceptableEncoding({ acceptEncoding: acceptEncoding ?? '' });
}

function parseVersion(value: unknown): number {
  if (typeof value !== 'string' || !VERSION.test(value))
    throw RulebookErrors.invalidVersion({ value: String(value ?? '') });
  return Number(value);
}
