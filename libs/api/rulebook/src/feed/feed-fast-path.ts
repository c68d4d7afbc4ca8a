import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { AuthenticationService, bearerToken } from '@pepite/api/identity';
import {
  ReleaseCatalog,
  type ChangesBody,
  type SnapshotEncoding,
  type StoredSnapshot,
} from '../application/release-catalog.service';
import { RulebookEventHub } from '../application/rulebook-event-hub';
import { RULEBOOK_OPTIONS, type RulebookOptions } from '../rulebook.options';
import { changesHeaders, encodedChanges } from './changes-encoding';
import { matchesEtag, negotiateEncoding } from './content-encoding';
import { EVENT_STREAM_HEADERS, streamEvents } from './event-stream';
import { LiveStreams } from './live-streams';
import { immutableCacheControl, snapshotBodyHeaders, snapshotHeaders } from './snapshot-headers';

const LATEST = '/api/rulebook/releases/latest';
const EVENTS = '/api/rulebook/events';
const EVENT_STREAM_HEAD = Object.entries(EVENT_STREAM_HEADERS).flat();
const BY_VERSION = /^\/api\/rulebook\/releases\/(\d{1,9})$/;
const CHANGES = /^\/api\/rulebook\/changes\?since=(\d{1,9})$/;
const REQUEST_ID = /^[\w.:-]{1,64}$/;
/** Desktops send a handful of distinct Accept-Encoding values; bounded anyway. */
const NEGOTIATED_CACHE_SIZE = 64;

/** One counted answer: which route, which status, which encoding (every fast answer is counted). */
export type FeedAnswerKey = `${'latest' | 'version' | 'changes'} ${200 | 304} ${SnapshotEncoding}` | 'events 200';

/**
 * A snapshot's two answers, headers computed once per (release, encoding, route) as node:http's
 * flat lists, the common headers included: each answer copies its list and fills in the
 * request id at `REQUEST_ID_SLOT` (rebuilding the list on each 304 was a measurable share of it).
 */
interface Prepared {
  readonly etag: string;
  readonly notModified: readonly string[];
  readonly full: readonly string[];
  /** What each answer is counted as (made once: a key built per answer cost more than the count). */
  readonly notModifiedKey: FeedAnswerKey;
  readonly fullKey: FeedAnswerKey;
}

/** Where the request id goes in a prepared list: after the common headers and its own name. */
const withRequestId = (common: readonly string[], rest: readonly string[]): string[] => [...common, 'X-Request-Id', '', ...rest];

/**
 * The desktops' hot paths answered from memory before Express and Nest see the request:
 * `releases/latest` (the "anything new?" poll answered 304, and the full download),
 * `releases/:version`, `changes?since=N`, and the live event stream (`events`). On a 304, Express's routing, guards and
 * request logging cost several times what node:http itself does (bench/feed-304.mjs).
 *
 * The HTTP server calls `answered` first for every request (apps/api's front door). It
 * answers exactly what the controller would, the security headers included, and only when
 * everything is already in memory: the answer's bytes, and the caller's access (a public
 * feed, or a bearer token that ActivePrincipals already knows for an active user, whose
 * revocation reaches this instance at its commit). No CORS request, no refusal: an
 * unknown or refused token, an unacceptable encoding and the first request after a
 * publication all go through the controller, which gives the one answer for them and fills
 * the caches. Every fast answer is counted (`answers`), as the access log counts the others.
 */
@Injectable()
export class FeedFastPath {
  private preparedLatest = new WeakMap<StoredSnapshot, Prepared>();
  private preparedImmutable = new WeakMap<StoredSnapshot, Prepared>();
  private readonly preparedChanges = new WeakMap<Buffer, readonly string[]>();
  private readonly negotiated = new Map<string, SnapshotEncoding | undefined>();
  private readonly counts = new Map<FeedAnswerKey, number>();
  private commonHeaders: readonly string[] = [];

  constructor(
    private readonly catalog: ReleaseCatalog,
    private readonly authentication: AuthenticationService,
    private readonly hub: RulebookEventHub,
    private readonly streams: LiveStreams,
    @Inject(RULEBOOK_OPTIONS) private readonly options: RulebookOptions,
  ) {}

  /** The headers every response of the API carries (helmet's), set once by the server's composition. */
  useCommonHeaders(headers: Readonly<Record<string, string>>): void {
    this.commonHeaders = Object.entries(headers).flat();
    // Prepared lists hold the common headers: any prepared before this are stale.
    this.preparedLatest = new WeakMap();
    this.preparedImmutable = new WeakMap();
  }

  /** How many answers the fast path gave, by route, status and encoding, since start. */
  answers(): Readonly<Partial<Record<FeedAnswerKey, number>>> {
    return Object.fromEntries(this.counts);
  }

