import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Clock, isUuid, PgListener } from '@pepite/api/database';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { AccessTokenService } from './access-token.service';
import { AccountChanges } from './account-changes';
import { UserDirectoryService } from './user-directory.service';

/** Notified by a trigger on `app_user` at the commit of any change to an account (migration UserChangeNotify). */
export const USER_CHANGED_CHANNEL = 'pepite_user_changed';

/** Desktops and consoles of a large call centre; beyond, the oldest entries make room. */
const MAX_TOKENS = 50_000;
const MAX_USERS = 50_000;
/** Forget everything this often anyway, in case the LISTEN connection died without telling. */
const SAFETY_FORGET_MS = 30_000;
/** Users loaded by one statement at most. */
const MAX_USERS_PER_LOAD = 500;
/** Loads closer than this to the previous one are a storm: ids then gather for `GATHER_MS`. */
const STORM_GAP_MS = 100;
/** How long an unknown user's first request may wait for others during a storm (once per user and instance). */
const GATHER_MS = 50;

interface VerifiedToken {
  readonly userId: string;
  /** Milliseconds since the epoch: the token is refused from then on, cached or not. */
  readonly expiresAt: number;
}

/**
 * Who is behind a bearer token, answered from memory once known: the token's signature is
 * checked once (by AccessTokenService.verify, the one verification of the API) and then
 * only its expiry; the active user is loaded once and kept until PostgreSQL says the
 * account changed. Revocation (deactivation, a new role, site or team) reaches every
 * instance at the change's commit through LISTEN/NOTIFY. While the LISTEN connection is
 * down nothing is kept: every request reads the table, as before this cache existed.
 *
 * A load that started before a change and ends after its notification must not store the
 * old row: every change bumps `generation`, and a load stores only if it saw none. A change
 * made by this process is forgotten at once (AccountChanges), before its notification comes
 * back: the instance that deactivates an account refuses its next request.
 */
