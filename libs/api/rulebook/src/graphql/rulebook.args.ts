import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

@ArgsType()
export class RulebookArgs {
  @Field(() => Int, { nullable: true, description: 'A release number; the latest release when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version?: number | null;
}
