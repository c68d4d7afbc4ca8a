import { RulebookError } from './errors';
import type { FeedHttp } from './http';
import { importKeyring, importPublicKey, type TrustedKeys } from './verify';

/**
 * Which Ed25519 keys the client trusts: the keys pinned at construction, or (trust on first
 * use) the one fetched once from `/public-key` and then kept with the stored copy.
 */
export class KeyTrust {
  /** The key pinned on first use, when no key was given. */
  private pinnedKey: string | undefined;
  private pinnedOnFirstUse = false;
  private key: Promise<TrustedKeys> | undefined;

  constructor(
    /** The keys given at construction (`publicKey`, then `publicKeys`). */
    private readonly configuredKeys: readonly string[],
    private readonly http: FeedHttp,
    private readonly signal: () => AbortSignal | undefined,
  ) {}

  /** True when a key is known without asking the server. */
  get known(): boolean {
    return this.configuredKeys.length > 0 || this.pinnedKey !== undefined;
  }

  /** The key to save with the copy: only one pinned on first use (configured keys come from the code). */
  get keyToStore(): string | undefined {
    return this.pinnedOnFirstUse ? this.pinnedKey : undefined;
  }

  /** A key pinned on first use in an earlier run comes back with the stored copy. */
  adoptStored(publicKey: string | undefined): void {
    if (this.configuredKeys.length > 0 || !publicKey) return;
    this.pinnedKey = publicKey;
    this.pinnedOnFirstUse = true;
  }

  get(): Promise<TrustedKeys> {
    if (!this.key) {
      const pending = this.load();
      this.key = pending;
      // A failed first-use fetch is retried at the next refresh.
      pending.catch(() => {
        if (this.key === pending) this.key = undefined;
      });
    }
    return this.key;
  }

  private async load(): Promise<TrustedKeys> {
    if (this.configuredKeys.length > 0) return importKeyring(this.configuredKeys);
    if (this.pinnedKey) return importPublicKey(this.pinnedKey);
    const value = await this.http.getJson('/public-key', { signal: this.signal() });
    const spki = typeof value === 'object' && value !== null ? (value as { spki?: unknown; algorithm?: unknown }) : {};
    if (spki.algorithm !== 'Ed25519' || typeof spki.spki !== 'string') {
      throw new RulebookError('MALFORMED', 'malformed answer from /public-key');
    }
    const key = await importPublicKey(spki.spki);
    this.pinnedKey = spki.spki;
    this.pinnedOnFirstUse = true;
    return key;
  }
}
