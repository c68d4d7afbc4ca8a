import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum DiffSegmentKind {
  SAME = 'SAME',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}

registerEnumType(DiffSegmentKind, {
  name: 'DiffSegmentKind',
  valuesMap: {
    SAME: { description: 'Text in both versions.' },
    ADDED: { description: 'Text only in the later version.' },
    REMOVED: { description: 'Text only in the earlier version.' },
  },
});

@ObjectType('DiffSegment')
export class DiffSegmentType {
  @Field(() => DiffSegmentKind)
  kind!: DiffSegmentKind;

  @Field()
  text!: string;
}

@ObjectType('FieldChange', { description: 'One field that differs between two revisions of a rule.' })
export class FieldChangeType {
  @Field({
    description: 'category, title, statement, rationale, latitude, escalation, customerWording, tags or effectiveFrom.',
  })
  field!: string;

  @Field({ description: 'Tags are joined by ", ".' })
  before!: string;

  @Field()
  after!: string;

  @Field(() => [DiffSegmentType], {
    nullable: true,
    description:
      'Word-level diff of the long text fields (SAME + REMOVED spell before, SAME + ADDED spell after); null for short fields.',
  })
  segments!: DiffSegmentType[] | null;
}

@ObjectType('RuleDiff')
export class RuleDiffType {
  @Field()
  key!: string;

  @Field(() => Int, { description: 'Revision compared from.' })
  from!: number;

  @Field(() => Int, { description: 'Revision compared to.' })
  to!: number;

  @Field(() => [FieldChangeType], {
    description: 'The changed fields in reading order; empty when the revisions read the same.',
  })
  fields!: FieldChangeType[];
}
