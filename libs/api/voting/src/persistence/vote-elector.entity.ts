import { Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { VoteEntity } from './vote.entity';

/** A manager allowed to vote: the site's active managers when the vote opened. */
@Entity('vote_elector')
@Index('vote_elector_manager_idx', ['managerId'])
export class VoteElectorEntity {
  @Columns.PrimaryUuid() voteId!: string;

  @ManyToOne(() => VoteEntity, { onDelete: 'CASCADE' })
  vote?: VoteEntity;

  @Columns.PrimaryUuid() managerId!: string;
}
