import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with OWASP's 2024 minimum (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * A real hash of nothing, verified when the account does not exist so that a wrong
   * e-mail and a wrong password take the same time (no account enumeration by timing).
   */
  private decoy?: Promise<string>;
  async burnTime(password: string): Promise<void> {
    this.decoy ??= this.hash('decoy-password-never-matches');
    await this.verify(await this.decoy, password);
  }
}
