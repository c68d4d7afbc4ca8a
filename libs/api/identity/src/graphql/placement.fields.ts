import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { Role } from './role.graphql-enum';

/** Where a person works and as what, as `User` and `IdentityGroupMapping` both show it. */
@ObjectType({ isAbstract: true })
export abstract class PlacementFields {
  @Field(() => Role)
  role!: Role;

  @Field(() => ID)
  siteId!: string;

  @Field(() => ID, { nullable: true })
  teamId!: string | null;
}

/**
 * The role and site of a placement as an admin gives them (a new account, a group mapping);
 * each input says itself what its team may be.
 */
@InputType({ isAbstract: true })
export abstract class PlacementInputFields {
  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID)
  @IsUUID()
  siteId!: string;
}
