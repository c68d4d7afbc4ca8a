import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ReleaseCatalog, type SnapshotEncoding, type StoredSnapshot } from '../application/release-catalog.service';
import { RULEBOOK_OPTIONS, type RulebookOptions } from '../rulebook.options';
import { matchesEtag, negotiateEncoding } from './content-encoding';
import { snapshotHeaders } from './snapshot-headers';

const LATEST = '/api/rulebook/releases/latest';
const REQUEST_ID = /^[\w.:-]{1,64}$/;
/** Desktops send a handful of distinct Accept-Encoding values; bounded anyway. */
const NEGOTIATED_CACHE_SIZE = 64;

/** A snapshot's two answers, headers computed once per (release, encoding) as node:http's flat lists. */
interface Prepared {
  readonly etag: string;
  readonly notModified: readonly string[];
  readonly full: readonly string[];
}

/**
 * The desktops' hot path, `GET /api/rulebook/releases/latest` (the "anything new?" poll
 * answered 304, and the full download), answered from memory before Express and Nest see
 * the request: on a 304 their routing, guards and request logging cost several times what
 * node:http itself does (bench/feed-304.mjs). It answers exactly what the controller would,
 * headers included, and only where nothing else applies: a public feed, no credentials, no
 * CORS request, and the snapshot already in the catalog's memory. Anything else, the first
 * request after a publication included, goes through the controller, which fills the cache.
 * These answers are not in the access log (like /health/ probes).
 */
@Injectable()
export class FeedFastPath implements OnApplicationBootstrap {
  private readonly prepared = new WeakMap<StoredSnapshot, Prepared>();
  private readonly negotiated = new Map<string, SnapshotEncoding>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly catalog: ReleaseCatalog,
    @Inject(RULEBOOK_OPTIONS) private readonly options: RulebookOptions,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!this.options.publicFeed || !server) return;
    const others = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (this.answered(request, response)) return;
      for (const listener of others) listener.call(server, request, response);
    });
  }

  /** True when the request was answered here. */
  answered(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.url !== LATEST || request.method !== 'GET') return false;
    const headers = request.headers;
    if (headers.authorization !== undefined || headers.origin !== undefined) return false;
    const snapshot = this.catalog.cachedLatest(this.encodingFor(headers['accept-encoding']));
    if (!snapshot) return false;
    const prepared = this.prepare(snapshot);
    const incomingId = headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    const ifNoneMatch = headers['if-none-match'];
    if (ifNoneMatch === prepared.etag || matchesEtag(ifNoneMatch, prepared.etag)) {
      response.writeHead(304, ['X-Request-Id', requestId, ...prepared.notModified]);
      response.end();
    } else {
      response.writeHead(200, ['X-Request-Id', requestId, ...prepared.full]);
      response.end(snapshot.body);
    }
    return true;
  }

  private encodingFor(acceptEncoding: string | undefined): SnapshotEncoding {
    const key = acceptEncoding ?? '';
    let encoding = this.negotiated.get(key);
    if (encoding === undefined) {
      encoding = negotiateEncoding(acceptEncoding);
      if (this.negotiated.size >= NEGOTIATED_CACHE_SIZE) this.negotiated.clear();
      this.negotiated.set(key, encoding);
    }
    return encoding;
  }

  private prepare(snapshot: StoredSnapshot): Prepared {
    let prepared = this.prepared.get(snapshot);
    if (!prepared) {
      const headers = snapshotHeaders(snapshot.release, 'no-cache');
      const body: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(snapshot.body.length) };
      if (snapshot.encoding !== 'identity') body['Content-Encoding'] = snapshot.encoding;
      prepared = { etag: headers['ETag'] as string, notModified: flat(headers), full: flat({ ...headers, ...body }) };
      this.prepared.set(snapshot, prepared);
    }
    return prepared;
  }
}

const flat = (headers: Record<string, string>): string[] => Object.entries(headers).flat();
