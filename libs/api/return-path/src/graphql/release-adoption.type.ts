import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PeopleCountType } from '@pepite/api/insights';
import type { AdoptionGroupView, ReleaseAdoptionView, TeamAdoptionView } from '../application/release-adoption.service';

@ObjectType('TeamAdoption', { description: 'One team’s figures; fewer than 3 people are folded, as in insights.' })
export class TeamAdoptionType {
  @Field(() => ID, { nullable: true, description: 'Null: operators with no team.' })
  teamId!: string | null;

  @Field(() => String, { nullable: true })
  teamName!: string | null;

  @Field(() => PeopleCountType, { description: 'Operators whose desktop reported in the active window.' })
  activeOperators!: PeopleCountType;

  @Field(() => PeopleCountType, { description: 'Of those, operators all of whose desktops run this release or a later one.' })
  running!: PeopleCountType;

  @Field(() => Float, { nullable: true, description: 'running / active; null when folded or nobody is active.' })
  share!: number | null;

  @Field(() => PeopleCountType, { description: 'Desktops stale for this release (a desktop is someone’s: folded too).' })
  staleDesktops!: PeopleCountType;

  static of(view: TeamAdoptionView): TeamAdoptionType {
    return Object.assign(new TeamAdoptionType(), groupOf(view), { teamId: view.teamId, teamName: view.teamName });
  }
}

@ObjectType('ReleaseAdoption', {
  description:
    'Who on a site runs a release, from the desktops’ own reports. Aggregates only: no name and no desktop is shown.',
})
export class ReleaseAdoptionType {
  @Field(() => Int)
  version!: number;

  @Field()
  publishedAt!: Date;

  @Field(() => ID)
  siteId!: string;

  @Field(() => Int, { description: 'Operators count as active when a desktop of theirs reported within this many hours.' })
  activeWindowHours!: number;

  @Field(() => Int, { description: 'A desktop silent, or still behind this release, for longer than this is stale.' })
  staleAfterHours!: number;

  @Field(() => PeopleCountType)
  activeOperators!: PeopleCountType;

  @Field(() => PeopleCountType)
  running!: PeopleCountType;

  @Field(() => Float, { nullable: true })
  share!: number | null;

  @Field(() => PeopleCountType)
  staleDesktops!: PeopleCountType;

  @Field(() => Float, { nullable: true, description: 'Hours from publication until half of the active operators ran it; null until then.' })
  hoursTo50!: number | null;

  @Field(() => Float, { nullable: true, description: 'The same for 95 %.' })
  hoursTo95!: number | null;

  @Field(() => [TeamAdoptionType], { description: 'Every team of the site, by name.' })
  teams!: TeamAdoptionType[];

  @Field()
  computedAt!: Date;

  static of(view: ReleaseAdoptionView): ReleaseAdoptionType {
    return Object.assign(new ReleaseAdoptionType(), view, groupOf(view), { teams: view.teams.map((team) => TeamAdoptionType.of(team)) });
  }
}

function groupOf(view: AdoptionGroupView) {
  return {
    activeOperators: PeopleCountType.of(view.activeOperators),
    running: PeopleCountType.of(view.running),
    share: view.share,
    staleDesktops: PeopleCountType.of(view.staleDesktops),
  };
}
