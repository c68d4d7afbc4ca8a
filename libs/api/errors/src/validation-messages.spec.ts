import { IsEmail, MinLength, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { ErrorCode, httpStatusOf } from './error-code';
import { fieldProblems, invalidInputError } from './validation-messages';

class Address {
  @MinLength(3)
  city = 'X';
}

class Person {
  @IsEmail()
  email = 'nope';

  @ValidateNested()
  @Type(() => Address)
  address = new Address();
}

describe('validation messages for people', () => {
  const errors = validateSync(new Person());

  it('lists every failed constraint with a dotted path and its bound', () => {
    const problems = fieldProblems(errors);
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([
      ['email', 'isEmail'],
      ['address.city', 'minLength'],
    ]);
    expect(problems[1]?.message.fr).toBe('« address.city » doit contenir au moins 3 caractères');
    expect(problems[1]?.message.en).toBe('“address.city” must be at least 3 characters long');
  });

  it('becomes one BAD_USER_INPUT error in both languages', () => {
    const error = invalidInputError(errors);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.messageIn('fr')).toMatch(/^Certaines informations ne sont pas valables : « email »/);
    expect(error.messageIn('en')).toMatch(/^Some of the information is not valid: “email”/);
    expect(httpStatusOf(error.code)).toBe(400);
  });
});
