/**
 * Generators of hostile but legal Compose files, one per kind of list an analysis walks (issue 19):
 * huge lists must give findings, never a RangeError from spreading them into a call, a stack
 * overflow, or quadratic time. Sizes are parameters, so the unit tests run them just past the point
 * where spreading breaks and the benchmark can run them larger.
 */

/** One service publishing `count` full-range port entries, alternating tcp and udp. */
export function fullRangePorts(count: number): string {
  const lines = ['services:', '  web:', '    image: nginx', '    ports:'];
  for (let i = 0; i < count; i++) lines.push(`      - "1-65535:1-65535${i % 2 ? '/udp' : ''}"`);
  return lines.join('\n') + '\n';
}

/** One service publishing `count` distinct single ports (each its own binding). */
export function distinctPorts(count: number, extra = ''): string {
  const lines = ['services:', '  web:', '    image: nginx', ...(extra ? [`    ${extra}`] : []), '    ports:'];
  for (let i = 0; i < count; i++) lines.push(`      - "${1 + (i % 65535)}:80${i >= 65535 ? '/udp' : ''}"`);
  return lines.join('\n') + '\n';
}

/** A map merging the same anchor `count` times: `<<: [*a, *a, ...]`. */
export function manyMergeAliases(count: number): string {
  return `x-a: &a {image: nginx}\nservices:\n  web:\n    <<: [${Array(count).fill('*a').join(', ')}]\n`;
}

/** `count` services, each with a key the schema does not know. */
export function servicesWithUnknownKey(count: number): string {
  const lines = ['services:'];
  for (let i = 0; i < count; i++) lines.push(`  s${i}: {image: x, imag: x}`);
  return lines.join('\n') + '\n';
}

/** `count` networks, each with its own IPv4 subnet. */
export function networksWithSubnets(count: number): string {
  const lines = ['services:', '  web:', '    image: nginx', 'networks:'];
  for (let i = 0; i < count; i++) lines.push(`  n${i}:`, '    ipam:', '      config:', `        - subnet: 10.${(i >> 8) & 255}.${i & 255}.0/24`);
  return lines.join('\n') + '\n';
}

/** `count` services, each referring to networks, volumes, secrets and a dependency. */
export function manyReferences(count: number): string {
  const lines = ['services:'];
  for (let i = 0; i < count; i++) lines.push(`  s${i}: {image: x, networks: [net], volumes: ["data:/d"], depends_on: [s${(i + 1) % count}]}`);
  lines.push('networks:', '  net: {}', 'volumes:', '  data: {}');
  return lines.join('\n') + '\n';
}

/** An alias bomb ("billion laughs") after `padding` characters of comment. */
export function aliasBombAfter(padding: number): string {
  const levels = 'abcdefghi';
  const lines = ['# ' + 'x'.repeat(padding), 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < levels.length; i++) lines.push(`${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]`);
  return lines.join('\n') + '\n';
}
