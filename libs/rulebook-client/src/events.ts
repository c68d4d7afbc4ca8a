import type { AdvisoryEntry, ReleaseSealInfo, RulebookSnapshot } from '@pepite/rulebook-format';
import type { RulebookError } from './errors';

/** Where a trusted release came from. */
export type ReleaseSource = 'storage' | 'full' | 'changes';

export interface ReleaseUpdate {
  readonly snapshot: RulebookSnapshot;
  readonly seal: ReleaseSealInfo;
  readonly source: ReleaseSource;
  /** The version trusted before this one; undefined for the first copy. */
  readonly previousVersion: number | undefined;
}

/** The live channel's state, for a status indicator (and for tests). */
export type ConnectionState =
  | { readonly state: 'open' }
  | { readonly state: 'closed'; readonly failures: number; readonly retryInMs: number; readonly reason: string }
  | { readonly state: 'polling'; readonly reason: string; readonly retryStreamInMs: number }
  | { readonly state: 'stopped' };

export interface RulebookEventMap {
  release: ReleaseUpdate;
  advisory: AdvisoryEntry;
  error: RulebookError;
  connection: ConnectionState;
}

export type RulebookEventName = keyof RulebookEventMap;
export type RulebookListener<K extends RulebookEventName> = (payload: RulebookEventMap[K]) => void;

/**
 * A listener's bug is shown where the platform shows uncaught errors (reportError in
 * browsers, the console in Node) without unwinding the client that called it.
 */
function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else console.error('rulebook-client: a listener threw', error);
}

/**
 * A tiny typed emitter. Unlike Node's EventEmitter, an `error` without listeners is not
 * thrown (a desktop may ignore errors and read `lastError`), and a listener that throws
 * does not stop the others nor the client.
 */
export class TypedEmitter<M extends object> {
  private readonly listeners = new Map<keyof M, Set<(payload: never) => void>>();

  on<K extends keyof M>(type: K, listener: (payload: M[K]) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  protected emit<K extends keyof M>(type: K, payload: M[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const listener of [...set] as ((payload: M[K]) => void)[]) {
      try {
        listener(payload);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }
}
