import { chooseMapping, groupsFromClaims } from './group-mapping';
import { Role } from './role';

const site = '00000000-0000-4000-8000-000000000001';
const mappings = [
  { group: 'cc-operators', role: Role.OPERATOR, siteId: site, teamId: 't1' },
  { group: 'cc-leads', role: Role.MANAGER, siteId: site, teamId: 't1' },
  { group: 'cc-leads-b', role: Role.MANAGER, siteId: site, teamId: 't2' },
];

describe('chooseMapping', () => {
  it('gives the highest role among the mapped groups', () => {
    expect(chooseMapping(['cc-operators', 'cc-leads', 'unrelated'], mappings)?.group).toBe('cc-leads');
  });

  it('breaks a tie by group name, whatever order the provider lists them in', () => {
    expect(chooseMapping(['cc-leads-b', 'cc-leads'], mappings)?.group).toBe('cc-leads');
    expect(chooseMapping(['cc-leads', 'cc-leads-b'], mappings)?.group).toBe('cc-leads');
  });

  it('is null when no group is mapped', () => {
    expect(chooseMapping(['unrelated'], mappings)).toBeNull();
    expect(chooseMapping([], mappings)).toBeNull();
  });
});

describe('groupsFromClaims', () => {
  it('reads a list, a single value, or nothing', () => {
    expect(groupsFromClaims({ groups: ['a', 1, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsFromClaims({ roles: 'Pepite.Operator' }, 'roles')).toEqual(['Pepite.Operator']);
    expect(groupsFromClaims({}, 'groups')).toEqual([]);
  });

  it('reports the Entra ID groups overage instead of reading no groups', () => {
    expect(groupsFromClaims({ _claim_names: { groups: 'src1' } }, 'groups')).toBe('overage');
  });
});
