import { AuthSessionEntity } from './auth-session.entity';
import { ExternalIdentityEntity } from './external-identity.entity';
import { IdentityGroupMappingEntity } from './identity-group-mapping.entity';
import { OidcLoginAttemptEntity } from './oidc-login-attempt.entity';
import { SiteEntity } from './site.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

/** The tables the identity context owns. */
export const IDENTITY_ENTITIES = [
  SiteEntity,
  TeamEntity,
  UserEntity,
  AuthSessionEntity,
  ExternalIdentityEntity,
  IdentityGroupMappingEntity,
  OidcLoginAttemptEntity,
];
