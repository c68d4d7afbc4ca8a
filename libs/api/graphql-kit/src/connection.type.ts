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
 * A page of `edges` as Relay wants it: the page info's cursors are those of the first and last
 * edge; whether pages exist before and after is the list's own knowledge.
 */
export function connectionOf<T>(
  edges: Edge<T>[],
  pages: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean },
): Connection<T> {
  return {
    edges,
    pageInfo: {
      hasNextPage: pages.hasNextPage,
      hasPreviousPage: pages.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
