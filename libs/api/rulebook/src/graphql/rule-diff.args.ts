import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';

@ArgsType()
export class RuleDiffArgs {
  @Field(() => Int, { description: 'The earlier revision (RuleVersion.revision).' })
  @IsInt()
  @Min(1)
  from!: number;

  @Field(() => Int, { description: 'The later revision.' })
  @IsInt()
  @Min(1)
  to!: number;
}
