import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@InputType({ description: 'What one desktop has applied. Sending the same report again changes nothing but the time it was last heard of.' })
export class ReportDesktopStatusInput {
  @Field(() => Int, { description: 'The release the desktop runs.' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  releaseVersion!: number;

  @Field(() => Date, { description: 'When the desktop applied it (a time in the future is read as now).' })
  @Type(() => Date)
  @IsDate()
  appliedAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'A random id the desktop draws once and keeps, so that two desktops of one operator count apart. Absent: the operator’s one desktop.',
  })
  @IsOptional()
  @IsUUID()
  desktopId?: string | null;
}
