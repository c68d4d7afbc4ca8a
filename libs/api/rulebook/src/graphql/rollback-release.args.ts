import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';

@ArgsType()
export class RollbackReleaseArgs {
  @Field(() => Int, { description: 'The earlier release whose rules the new release restores.' })
  @IsInt()
  @Min(1)
  toVersion!: number;

  @Field(() => String, { nullable: true, description: 'Why the rulebook is rolled back; shown in the changelog.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}
