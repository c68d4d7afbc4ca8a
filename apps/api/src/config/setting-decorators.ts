import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

// How a setting's text in the environment becomes a typed value; unset or empty keeps the default.

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** A whole number, between `min` and `max` (inclusive) when given. */
export function IntSetting(min: number, max?: number): PropertyDecorator {
  const bounds = max === undefined ? [Min(min)] : [Min(min), Max(max)];
  return applyDecorators(Transform(toInt), IsInt(), ...bounds);
}

/** A yes/no: `1`, `true`, `yes` or `on` (any case) is yes, anything else no. */
export function BooleanSetting(): PropertyDecorator {
  return Transform(toBool);
}