  /** True when the request was answered here. */
  answered(request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url;
    if (request.method !== 'GET' || url === undefined || !url.startsWith('/api/rulebook/')) return false;
    const headers = request.headers;
    if (headers.origin !== undefined || !this.mayRead(headers)) return false;
    if (url === EVENTS || url.startsWith(`${EVENTS}?`)) return this.openStream(request, response, url);
    const encoding = this.encodingFor(headers['accept-encoding']);
    if (encoding === undefined) return false;
    if (url === LATEST) return this.sendSnapshot(this.catalog.cachedLatest(encoding), 'latest', headers, response);
    const version = BY_VERSION.exec(url)?.[1];
    if (version !== undefined)
      return this.sendSnapshot(this.catalog.cachedSnapshot(Number(version), encoding), 'version', headers, response);
    const since = CHANGES.exec(url)?.[1];
    if (since !== undefined)
      return this.sendChanges(this.catalog.cachedChanges(Number(since)), encoding, headers, response);
    return false;
  }

  /**
   * The live event stream, as the controller opens it. Here, the response stays node:http's
   * own: on Express's response objects, writing one publication to 2,000 streams cost about
   * four times the CPU of the same writes on plain ones (bench/sse-fanout.mjs, `loopCpuMs`).
   */
  private openStream(request: IncomingMessage, response: ServerResponse, url: string): boolean {
    // A stopping instance takes no new stream: the controller answers 503.
    if (!this.hub.acceptsStreams) return false;
    const header = request.headers['last-event-id'];
    const query = url.indexOf('?');
    const lastEventId =
      typeof header === 'string'
        ? header
        : query < 0
          ? undefined
          : (new URLSearchParams(url.slice(query + 1)).get('lastEventId') ?? undefined);
    response.writeHead(200, [
      ...this.commonHeaders,
      'X-Request-Id',
      requestIdOf(request.headers),
      ...EVENT_STREAM_HEAD,
    ]);
    this.count('events 200');
    void streamEvents(request, response, this.hub, this.streams, {
      retryMs: this.options.sseRetryMilliseconds,
      lastEventId,
    });
    return true;
  }

  private mayRead(headers: IncomingHttpHeaders): boolean {
    // A public feed serves anyone, whatever token comes along (as the controller does).
    if (this.options.publicFeed) return true;
    const token = bearerToken(headers.authorization);
    return token !== null && Boolean(this.authentication.knownPrincipal(token));
  }

  private sendSnapshot(
    snapshot: StoredSnapshot | undefined,
    route: 'latest' | 'version',
    headers: IncomingHttpHeaders,
    response: ServerResponse,
  ): boolean {
    if (!snapshot) return false;
    const prepared = this.prepare(snapshot, route);
    const ifNoneMatch = headers['if-none-match'];
    if (ifNoneMatch === prepared.etag || matchesEtag(ifNoneMatch, prepared.etag)) {
      response.writeHead(304, this.head(prepared.notModified, headers));
      response.end();
      this.count(prepared.notModifiedKey);
    } else {
      response.writeHead(200, this.head(prepared.full, headers));
      response.end(snapshot.body);
      this.count(prepared.fullKey);
    }
    return true;
  }

  private sendChanges(
    body: ChangesBody | undefined,
    negotiated: SnapshotEncoding,
    headers: IncomingHttpHeaders,
    response: ServerResponse,
  ): boolean {
    if (!body) return false;
    const { bytes, encoding } = encodedChanges(body, negotiated);
    let prepared = this.preparedChanges.get(bytes);
    if (!prepared) {
      prepared = Object.entries(changesHeaders(bytes, encoding)).flat();
      this.preparedChanges.set(bytes, prepared);
    }
    response.writeHead(200, [...this.commonHeaders, 'X-Request-Id', requestIdOf(headers), ...prepared]);
    response.end(bytes);
    this.count(`changes 200 ${encoding}`);
    return true;
  }

  /** A prepared list with this request's id in its slot. */
  private head(prepared: readonly string[], headers: IncomingHttpHeaders): string[] {
    const head = prepared.slice();
    head[this.commonHeaders.length + 1] = requestIdOf(headers);
    return head;
  }

  private count(key: FeedAnswerKey): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private encodingFor(acceptEncoding: string | undefined): SnapshotEncoding | undefined {
    const key = acceptEncoding ?? '';
    if (this.negotiated.has(key)) return this.negotiated.get(key);
    const encoding = negotiateEncoding(acceptEncoding);
    if (this.negotiated.size >= NEGOTIATED_CACHE_SIZE) this.negotiated.clear();
    this.negotiated.set(key, encoding);
    return encoding;
  }

  private prepare(snapshot: StoredSnapshot, route: 'latest' | 'version'): Prepared {
    const cache = route === 'latest' ? this.preparedLatest : this.preparedImmutable;
    let prepared = cache.get(snapshot);
    if (!prepared) {
      const headers = snapshotHeaders(
        snapshot.release,
        route === 'latest' ? 'no-cache' : immutableCacheControl(this.options.publicFeed),
      );
      prepared = {
        etag: headers['ETag'] as string,
        notModified: withRequestId(this.commonHeaders, flat(headers)),
        full: withRequestId(this.commonHeaders, flat({ ...headers, ...snapshotBodyHeaders(snapshot) })),
        notModifiedKey: `${route} 304 ${snapshot.encoding}`,
        fullKey: `${route} 200 ${snapshot.encoding}`,
      };
      cache.set(snapshot, prepared);
    }
    return prepared;
  }
}

function requestIdOf(headers: IncomingHttpHeaders): string {
  const incoming = headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

const flat = (headers: Record<string, string>): string[] => Object.entries(headers).flat();