@Injectable()
export class ActivePrincipals implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ActivePrincipals.name);
  private readonly tokens = new Map<string, VerifiedToken>();
  private readonly users = new Map<string, AuthenticatedUser | null>();
  /** One load per user and generation, however many requests arrive at once (2,000 desktops reconnecting). */
  private readonly loading = new Map<string, Promise<AuthenticatedUser | null>>();
  private generation = 0;
  private readonly listener: PgListener;
  /**
   * Users not yet known are loaded together: ids asked while a load runs wait for it, then go
   * in one statement. A user asked alone is loaded at once. When 10,000 desktops reported
   * after a publication, one statement per user was a tenth of the API's CPU, most of it the
   * socket write of each statement to PostgreSQL (profile of bench/status-storm.mjs).
   *
   * Waiting for the running load was not enough when the desktops report evenly over the
   * SDK's 30 s jitter: 333 a second, each load over before the next id came, so still one
   * statement per user (about 200 µs of the API's CPU each, measured alone). While loads
   * follow each other closely (a storm), an id now waits up to `GATHER_MS` for others; a
   * user asked when nothing was loaded lately still goes at once.
   */
  private readonly userLoads = new DataLoader<string, AuthenticatedUser | null>(
    async (ids) => {
      this.loadsRunning++;
      try {
        const found = await this.directory.findActiveUsers(ids);
        return ids.map((id) => found.get(id.toLowerCase()) ?? null);
      } finally {
        this.loadsRunning--;
        if (this.loadsRunning === 0) this.sendDueLoads();
      }
    },
    {
      cache: false,
      maxBatchSize: MAX_USERS_PER_LOAD,
      batchScheduleFn: (dispatch) => this.scheduleLoad(dispatch),
    },
  );
  private loadsRunning = 0;
  /** Batches not yet sent, each with when it may go. */
  private readonly waitingLoads: { readonly due: number; readonly dispatch: () => void }[] = [];
  /** `performance.now()` when the last load was sent. */
  private lastLoadAt = -Infinity;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly verifier: AccessTokenService,
    private readonly directory: UserDirectoryService,
    private readonly clock: Clock,
    changes: AccountChanges,
  ) {
    changes.onCommitted((userId) => this.forget(userId));
    this.listener = new PgListener({
      url: (dataSource.options as { url?: string }).url ?? '',
      channel: USER_CHANGED_CHANNEL,
      applicationName: 'pepite-user-listener',
      onNotification: (userId) => this.forget(userId),
      onReconnected: () => this.forgetAll(),
      warn: (message) => this.logger.warn(message),
      safetyPollMs: SAFETY_FORGET_MS,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
    this.forgetAll();
  }

  /**
   * Without any I/O: the active user behind the token, `null` when the token is refused
   * (expired, or its account is not active), `undefined` when only `authenticate` can tell.
   */
  known(token: string, now = this.clock.nowMs()): AuthenticatedUser | null | undefined {
    const verified = this.tokens.get(token);
    if (!verified) return undefined;
    if (verified.expiresAt <= now) return null;
    if (!this.listener.listening) return undefined;
    return this.users.get(verified.userId);
  }

  /** The active user behind a bearer token, or null for an invalid, expired or foreign token or an inactive account. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const userId = this.verifiedUserId(token);
    if (!userId) return null;
    const listening = this.listener.listening;
    if (listening && this.users.has(userId)) return this.users.get(userId) ?? null;
    const generation = this.generation;
    // Keyed by generation: a request that arrives after a change never joins a load started before it.
    const key = `${generation}:${userId}`;
    let load = this.loading.get(key);
    if (!load) {
      load = this.userLoads.load(userId).then(
        (user) => {
          this.loading.delete(key);
          // Stored only if nothing changed meanwhile and the notifications can still say so.
          if (listening && this.listener.listening && generation === this.generation) remember(this.users, userId, user, MAX_USERS);
          return user;
        },
        (error: unknown) => {
          this.loading.delete(key);
          throw error;
        },
      );
      this.loading.set(key, load);
    }
    return load;
  }

  private verifiedUserId(token: string): string | null {
    const cached = this.tokens.get(token);
    if (cached) return cached.expiresAt > this.clock.nowMs() ? cached.userId : null;
    const verified = this.verifier.verifyClaims(token);
    if (!verified) return null;
    // The expiry is all that is checked again (a token without one is refused by the verification).
    remember(this.tokens, token, verified, MAX_TOKENS);
    return verified.userId;
  }

  /**
   * A batch is sent once no load runs and, during a storm, once it has gathered for
   * `GATHER_MS`: releasing it as soon as the running load ended made loads follow each other
   * back to back with two ids each (4,922 statements for 10,000 desktops).
   */
  private scheduleLoad(dispatch: () => void): void {
    const now = performance.now();
    const due = now - this.lastLoadAt < STORM_GAP_MS ? now + GATHER_MS : now;
    this.waitingLoads.push({ due, dispatch });
    if (due === now) process.nextTick(() => this.sendDueLoads());
    // The timer says its batch is due, whatever the two clocks' rounding.
    else setTimeout(() => this.sendDueLoads(due), GATHER_MS);
  }

  /** Sends the batches due by now (or by `dueBy`), unless a load runs. */
  private sendDueLoads(dueBy = 0): void {
    if (this.loadsRunning > 0) return; // the running load sends them when it ends
    const now = Math.max(performance.now(), dueBy);
    for (let index = 0; index < this.waitingLoads.length; ) {
      const waiting = this.waitingLoads[index] as { due: number; dispatch: () => void };
      if (waiting.due > now) {
        index += 1;
        continue;
      }
      this.waitingLoads.splice(index, 1);
      this.lastLoadAt = now;
      waiting.dispatch();
    }
  }

  private forget(userId: string): void {
    this.generation++;
    if (isUuid(userId)) this.users.delete(userId.toLowerCase());
    else this.users.clear();
  }

  private forgetAll(): void {
    this.generation++;
    this.users.clear();
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value as string);
  map.set(key, value);
}
