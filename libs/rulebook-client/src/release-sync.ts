import { applyChanges } from './changes';
import { decodeUtf8, encodeUtf8 } from './encoding';
import { RulebookError, toRulebookError } from './errors';
import { expectOk, type FeedHttp } from './http';
import type { KeyTrust } from './key-trust';
import type { RulebookStorage } from './storage';
import type { ClientSignals, TrustedCopy } from './trusted-copy';
import { parseAdvisories, parseChanges } from './validate';
import { openRelease, sha256Hex, verifySignature, type TrustedKeys, type VerifiedRelease } from './verify';

export interface SyncOutcome {
  /** `empty`: the server has published nothing yet. */
  readonly status: 'updated' | 'unchanged' | 'empty' | 'failed';
  /** The version trusted after the sync. */
  readonly version: number | undefined;
  /** Also emitted as an `error` event. */
  readonly error?: RulebookError;
}

/** `check`: conditional GET of the latest release; `changes`: try the delta first. */
export type Refresh = 'check' | 'changes';

const stripEtag = (etag: string | null): string | null => etag?.replace(/^W\//, '').replace(/"/g, '').trim() ?? null;

/**
 * Fetches and verifies: the stored copy at start, the latest release (full or as a delta
 * from the trusted one) and the advisories. What verifies goes to the trusted copy.
 */
export class ReleaseSync {
  constructor(
    private readonly http: FeedHttp,
    private readonly storage: RulebookStorage,
    private readonly keys: KeyTrust,
    private readonly copy: TrustedCopy,
    private readonly signals: ClientSignals,
    private readonly signal: () => AbortSignal | undefined,
  ) {}

  /** The stored copy is verified exactly like a download: storage can be edited too. */
  async restore(): Promise<void> {
    let stored;
    try {
      stored = await this.storage.load();
    } catch (error) {
      this.signals.report(toRulebookError(error, 'STORAGE', 'cannot load the stored rulebook'));
      return;
    }
    if (!stored) return;
    this.keys.adoptStored(stored.publicKey);
    if (!this.keys.known) return;
    try {
      const key = await this.keys.get();
      const verified = await openRelease(key, encodeUtf8(stored.snapshot), {
        signature: stored.signature,
        sha256: stored.sha256,
        keyId: stored.keyId,
      });
      this.copy.lastProcessedEventId = stored.lastEventId;
      await this.copy.trust(verified, 'storage', false);
      await this.copy.takeAdvisories(key, stored.advisories, 'add');
    } catch (error) {
      const refused = toRulebookError(error, 'MALFORMED', 'stored copy refused');
      this.signals.report(
        new RulebookError(refused.code, `stored copy refused: ${refused.message}`, refused.details, { cause: refused }),
      );
    }
  }

  async refresh(mode: Refresh): Promise<SyncOutcome> {
    const previous = this.copy.version;
    let status: SyncOutcome['status'];
    try {
      const key = await this.keys.get();
      const trusted = this.copy.release;
      let viaChanges = false;
      if (mode === 'changes' && trusted) {
        // A failed delta of any kind is not fatal: the full release settles it.
        viaChanges = await this.applyDelta(key, trusted).then(
          () => true,
          () => false,
        );
      }
      if (viaChanges) {
        status = this.copy.version !== previous ? 'updated' : 'unchanged';
      } else {
        const full = await this.fetchLatest(key);
        status = full === 'empty' ? 'empty' : full === 'updated' ? 'updated' : 'unchanged';
        if (full !== 'empty') await this.refreshAdvisories(key);
      }
    } catch (error) {
      return { status: 'failed', version: this.copy.version, error: toRulebookError(error, 'NETWORK', 'sync failed') };
    }
    return { status, version: this.copy.version };
  }

  private async fetchLatest(key: TrustedKeys): Promise<'updated' | 'unchanged' | 'empty'> {
    const trusted = this.copy.release;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (trusted) headers['if-none-match'] = `"${trusted.seal.sha256}"`;
    const url = this.http.url('/releases/latest');
    const answer = await this.http.get('/releases/latest', { headers, signal: this.signal() }, async (response) => {
      if (response.status === 304 && trusted) return 'not-modified' as const;
      try {
        await expectOk(response, url);
      } catch (error) {
        // 404 NOT_FOUND before any release: nothing published yet, not a failure.
        if (!trusted && error instanceof RulebookError && error.details.serverCode === 'NOT_FOUND')
          return 'empty' as const;
        throw error;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      return openRelease(key, bytes, {
        signature: response.headers.get('x-rulebook-signature'),
        sha256: stripEtag(response.headers.get('etag')),
        keyId: response.headers.get('x-rulebook-key-id'),
      });
    });
    if (answer === 'not-modified') return 'unchanged';
    if (answer === 'empty') return 'empty';
    return (await this.copy.trust(answer, 'full', true)) ? 'updated' : 'unchanged';
  }

  /** `GET /changes?since=N` applied to the trusted copy N, then checked like a full release. */
  private async applyDelta(key: TrustedKeys, base: VerifiedRelease): Promise<void> {
    const since = base.snapshot.version;
    const changes = parseChanges(await this.http.getJson(`/changes?since=${since}`, { signal: this.signal() }));
    const release = changes.release;
    if (release.version === since) {
      if (release.sha256 !== base.seal.sha256)
        throw new RulebookError('ROLLBACK', `another release claims version ${since}`);
    } else {
      const rebuilt = applyChanges(base.snapshot, changes);
      const sha256 = await sha256Hex(rebuilt.bytes);
      if (sha256 !== release.sha256.toLowerCase()) {
        throw new RulebookError(
          'TAMPERED',
          `release ${release.version} rebuilt from changes does not match its SHA-256`,
        );
      }
      if (!(await verifySignature(key, release.signature, rebuilt.bytes, release.keyId))) {
        throw new RulebookError(
          'TAMPERED',
          `release ${release.version} rebuilt from changes: the signature does not verify`,
        );
      }
      const verified: VerifiedRelease = {
        snapshot: rebuilt.snapshot,
        seal: { sha256, signature: release.signature, keyId: release.keyId },
        text: decodeUtf8(rebuilt.bytes),
      };
      await this.copy.trust(verified, 'changes', true);
    }
    await this.copy.takeAdvisories(key, changes.advisories, 'replace');
  }

  private async refreshAdvisories(key: TrustedKeys): Promise<void> {
    const advisories = parseAdvisories(await this.http.getJson('/advisories', { signal: this.signal() }));
    await this.copy.takeAdvisories(key, advisories, 'replace');
  }
}
