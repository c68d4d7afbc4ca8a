import type { AdvisoryEntry } from '@pepite/rulebook-format';
import { isAdvisoryEntry } from './validate';

export const STORED_RULEBOOK_FORMAT = 'pepite-rulebook-client/1';

/**
 * The last good copy, as a desktop keeps it between runs. The snapshot is kept as the exact
 * signed text, not as a parsed object, so it can be verified again at the next start: storage
 * is not trusted more than the network.
 */
export interface StoredRulebook {
  readonly format: typeof STORED_RULEBOOK_FORMAT;
  /** The signed snapshot bytes, decoded as UTF-8. */
  readonly snapshot: string;
  readonly sha256: string;
  readonly signature: string;
  readonly keyId: string;
  readonly advisories: readonly AdvisoryEntry[];
  /** Only with `trustOnFirstUse`: the key pinned at first contact (base64 SPKI). */
  readonly publicKey?: string;
  /** The last SSE event id processed, to resume the stream where it stopped. */
  readonly lastEventId?: string;
  readonly savedAt: string;
}

export interface RulebookStorage {
  /** Undefined when nothing (usable) is stored. */
  load(): Promise<StoredRulebook | undefined>;
  save(copy: StoredRulebook): Promise<void>;
}

/** Reads a stored copy's JSON; anything unexpected reads as "nothing stored". */
export function parseStoredRulebook(text: string | null | undefined): StoredRulebook | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const copy = value as Record<string, unknown>;
  const strings = ['snapshot', 'sha256', 'signature', 'keyId', 'savedAt'] as const;
  if (copy.format !== STORED_RULEBOOK_FORMAT || !strings.every((field) => typeof copy[field] === 'string'))
    return undefined;
  if (!Array.isArray(copy.advisories) || !copy.advisories.every(isAdvisoryEntry)) return undefined;
  if (copy.publicKey !== undefined && typeof copy.publicKey !== 'string') return undefined;
  if (copy.lastEventId !== undefined && typeof copy.lastEventId !== 'string') return undefined;
  return copy as unknown as StoredRulebook;
}

/** Keeps the copy for the life of the page or process; the default. */
export class MemoryStorage implements RulebookStorage {
  private text: string | undefined;

  constructor(initial?: StoredRulebook) {
    if (initial) this.text = JSON.stringify(initial);
  }

  // Stored as JSON text so a caller mutating what it saved or loaded cannot alter the copy.
  async load(): Promise<StoredRulebook | undefined> {
    return parseStoredRulebook(this.text);
  }

  async save(copy: StoredRulebook): Promise<void> {
    this.text = JSON.stringify(copy);
  }
}

/** The part of the Web Storage API used: `window.localStorage` fits, and so does a test double. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Browser persistence in `localStorage` (or any Storage-like object) under one key. */
export class WebStorage implements RulebookStorage {
  constructor(
    private readonly storage: StorageLike,
    private readonly key = 'pepite.rulebook',
  ) {}

  async load(): Promise<StoredRulebook | undefined> {
    return parseStoredRulebook(this.storage.getItem(this.key));
  }

  /** Rejects when the browser refuses (quota, private mode); the client reports STORAGE. */
  async save(copy: StoredRulebook): Promise<void> {
    this.storage.setItem(this.key, JSON.stringify(copy));
  }
}
