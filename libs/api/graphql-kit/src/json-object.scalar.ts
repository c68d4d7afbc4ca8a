import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

function plainObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null ? (value as Record<string, unknown>) : null;
}

/**
 * A JSON object, sent as it is (not as a string): `params { reference release }` is not
 * selectable, but `params` arrives as `{"reference": "PEP-000123", "release": 7}`. One
 * scalar for the whole schema (notification params, audit details…).
 */
export const JsonObjectScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: 'JSONObject',
  description:
    'A JSON object, e.g. {"reference": "PEP-000123", "release": 7}; each field using it says which keys to expect.',
  serialize(value) {
    const object = plainObject(value);
    if (!object) throw new GraphQLError('JSONObject cannot represent a value that is not a plain object');
    return object;
  },
  parseValue(value) {
    const object = plainObject(value);
    if (!object) throw new GraphQLError('JSONObject expects a JSON object');
    return object;
  },
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.OBJECT) throw new GraphQLError('JSONObject expects an object literal', { nodes: ast });
    return valueFromASTUntyped(ast, variables) as Record<string, unknown>;
  },
});
