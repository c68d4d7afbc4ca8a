import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * A sign-in sent to the provider and not yet back: kept in PostgreSQL so that any instance
 * can finish it, and deleted when it comes back, so a state is good once.
 */
@Entity('oidc_login_attempt')
export class OidcLoginAttemptEntity {
  /** The `state` sent to the provider. */
  @PrimaryColumn({ type: 'text' })
  state!: string;

  /** SHA-256 of the random value the browser's attempt cookie carries: the callback must come from the same browser. */
  @Columns.Text() browserBindingHash!: string;
  @Columns.Text() nonce!: string;
  @Columns.Text() codeVerifier!: string;

  /** Same-origin path to land on afterwards. */
  @Columns.Text() returnTo!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
