import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PlacementFields, PlacementInputFields } from './placement.fields';

@ObjectType('IdentityGroupMapping', { description: 'A group (or app role) of the identity provider and what it gives in Pépite.' })
export class IdentityGroupMappingType extends PlacementFields {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The value of the groups claim exactly as the provider sends it.' })
  group!: string;

  @Field()
  updatedAt!: Date;
}

@InputType()
export class SetIdentityGroupMappingInput extends PlacementInputFields {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  group!: string;

  @Field(() => ID, { nullable: true, description: 'Required for operators and managers; admins may have none.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;
}

@ArgsType()
export class LinkExternalIdentityArgs {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field({ description: 'The person’s subject (`sub`) at the configured provider; in Entra ID, their object ID.' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  subject!: string;
}
