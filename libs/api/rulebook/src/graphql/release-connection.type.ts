import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ReleaseType } from './release.type';
import { PageInfoType } from '@pepite/api/graphql-kit';

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

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Every release published so far.' })
  totalCount!: number;
}
