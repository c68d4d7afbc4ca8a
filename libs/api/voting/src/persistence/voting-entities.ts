import { BallotEntity } from './ballot.entity';
import { VoteElectorEntity } from './vote-elector.entity';
import { VoteEntity } from './vote.entity';

/** The tables the voting context owns. */
export const VOTING_ENTITIES = [VoteEntity, VoteElectorEntity, BallotEntity];
