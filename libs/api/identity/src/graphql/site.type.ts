import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Team')
export class TeamType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  siteId!: string;

  @Field()
  name!: string;
}

@ObjectType('Site')
export class SiteType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'IANA time zone of the site, for deadlines shown to people.' })
  timeZone!: string;

  @Field(() => Int, { description: 'Hours managers have to acknowledge a pépin (default 72).' })
  ackSlaHours!: number;
}
