import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ReleaseType } from './release.type';

@ObjectType('ReleasePageInfo', { description: 'Where a page of releases stands (Relay PageInfo).' })
export class ReleasePageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass it as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType('ReleaseEdge')
export class ReleaseEdgeType {
  @Field()
  cursor!: string;

  @Field(() => ReleaseType)
  node!: ReleaseType;
}

@ObjectType('ReleaseConnection', { description: 'Releases, newest first.' })
export class ReleaseConnectionType {
  @Field(() => [ReleaseEdgeType])
  edges!: ReleaseEdgeType[];

  @Field(() => ReleasePageInfoType)
  pageInfo!: ReleasePageInfoType;

  @Field(() => Int, { description: 'Every release published so far.' })
  totalCount!: number;
}
