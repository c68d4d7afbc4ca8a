import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { AuthenticationService, bearerToken } from '@pepite/api/identity';
import { DesktopStatusService, type ReportDesktopStatusCommand } from '../application/desktop-status.service';

export const DESKTOP_STATUS_ROUTE = '/api/desktop/status';
/** A report is under 200 bytes; anything longer is not one the fast path needs to read. */
const MAX_BODY = 1_024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const REQUEST_ID = /^[\w.:-]{1,64}$/;
const KEYS = new Set(['releaseVersion', 'appliedAt', 'desktopId']);

/**
 * `POST /api/desktop/status` answered before Express and Nest (issue 19): after a
 * publication every desktop reports within the SDK's 30 s jitter, while the same API serves
 * the feed's 304s. Through Express, Nest's guards and pipes (or GraphQL's parse, validation
 * and per-field guards) a report cost several times its write; here it is a body of 100
 * bytes read, a token looked up (ActivePrincipals, the feed's cache), and a place in the
 * next batch (DesktopStatusBatcher).
 *
 * Like the feed's fast path, it never refuses: whatever it cannot accept as it is — no
 * token, a cross-origin request (CORS), an unknown or refused token, a body that is not
 * exactly a valid report, a domain error (unknown release, rate limited), a failed batch —
 * goes on to the controller (DesktopStatusController) with the body already read, which
 * gives the one answer for it.
 */
@Injectable()
export class DesktopStatusFastPath {
  private commonHeaders: readonly string[] = [];
  private accepted = 0;

  constructor(
    private readonly statuses: DesktopStatusService,
    private readonly authentication: AuthenticationService,
  ) {}

  /** The headers every response of the API carries (helmet's), set once by the server's composition. */
  useCommonHeaders(headers: Readonly<Record<string, string>>): void {
    this.commonHeaders = Object.entries(headers).flat();
  }

  /** Reports answered here since start. */
  get answeredCount(): number {
    return this.accepted;
  }

  /**
   * True when the request is taken here. `toExpress` hands it on, its body read and parsed
   * into `request.body`, when this path declines it after reading.
   */
  answered(request: IncomingMessage, response: ServerResponse, toExpress: () => void): boolean {
    if (request.method !== 'POST' || request.url !== DESKTOP_STATUS_ROUTE) return false;
    const headers = request.headers;
    if (!sameOrigin(headers) || !isJson(headers['content-type'])) return false;
    const token = bearerToken(headers.authorization);
    const length = Number(headers['content-length']);
    if (token === null || !(length > 0 && length <= MAX_BODY)) return false;
    void this.answer(request, response, token, toExpress);
    return true;
  }

  private async answer(request: IncomingMessage, response: ServerResponse, token: string, toExpress: () => void): Promise<void> {
    const text = await readBody(request);
    if (text === undefined) return; // the connection went away
    const body = parseJson(text);
    (request as IncomingMessage & { body?: unknown }).body = body ?? text;
    const command = asCommand(body);
    const caller = command ? await this.authentication.authenticate(token).catch(() => null) : null;
    if (!command || !caller) return toExpress();
    try {
      const receipt = await this.statuses.report(caller, command);
      const json = JSON.stringify({ releaseVersion: receipt.releaseVersion, recorded: receipt.recorded });
      response.writeHead(200, [
        ...this.commonHeaders,
        'X-Request-Id',
        requestIdOf(request.headers),
        'Content-Type',
        'application/json; charset=utf-8',
        'Cache-Control',
        'no-store',
        'Content-Length',
        String(Buffer.byteLength(json)),
      ]);
      response.end(json);
      this.accepted++;
    } catch {
      // The controller says it, in the caller's language, with its status.
      toExpress();
    }
  }
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(undefined));
    request.on('aborted', () => resolve(undefined));
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Exactly a valid report, or undefined (the controller's validation then explains). */
function asCommand(body: unknown): ReportDesktopStatusCommand | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  if (Object.keys(fields).some((key) => !KEYS.has(key))) return undefined;
  const { releaseVersion, appliedAt, desktopId } = fields;
  if (typeof releaseVersion !== 'number' || !Number.isInteger(releaseVersion) || releaseVersion < 1 || releaseVersion > 2_147_483_647) return undefined;
  if (typeof appliedAt !== 'string' || !ISO_TIME.test(appliedAt)) return undefined;
  const at = new Date(appliedAt);
  if (Number.isNaN(at.getTime())) return undefined;
  if (desktopId !== undefined && desktopId !== null && (typeof desktopId !== 'string' || !UUID.test(desktopId))) return undefined;
  return { releaseVersion, appliedAt: at, desktopId: desktopId ?? null };
}

/** No Origin (a desktop app, a server), or the API's own origin: no CORS answer is due. */
function sameOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  const host = headers.host;
  return host !== undefined && (origin === `https://${host}` || origin === `http://${host}`);
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType);
}

function requestIdOf(headers: IncomingHttpHeaders): string {
  const incoming = headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
