import { Check, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * A person's choice for one kind of notification by e-mail. No row: the role's default
 * (`defaultMode`). Written by the person in the console, or by an unsubscribe link.
 */
@Entity('mail_preference')
@Check('mail_preference_mode_check', `mode IN ('IMMEDIATE', 'DIGEST', 'OFF')`)
export class MailPreferenceEntity {
  @Columns.PrimaryUuid() userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  kind!: string;

  @Columns.Varchar(10) mode!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
