import { AllowedTargets, isAllowedTarget } from './target-address';

describe('webhook targets (server-side request forgery)', () => {
  const none = new AllowedTargets([]);

  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '224.0.0.1',
  ])('refuses %s', (address) => {
    expect(isAllowedTarget(address, none)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])('allows the public address %s', (address) => {
    expect(isAllowedTarget(address, none)).toBe(true);
  });

  it('allows what configuration allows, and only that', () => {
    const allowed = new AllowedTargets(['127.0.0.1', '10.1.0.0/16']);
    expect(isAllowedTarget('127.0.0.1', allowed)).toBe(true);
    expect(isAllowedTarget('127.0.0.2', allowed)).toBe(false);
    expect(isAllowedTarget('10.1.2.3', allowed)).toBe(true);
    expect(isAllowedTarget('10.2.0.1', allowed)).toBe(false);
    expect(() => new AllowedTargets(['localhost'])).toThrow('not an IP address');
  });
});
