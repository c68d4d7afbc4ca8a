import { Field, ObjectType } from '@nestjs/graphql';

/** Relay's PageInfo, once for every connection of the schema. */
@ObjectType('PageInfo', { description: 'Where a page of a list stands (Relay PageInfo).' })
export class PageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass it as `after` to get the next page.' })
  endCursor!: string | null;
}
