import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@pepite/api/errors';
import { SharedLimits, type SharedLimit } from '@pepite/api/database';
import { normaliseEmail } from '../domain/email';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import { refuse } from './refuse';

/** Failures of one account (from every address) after which each attempt waits longer. */
const DELAY_FROM_FAILURES = 3;
const FIRST_DELAY_MS = 100;

/**
 * Login defence as OWASP's authentication guidance puts it, so that nobody can lock a
 * named account out:
 * - per (account, address): `perAccount` consecutive failures from one address block that
 *   address for that account for the window; a good password resets it. The owner, from
 *   an address that has not failed, is never refused because of someone else's guesses;
 * - per address: `perAddress` attempts per window whatever the account (password spraying;
 *   generous, as a call-centre floor often reaches us through one NAT address);
 * - per account: progressive delays (100 ms doubling from the 3rd failure, at most
 *   `maxDelayMs`), before the password is checked so the wait reveals nothing. They slow a
 *   distributed guesser down without ever refusing the owner.
 * While the store is down every counter falls back to this instance's memory: sign-in goes
 * on, and guessing stays limited (per instance).
 */
@Injectable()
export class LoginDefence {
  private readonly perAccountAddress: SharedLimit;
  private readonly perAddress: SharedLimit;
  private readonly accountFailures: SharedLimit;
  private readonly maxDelayMs: number;

  constructor(@Inject(IDENTITY_OPTIONS) options: IdentityOptions, store: SharedLimits) {
    const { perAccount, perAddress, windowSeconds, maxDelayMs } = options.loginLimits;
    const common = { windowSeconds, whenStoreDown: 'per-instance' as const };
    this.perAccountAddress = store.limit({ name: 'login-account-address', points: perAccount, ...common });
    this.perAddress = store.limit({ name: 'login-address', points: perAddress, ...common });
    this.accountFailures = store.limit({ name: 'login-account-failures', points: Number.MAX_SAFE_INTEGER, ...common });
    this.maxDelayMs = maxDelayMs;
  }

  /** Runs `login` unless `address` is over a limit; counts its failure or resets on success. */
  async attempt<T>(email: string, address: string, res: object | undefined, login: () => Promise<T>): Promise<T> {
    const account = normaliseEmail(email);
    const pair = `${account}|${address}`;
    // Counted before the password is checked, so a parallel burst cannot slip past the limits.
    const byAddress = await this.perAddress.consume(address);
    if (!byAddress.allowed) throw refuse(byAddress.retryAfterSeconds, res);
    const byPair = await this.perAccountAddress.consume(pair);
    if (!byPair.allowed) throw refuse(byPair.retryAfterSeconds, res);
    const failures = (await this.accountFailures.peek(account)).consumed;
    const delay = this.delayAfter(failures);
    if (delay > 0) await sleep(delay);
    try {
      const result = await login();
      await this.perAccountAddress.reset(pair);
      return result;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) await this.accountFailures.consume(account);
      throw error;
    }
  }

  private delayAfter(failures: number): number {
    if (failures < DELAY_FROM_FAILURES) return 0;
    const exponent = Math.min(failures - DELAY_FROM_FAILURES, 20);
    return Math.min(this.maxDelayMs, FIRST_DELAY_MS * 2 ** exponent);
  }
}
