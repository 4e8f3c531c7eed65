import { BlockList, isIP } from 'node:net';
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

/**
 * The rate-limit key for "this client": its address (request.ip, as TRUST_PROXY lets Fastify read it), with
 * IPv6 masked to its /64 as the plugin does by default, since one household or server gets a whole /64.
 */
export const addressKey = (request: FastifyRequest): string => `ip:${normalizeIP(request.ip)}`;

/**
 * The per-address limit of the routes that take a password (login, registration, password change): keyed on
 * the address alone, never on the session, so extra sessions (say, pending accounts' cookies) buy no extra tries.
 */
export const authRateLimit = (max: number) => ({
  max,
  timeWindow: '15 minutes',
  keyGenerator: addressKey,
  // Room for many addresses, so an attacker cannot push a guessing client's count out of memory.
  cache: 100_000,
});

/** Where a reverse proxy that is counted by hops (not named) may sit: loopback and the private ranges. */
const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv6');
}

function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE_RANGES.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  return family !== 0 && PRIVATE_RANGES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Fastify's `trustProxy` from config.trustProxy. Fastify 5 ignores a plain number on purpose (a hop count alone
 * would let a client that reaches the server directly claim any address), so a hop count becomes a function:
 * the nearest `hops` proxies are trusted only when they sit on loopback or a private network, where a reverse
 * proxy in front of Plein lives. A proxy on a public address must be named (TRUST_PROXY=203.0.113.7).
 */
export function trustProxyOption(trustProxy: false | number | string): false | string | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy;
  if (trustProxy === 0) return false;
  return (address, hop) => hop < trustProxy && isPrivateAddress(address);
}
