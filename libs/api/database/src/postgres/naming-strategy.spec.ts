import { snakeCase, SnakeNamingStrategy } from './naming-strategy';

describe('snake_case naming', () => {
  it.each([
    ['ackSlaHours', 'ack_sla_hours'],
    ['customerWording', 'customer_wording'],
    ['HTTPRequestId', 'http_request_id'],
    ['id', 'id'],
  ])('%s → %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });

  it('names columns with their embedded prefixes and keeps explicit names', () => {
    const strategy = new SnakeNamingStrategy();
    expect(strategy.columnName('createdAt', undefined, ['audit'])).toBe('audit_created_at');
    expect(strategy.columnName('x', 'explicitName', [])).toBe('explicit_name');
    expect(strategy.tableName('RuleVersion', undefined)).toBe('rule_version');
    expect(strategy.tableName('RuleVersion', 'rule_versions')).toBe('rule_versions');
  });
});
