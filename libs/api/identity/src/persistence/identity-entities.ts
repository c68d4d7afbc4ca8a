import { SiteEntity } from './site.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

/** The tables the identity context owns. */
export const IDENTITY_ENTITIES = [SiteEntity, TeamEntity, UserEntity];
