import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not call (server-side request forgery): loopback, private, link-local,
 * carrier-grade NAT, unspecified, multicast and reserved ranges, in IPv4 and IPv6. A call
 * centre that runs its CRM on its own network allows those addresses by configuration.
 */
const FORBIDDEN_V4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;
const FORBIDDEN_V6 = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const;

const forbidden = new BlockList();
for (const [network, prefix] of FORBIDDEN_V4) forbidden.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of FORBIDDEN_V6) forbidden.addSubnet(network, prefix, 'ipv6');

/** The addresses configuration allows despite the rules above: `127.0.0.1`, `10.0.0.0/8`, `fd00::/8`… */
export class AllowedTargets {
  private readonly list = new BlockList();

  constructor(readonly entries: readonly string[]) {
    for (const entry of entries) {
      const [network = '', prefix] = entry.split('/');
      const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
      if (isIP(network) === 0) throw new Error(`not an IP address or network: ${entry}`);
      if (prefix === undefined) this.list.addAddress(network, family);
      else this.list.addSubnet(network, Number(prefix), family);
    }
  }

  has(address: string): boolean {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    return this.list.check(address, family);
  }
}

/** IPv4 written inside IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 it is. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

/** Whether a webhook may call this IP address. */
export function isAllowedTarget(address: string, allowed: AllowedTargets): boolean {
  const plain = unmapped(address);
  const version = isIP(plain);
  if (version === 0) return false;
  if (allowed.has(plain)) return true;
  return !forbidden.check(plain, version === 6 ? 'ipv6' : 'ipv4');
}
