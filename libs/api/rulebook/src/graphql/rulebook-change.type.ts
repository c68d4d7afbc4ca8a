import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AdvisoryType } from './advisory.type';
import { ReleaseType } from './release.type';

export enum RulebookChangeKind {
  RELEASE = 'RELEASE',
  ADVISORY = 'ADVISORY',
}

registerEnumType(RulebookChangeKind, {
  name: 'RulebookChangeKind',
  valuesMap: {
    RELEASE: { description: 'A new release is in force: `release` is set.' },
    ADVISORY: { description: 'An advisory was published: `advisory` is set.' },
  },
});

@ObjectType('RulebookChange', { description: 'Something new in the rulebook, as it happens.' })
export class RulebookChangeType {
  @Field(() => RulebookChangeKind)
  kind!: RulebookChangeKind;

  @Field(() => ReleaseType, { nullable: true })
  release!: ReleaseType | null;

  @Field(() => AdvisoryType, { nullable: true })
  advisory!: AdvisoryType | null;
}
