import { Field, ObjectType } from '@nestjs/graphql';
import { ReleaseType } from './release.type';

/** A whole release; its `rules` are resolved in RulebookResolver, only when asked for. */
@ObjectType('Rulebook', { description: 'One release of the rulebook with the rules in force in it.' })
export class RulebookType {
  @Field(() => ReleaseType)
  release!: ReleaseType;
}
