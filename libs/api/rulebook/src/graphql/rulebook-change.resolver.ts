import { Resolver, Subscription } from '@nestjs/graphql';
import { AnyRole } from '@pepite/api/identity';
import { RulebookChangeFeed } from './rulebook-change-feed';
import { RulebookChangeType } from './rulebook-change.type';

@Resolver(() => RulebookChangeType)
export class RulebookChangeResolver {
  constructor(private readonly feed: RulebookChangeFeed) {}

  @AnyRole()
  @Subscription(() => RulebookChangeType, {
    description: 'Every release and advisory published from now on, in publication order (graphql-ws).',
    resolve: (change: RulebookChangeType) => change,
  })
  rulebookChanged(): AsyncIterableIterator<RulebookChangeType> {
    return this.feed.subscribe();
  }
}
