import { parseEventId, type AdvisoryEntry, type RuleEntry } from '@pepite/rulebook-format';
import { AdvisorySet } from './advisory-set';
import { RulebookError, toRulebookError } from './errors';
import type { ReleaseSource, RulebookEventMap } from './events';
import type { KeyTrust } from './key-trust';
import { RuleIndex, type SearchHit, type SearchOptions } from './search';
import { STORED_RULEBOOK_FORMAT, type RulebookStorage } from './storage';
import { verifyAdvisory, type TrustedKeys, type VerifiedRelease } from './verify';

/** How the parts of the client tell the application what happened. */
export interface ClientSignals {
  readonly emit: <K extends keyof RulebookEventMap>(type: K, payload: RulebookEventMap[K]) => void;
  readonly report: (error: RulebookError) => void;
}

/**
 * The release and advisories the client trusts, their indexes, and their copy in storage.
 * Only verified releases come in here; a release older than the trusted one is refused.
 */
export class TrustedCopy {
  private trusted: VerifiedRelease | undefined;
  private index: RuleIndex | undefined;
  private rulesByKey: Map<string, RuleEntry> | undefined;
  private readonly advisorySet: AdvisorySet;
  /** The last stream event handled, saved with the copy so a restarted desktop resumes there. */
  lastProcessedEventId: string | undefined;

  constructor(
    private readonly storage: RulebookStorage,
    private readonly keys: KeyTrust,
    private readonly signals: ClientSignals,
    now: () => number,
  ) {
    this.advisorySet = new AdvisorySet(now);
  }

  get release(): VerifiedRelease | undefined {
    return this.trusted;
  }

  get version(): number | undefined {
    return this.trusted?.snapshot.version;
  }

  get advisories(): AdvisoryEntry[] {
    return this.advisorySet.active(this.trusted?.snapshot);
  }

  rule(key: string): RuleEntry | undefined {
    if (!this.trusted) return undefined;
    this.rulesByKey ??= new Map(this.trusted.snapshot.rules.map((rule) => [rule.key, rule]));
    return this.rulesByKey.get(key);
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    if (!this.trusted) return [];
    this.index ??= new RuleIndex(this.trusted.snapshot.rules);
    return this.index.search(query, options);
  }

  /**
   * Makes a verified release the trusted one, unless it would go back in time. Returns false
   * when it is the release already trusted.
   */
  async trust(release: VerifiedRelease, source: ReleaseSource, persist: boolean): Promise<boolean> {
    const trusted = this.trusted;
    const version = release.snapshot.version;
    if (trusted) {
      const trustedVersion = trusted.snapshot.version;
      if (version < trustedVersion) {
        throw new RulebookError(
          'ROLLBACK',
          `refused release ${version}: release ${trustedVersion} is already trusted`,
          { version, trustedVersion },
        );
      }
      if (version === trustedVersion) {
        if (release.seal.sha256 === trusted.seal.sha256) return false;
        throw new RulebookError('ROLLBACK', `refused a second, different release ${version}`, {
          version,
          trustedVersion,
        });
      }
    }
    this.trusted = release;
    this.index = undefined;
    this.rulesByKey = undefined;
    this.advisorySet.prune(release.snapshot);
    if (persist) await this.persist();
    this.signals.emit('release', {
      snapshot: release.snapshot,
      seal: release.seal,
      source,
      previousVersion: trusted?.snapshot.version,
    });
    return true;
  }

  /** Keeps only advisories whose signature verifies; announces the new ones. */
  async takeAdvisories(key: TrustedKeys, advisories: readonly AdvisoryEntry[], mode: 'add' | 'replace'): Promise<void> {
    const verified: AdvisoryEntry[] = [];
    let refused = 0;
    for (const advisory of advisories) {
      if (await verifyAdvisory(key, advisory)) verified.push(advisory);
      else refused += 1;
    }
    if (refused > 0)
      this.signals.report(
        new RulebookError('TAMPERED', `${refused} advisory(ies) refused: the signature does not verify`),
      );
    const release = this.trusted?.snapshot;
    const before = this.advisorySet.ids();
    const fresh =
      mode === 'replace'
        ? this.advisorySet.replace(verified, release)
        : verified.filter((advisory) => this.advisorySet.add(advisory, release));
    if (this.advisorySet.ids() !== before) await this.persist();
    for (const advisory of fresh) this.signals.emit('advisory', advisory);
  }

  async persist(): Promise<void> {
    const trusted = this.trusted;
    if (!trusted) return;
    try {
      await this.storage.save({
        format: STORED_RULEBOOK_FORMAT,
        snapshot: trusted.text,
        sha256: trusted.seal.sha256,
        signature: trusted.seal.signature,
        keyId: trusted.seal.keyId,
        advisories: this.advisorySet.entries(),
        publicKey: this.keys.keyToStore,
        lastEventId: this.lastProcessedEventId,
        savedAt: new Date().toISOString(),
      });
    } catch (error) {
      this.signals.report(toRulebookError(error, 'STORAGE', 'cannot save the rulebook copy'));
    }
  }

  /** Resume after whichever is later: the last event handled or the release in hand (it may come from polling). */
  resumeId(): string | undefined {
    const version = this.version;
    const processed = parseEventId(this.lastProcessedEventId);
    if (version === undefined) return this.lastProcessedEventId;
    if (processed && processed.version >= version) return this.lastProcessedEventId;
    return String(version);
  }
}
