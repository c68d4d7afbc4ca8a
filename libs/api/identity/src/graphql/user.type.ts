import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from './role.graphql-enum';

/** A user account. Reachable only by the user themself and by admins (anonymity). */
@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID)
  siteId!: string;

  @Field(() => ID, { nullable: true })
  teamId!: string | null;

  @Field({ description: 'Preferred language of the interface and notifications: fr or en.' })
  locale!: string;

  @Field()
  active!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field({ description: 'Bearer token for the Authorization header.' })
  accessToken!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => UserType)
  user!: UserType;
}
