/**
 * A GraphQL object built from an application view whose fields carry the same names, with the
 * view itself kept as `view` for the field resolvers. GraphQL serialises only the declared
 * fields, so what the view holds beyond them (ids the resolvers need) is never sent as such.
 */
export function fromView<T extends { view: V }, V extends object>(type: new () => T, view: V): T {
  return Object.assign(new type(), view, { view });
}
