import { describe, expect, it } from 'vitest';
import { clientAddress, ipInRanges, isHttpsRequest, isPublicAddress, parseIp, parseIpRanges } from './client-address';

const proxies = parseIpRanges('10.0.0.0/8, ::1, fd00::/8');

describe('parseIp', () => {
  it.each([
    ['IPv4', '192.168.1.5', true],
    ['IPv4 out of range', '256.1.1.1', false],
    ['IPv6 loopback', '::1', true],
    ['IPv6 full', '2001:db8:0:0:0:0:0:1', true],
    ['IPv4-mapped', '::ffff:127.0.0.1', true],
    ['bracketed', '[::1]', true],
    ['name', 'evil.example', false],
    ['empty', '', false],
    ['triple colon', '1:::2', false],
  ])('%s', (_l, ip, ok) => expect(parseIp(ip) !== null).toBe(ok));
  it('IPv4 and its mapped IPv6 form are the same address', () => expect(parseIp('::ffff:10.1.2.3')).toEqual(parseIp('10.1.2.3')));
});

describe('ipInRanges', () => {
  it.each([
    ['inside /8', '10.200.3.4', true],
    ['edge of /8', '10.255.255.255', true],
    ['just outside /8', '11.0.0.0', false],
    ['mapped form inside', '::ffff:10.0.0.1', true],
    ['IPv6 exact', '::1', true],
    ['IPv6 in /8', 'fd12::5', true],
    ['IPv6 outside', 'fe80::1', false],
    ['garbage', 'x', false],
  ])('%s', (_l, ip, inside) => expect(ipInRanges(ip, proxies)).toBe(inside));
  it.each([['no prefix digits', '10.0.0.0/'], ['prefix too long', '10.0.0.0/33'], ['a name', 'proxy.local']])('refuses %s', (_l, list) =>
    expect(() => parseIpRanges(list)).toThrow(),
  );
  it('empty list trusts nobody', () => expect(ipInRanges('127.0.0.1', parseIpRanges(''))).toBe(false));
});

describe('clientAddress: X-Forwarded-For only through trusted proxies', () => {
  it.each([
    ['no proxy configured: the spoofed header is ignored', '203.0.113.9', '1.2.3.4', [], '203.0.113.9'],
    ['untrusted peer sends the header', '203.0.113.9', '1.2.3.4', proxies, '203.0.113.9'],
    ['trusted proxy: the hop it saw', '10.0.0.2', '198.51.100.7', proxies, '198.51.100.7'],
    ['trusted proxy, client prepended a lie', '10.0.0.2', '1.2.3.4, 198.51.100.7', proxies, '198.51.100.7'],
    ['two trusted hops', '10.0.0.2', '198.51.100.7, 10.0.0.9', proxies, '198.51.100.7'],
    ['all hops trusted: the leftmost', '10.0.0.2', '10.0.0.5, 10.0.0.9', proxies, '10.0.0.5'],
    ['trusted proxy without header', '10.0.0.2', null, proxies, '10.0.0.2'],
    ['garbage hop: stop at the proxy', '10.0.0.2', 'evil, <script>', proxies, '10.0.0.2'],
    ['peer unknown', null, '1.2.3.4', proxies, 'unknown'],
  ] as const)('%s', (_l, peer, xff, trusted, expected) => expect(clientAddress(peer, xff, trusted)).toBe(expected));
});

describe('isHttpsRequest', () => {
  it.each([
    ['TLS socket', '1.2.3.4', null, true, true],
    ['trusted proxy says https', '10.0.0.2', 'https', false, true],
    ['untrusted peer says https', '1.2.3.4', 'https', false, false],
    ['trusted proxy says http', '10.0.0.2', 'http', false, false],
  ] as const)('%s', (_l, peer, proto, tls, expected) => expect(isHttpsRequest(peer, proto, tls, proxies)).toBe(expected));
});

describe('isPublicAddress (webhook targets)', () => {
  it.each([
    ['loopback', '127.0.0.1', false],
    ['loopback high', '127.255.0.9', false],
    ['private 10', '10.1.2.3', false],
    ['private 172.16', '172.16.0.1', false],
    ['172.15 is public', '172.15.255.255', true],
    ['172.32 is public', '172.32.0.0', true],
    ['private 192.168', '192.168.1.1', false],
    ['link-local (cloud metadata)', '169.254.169.254', false],
    ['CGNAT', '100.64.0.1', false],
    ['unspecified', '0.0.0.0', false],
    ['IPv6 loopback', '::1', false],
    ['IPv6 unique local', 'fd00::1', false],
    ['IPv6 link-local', 'fe80::1', false],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1', false],
    ['public IPv4', '8.8.8.8', true],
    ['public IPv6', '2001:4860:4860::8888', true],
    ['not an address', 'localhost', false],
  ])('%s', (_l, ip, expected) => expect(isPublicAddress(ip)).toBe(expected));
});
