export enum Role {
  OPERATOR = 'OPERATOR',
  MANAGER = 'MANAGER',
  ADMIN = 'ADMIN',
}

export const ALL_ROLES: readonly Role[] = [Role.OPERATOR, Role.MANAGER, Role.ADMIN];
