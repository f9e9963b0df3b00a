/**
 * Hover and completion latency on a generated 1,000-service Compose file (issue 5 asks for p95 ≤ 20 ms).
 * Run: `npx tsx bench/featureLatency.ts [services]`. Prints p50/p95/max per feature over a fixed spread
 * of cursor positions, with the document parsed once (as the server's per-version cache does).
 */
import { service } from '../test/support/service';

const SERVICES = Number(process.argv[2] ?? 1000);
const NETWORKS = 20;
const SAMPLES = 2000;

function composeFile(): string {
  const lines = ['services:'];
  for (let i = 0; i < SERVICES; i++) {
    lines.push(
      `  svc${i}:`,
      `    image: registry.example.com/team/app${i}:\${TAG:-1.${i}}`,
      '    ports:',
      `      - "127.0.0.1:${10000 + i}:80"`,
      `      - target: 443`,
      `        published: ${20000 + i}`,
      '        mode: host',
      '    networks:',
      `      net${i % NETWORKS}:`,
      `        ipv4_address: 10.${i % NETWORKS}.${Math.floor(i / 250)}.${(i % 250) + 2}`,
      `    depends_on: [svc${(i + 1) % SERVICES}]`,
      '    deploy:',
      '      mode: replicated',
      '      replicas: 2',
      '      endpoint_mode: vip',
      '      placement:',
      '        constraints: ["node.role == worker"]',
      '      update_config:',
      '        order: start-first',
      '        delay: 10s',
      '    healthcheck:',
      '      interval: 1m30s',
      '    restart: unless-stopped',
    );
  }
  lines.push('networks:');
  for (let n = 0; n < NETWORKS; n++) lines.push(`  net${n}:`, '    driver: bridge', '    ipam:', '      config:', `        - subnet: 10.${n}.0.0/16`);
  return lines.join('\n') + '\n';
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function measure(name: string, offsets: readonly number[], run: (offset: number) => unknown): void {
  const times = offsets.map((offset) => {
    const start = performance.now();
    run(offset);
    return performance.now() - start;
  });
  times.sort((a, b) => a - b);
  const fmt = (ms: number): string => ms.toFixed(2).padStart(7);
  console.log(`${name.padEnd(28)} p50 ${fmt(percentile(times, 50))} ms   p95 ${fmt(percentile(times, 95))} ms   max ${fmt(times[times.length - 1]!)} ms`);
}

const text = composeFile();
const parseStart = performance.now();
const doc = service.parse(text, 'compose');
console.log(`${SERVICES} services, ${text.split('\n').length} lines, ${text.length} chars; parse ${(performance.now() - parseStart).toFixed(0)} ms`);
// Deterministic spread over the whole file, plus the end of the file (deepest key scans).
const offsets = Array.from({ length: SAMPLES }, (_, i) => Math.floor((i * 7919 * 104729) % text.length)).concat([text.length - 1]);
// Warm up the JIT on a few calls so the numbers describe steady-state editing.
for (const offset of offsets.slice(0, 50)) {
  service.hover(doc, offset);
  service.completion(doc, offset);
}
measure('hover', offsets, (offset) => service.hover(doc, offset));
// Beside Red Hat YAML or Docker DX, key hovers keep only Shipshape's own notes.
measure('hover (peer shows schema)', offsets, (offset) => service.hover(doc, offset, { peers: { keyHovers: true } }));
measure('completion (invoked)', offsets, (offset) => service.completion(doc, offset));
measure('completion (space trigger)', offsets, (offset) => service.completion(doc, offset, ' '));
const subnets = [...text.matchAll(/subnet: /g)].map((match) => match.index + 10);
const cold = service.parse(text, 'compose');
measure('hover on a subnet (1st)', subnets.slice(0, 1), (offset) => service.hover(cold, offset));
measure('hover on a subnet (cached)', subnets, (offset) => service.hover(cold, offset));
