import { ArgsType, Field } from '@nestjs/graphql';
import { MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field()
  @MinLength(3)
  @MaxLength(320)
  email!: string;

  // Bounded so nobody can make argon2 hash megabytes.
  @Field()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}
