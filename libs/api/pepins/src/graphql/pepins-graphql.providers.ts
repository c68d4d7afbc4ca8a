import type { Provider } from '@nestjs/common';
import { PepinConversationResolver } from './conversation.resolver';
import { ListeningSessionResolver } from './listening-session.resolver';
import { People } from './people';
import { PepinChangeResolver } from './pepin-change.resolver';
import { PepinEventResolver, PepinMessageResolver, PepinResolver } from './pepin.resolver';
import { RequestBatcher } from '@pepite/api/graphql-kit';

/** The pépins' GraphQL API. */
export const PEPIN_GRAPHQL_PROVIDERS: Provider[] = [
  { provide: RequestBatcher, useValue: new RequestBatcher() },
  People,
  PepinResolver,
  PepinEventResolver,
  PepinMessageResolver,
  PepinConversationResolver,
  ListeningSessionResolver,
  PepinChangeResolver,
];
