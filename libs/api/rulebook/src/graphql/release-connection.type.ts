import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ReleaseType } from './release.type';
import { ConnectionOf } from '@pepite/api/graphql-kit';

@ObjectType('ReleaseConnection', { description: 'Releases, newest first.' })
export class ReleaseConnectionType extends ConnectionOf('Release', ReleaseType) {
  @Field(() => Int, { description: 'Every release published so far.' })
  totalCount!: number;
}
