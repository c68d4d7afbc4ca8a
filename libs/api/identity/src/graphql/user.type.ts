import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PlacementFields } from './placement.fields';

/** A user account. Reachable only by the user themself and by admins (anonymity). */
@ObjectType('User')
export class UserType extends PlacementFields {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

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
