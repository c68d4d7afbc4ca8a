import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { MandatoryReadingService } from '../application/mandatory-reading.service';
import {
  AcknowledgeRuleChangeInput,
  MandatoryReadingReminderType,
  MandatoryReadingStatusType,
  MandatoryReadingType,
  RemindMandatoryReadingInput,
} from './mandatory-reading.types';

@Resolver()
export class MandatoryReadingResolver {
  constructor(private readonly readings: MandatoryReadingService) {}

  @Access(Role.OPERATOR)
  @Query(() => [MandatoryReadingType], {
    description: 'The caller’s mandatory changes of the last 30 days: still to read first.',
  })
  async myMandatoryReadings(@CurrentUser() caller: AuthenticatedUser): Promise<MandatoryReadingType[]> {
    return (await this.readings.mine(caller)).map((view) => MandatoryReadingType.of(view));
  }

  @Access(Role.OPERATOR)
  @Mutation(() => MandatoryReadingType, {
    description: '“J’ai lu et compris”: records the time and the release; again keeps the first time.',
  })
  async acknowledgeRuleChange(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: AcknowledgeRuleChangeInput,
  ): Promise<MandatoryReadingType> {
    return MandatoryReadingType.of(await this.readings.acknowledge(caller, input));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Query(() => [MandatoryReadingStatusType], {
    description: 'Per mandatory change of the last 30 days, who on the site has not acknowledged it (by name).',
  })
  async mandatoryReadingStatus(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string | null,
  ): Promise<MandatoryReadingStatusType[]> {
    return (await this.readings.siteStatus(caller, siteId)).map((view) => MandatoryReadingStatusType.of(view));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => MandatoryReadingReminderType, { description: 'Notifies the site’s operators who have not acknowledged the change yet.' })
  async remindMandatoryReading(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: RemindMandatoryReadingInput,
  ): Promise<MandatoryReadingReminderType> {
    return { reminded: await this.readings.remind(caller, input, input.siteId) };
  }
}
