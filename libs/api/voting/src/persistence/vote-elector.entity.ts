import { Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { VoteEntity } from './vote.entity';

/** A manager allowed to vote: the site's active managers when the vote opened. */
@Entity('vote_elector')
@Index('vote_elector_manager_idx', ['managerId'])
export class VoteElectorEntity {
  @PrimaryColumn({ type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => VoteEntity, { onDelete: 'CASCADE' })
  vote?: VoteEntity;

  @PrimaryColumn({ type: 'uuid' })
  managerId!: string;
}
