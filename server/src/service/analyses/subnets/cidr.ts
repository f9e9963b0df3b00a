/**
 * Address and CIDR arithmetic for IPAM checks, on top of ipaddr.js. Addresses become bigints so ranges
 * of both families compare, sort and step the same way. Parsing is as strict as Go's `net/netip`
 * (which the engine uses): dotted-quad IPv4 only, no IPv6 zones, decimal prefix lengths.
 */
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface Address {
  readonly family: Family;
  readonly value: bigint;
}

/** A parsed prefix: `start`..`end` is the masked range; `address` is what was written before `/`. */
export interface Cidr {
  readonly family: Family;
  readonly prefix: number;
  readonly address: bigint;
  readonly start: bigint;
  readonly end: bigint;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const PREFIX = /^(0|[1-9]\d{0,2})$/;

export function bitsOf(family: Family): number {
  return family === 4 ? 32 : 128;
}

export function parseAddress(text: string): Address | undefined {
  const value = text.trim();
  if (IPV4.test(value) && ipaddr.IPv4.isValidFourPartDecimal(value)) return { family: 4, value: toBigInt(ipaddr.IPv4.parse(value).toByteArray()) };
  if (value.includes(':') && !value.includes('%') && ipaddr.IPv6.isValid(value)) return { family: 6, value: toBigInt(ipaddr.IPv6.parse(value).toByteArray()) };
  return undefined;
}

/** An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) as the IPv4 address Compose turns it into (`Unmap`). */
export function unmap(address: Address): Address {
  return address.family === 6 && address.value >> 32n === 0xffffn ? { family: 4, value: address.value & 0xffffffffn } : address;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1).trim();
  if (!address || !PREFIX.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > bitsOf(address.family)) return undefined;
  return cidrOf(address.family, address.value, prefix);
}

/** The prefix of length `prefix` containing `value`. */
export function cidrOf(family: Family, value: bigint, prefix: number): Cidr {
  const hostBits = BigInt(bitsOf(family) - prefix);
  const start = (value >> hostBits) << hostBits;
  return { family, prefix, address: value, start, end: start + (1n << hostBits) - 1n };
}

export function hasHostBits(cidr: Cidr): boolean {
  return cidr.address !== cidr.start;
}

export function contains(outer: Cidr, inner: Cidr | Address): boolean {
  if (outer.family !== inner.family) return false;
  return 'start' in inner ? outer.start <= inner.start && inner.end <= outer.end : outer.start <= inner.value && inner.value <= outer.end;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/**
 * Addresses of a subnet the default IPAM never hands out: the network address and, for IPv4, the
 * broadcast address. /31 and /32 (IPv6 /127, /128) have none to spare.
 */
export function reservedAddresses(cidr: Cidr): { readonly value: bigint; readonly what: string }[] {
  if (bitsOf(cidr.family) - cidr.prefix < 2) return [];
  const reserved = [{ value: cidr.start, what: 'network address' }];
  if (cidr.family === 4) reserved.push({ value: cidr.end, what: 'broadcast address' });
  return reserved;
}

export function formatAddress(family: Family, value: bigint): string {
  const bytes: number[] = [];
  for (let i = bitsOf(family) / 8 - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  const address = ipaddr.fromByteArray(bytes);
  return address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}

export function formatCidr(cidr: Pick<Cidr, 'family' | 'start' | 'prefix'>): string {
  return `${formatAddress(cidr.family, cidr.start)}/${cidr.prefix}`;
}

export function familyName(family: Family): string {
  return family === 4 ? 'IPv4' : 'IPv6';
}

function toBigInt(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
