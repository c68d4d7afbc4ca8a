import { applyDecorators } from '@nestjs/common';
import { Field, ID, type FieldOptions } from '@nestjs/graphql';
import { IsString } from 'class-validator';

/**
 * An `ID!` argument or input field: a string for the validator (a malformed id is then the
 * use case's NOT_FOUND, never a 500), `ID` for the schema. Declared once for every input.
 */
export function IdField(options?: FieldOptions): PropertyDecorator {
  return applyDecorators(options ? Field(() => ID, options) : Field(() => ID), IsString());
}
