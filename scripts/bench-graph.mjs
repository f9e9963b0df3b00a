// Layout and rendering benchmark for the network-graph webview: a synthetic 500-service file goes through
// the core (compose/networkGraph DTO), then the BUILT webview in headless Chromium lays it out with ELK and
// draws it. Run `npm run build` first; `npm run bench:graph [services]`. Needs /usr/bin/chromium.
import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { graphFor, openGraphPage, showGraph, chromiumPath } from '../test/webview/harness.ts';

const services = Number(process.argv[2] ?? 500);
const networks = Math.max(2, Math.round(services / 50));

/** Deterministic pseudo-random numbers, so every run measures the same file. */
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function composeFile() {
  const lines = ['services:'];
  for (let i = 0; i < services; i++) {
    const home = i % networks;
    lines.push(`  svc${i}:`, `    image: example/svc${i}:1.0`);
    lines.push(`    networks: [net${home}${random() < 0.2 ? `, net${(home + 1) % networks}` : ''}]`);
    if (random() < 0.3) lines.push(`    ports: ["${10000 + i}:80"]`);
    const peer = i - networks * (1 + Math.floor(random() * 3));
    if (peer >= 0) lines.push(`    depends_on: [svc${peer}]`);
    if (random() < 0.1) lines.push(`    volumes: [data${i % 20}:/data]`);
  }
  lines.push('networks:', ...Array.from({ length: networks }, (_, n) => `  net${n}: {}`));
  lines.push('volumes:', ...Array.from({ length: 20 }, (_, n) => `  data${n}: {}`));
  return lines.join('\n') + '\n';
}

if (!chromiumPath()) {
  console.error('No Chromium at /usr/bin/chromium: apt-get install chromium');
  process.exit(2);
}
const text = composeFile();
let start = performance.now();
const graph = graphFor(text);
const coreMs = performance.now() - start;
const page = await openGraphPage({ width: 1600, height: 1000 });
const runs = [];
const parts = [];
for (let run = 0; run < 5; run++) {
  // A fresh uri each time so the page treats it as a new document and opens it afresh.
  start = performance.now();
  await showGraph(page, graph, `file:///bench/run${run}.yaml`);
  runs.push(performance.now() - start);
  parts.push(await page.page.evaluate('`${document.body.dataset.layout} layout ${document.body.dataset.layoutMs} ms + draw ${document.body.dataset.renderMs} ms`'));
}
await showGraph(page, graph, 'file:///bench/final.yaml');
const drawn = await page.page.$$eval('.node', (nodes) => nodes.length);
mkdirSync('test-artifacts', { recursive: true });
await page.page.screenshot({ path: `test-artifacts/bench-${services}.png` });
await page.close();
const fmt = (ms) => `${Math.round(ms)} ms`;
console.log(`${services} services, ${graph.nodes.length} nodes, ${graph.edges.length} edges (${drawn} nodes drawn)`);
console.log(`core compose/networkGraph DTO: ${fmt(coreMs)}`);
console.log(`per run (layout in the worker + drawing): ${parts.join('; ')}`);
console.log(`webview layout + render, per run: ${runs.map(fmt).join(', ')}; median ${fmt([...runs].sort((a, b) => a - b)[2])}`);
console.log(`screenshot: test-artifacts/bench-${services}.png`);
