import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { PepinConversation } from '../application/pepin-conversation.service';
import { PepinMessageArgs } from './pepin.inputs';
import { PepinMessageType } from './pepin.type';

@Resolver(() => PepinMessageType)
export class PepinConversationResolver {
  constructor(private readonly conversation: PepinConversation) {}

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => PepinMessageType, {
    description: 'Asks the reporter of a pépin a question; they are told, and stay anonymous.',
  })
  async askReporter(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { pepinId, body, idempotencyKey }: PepinMessageArgs,
  ): Promise<PepinMessageType> {
    return PepinMessageType.of(
      await this.conversation.askReporter(caller, pepinId, body, { idempotencyKey }),
      caller.locale,
    );
  }

  @Access(Role.OPERATOR)
  @Mutation(() => PepinMessageType, {
    description: 'The reporter answers the managers on their pépin; the thread shows “Reporter”, not their name.',
  })
  async replyToManagers(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { pepinId, body, idempotencyKey }: PepinMessageArgs,
  ): Promise<PepinMessageType> {
    return PepinMessageType.of(
      await this.conversation.replyToManagers(caller, pepinId, body, { idempotencyKey }),
      caller.locale,
    );
  }
}
