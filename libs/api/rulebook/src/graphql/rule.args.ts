import { ArgsType, Field } from '@nestjs/graphql';
import { MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class RuleArgs {
  @Field({ description: 'The rule’s key, such as REFUND-004.' })
  @MinLength(1)
  @MaxLength(40)
  key!: string;
}
