import type { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from './page-info.type';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoType;
}

/**
 * Relay's edge and connection for one node type, written once for every list of the schema.
 * It declares the GraphQL type `<name>Edge`; the caller extends the returned class as
 * `@ObjectType('<name>Connection', …)` and adds the counts its list has (`totalCount`,
 * `unreadCount`…), whose descriptions differ from list to list.
 */
export function ConnectionOf<T>(name: string, node: Type<T>): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfoType)
    pageInfo!: PageInfoType;
  }

  return ConnectionType as Type<Connection<T>>;
}

/**
 * The PageInfo of one page of edges, written once for every list: the page's cursors are
 * its first and last edge's. Only the list knows whether pages stand before and after it.
 */
export function pageInfoOf(
  edges: readonly Edge<unknown>[],
  around: { hasPreviousPage: boolean; hasNextPage: boolean },
): PageInfoType {
  return {
    hasNextPage: around.hasNextPage,
    hasPreviousPage: around.hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}
