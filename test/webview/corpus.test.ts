/**
 * The graph webview on real projects from the corpus (20, 34 and 64 services) in light, dark and
 * high-contrast themes, at the size of a panel beside the editor on a 1600×1000 window, with measured
 * assertions: readable text at the default view, no overlapping boxes, no mount line through an unrelated
 * box, contrast from computed styles, selection that leaves text alone, three views, a working minimap.
 * Screenshots go to test-artifacts/.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { NetworkGraphResult } from '../../server/src/protocol';
import { CORPUS, hasCorpus } from '../support/corpus';
import { ROOT } from '../support/service';
import { chromiumPath, graphFor, openGraphPage, showGraph, THEME_NAMES, waitFor, type GraphPage } from './harness';
import { contrast, drawnTexts, edgeSamples, htmlTexts, nodeBoxes } from './measure';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const corpus = (file: string) => graphFor(readFileSync(path.join(CORPUS, file), 'utf8'));
const PANEL = { width: 900, height: 950 };

/** Several files as one graph, names prefixed so they stay apart: a real 64-service picture. */
function combined(parts: readonly [string, NetworkGraphResult][]): NetworkGraphResult {
  const rename = (prefix: string, id: string) => id.replace(/^([a-z]+):/, `$1:${prefix}-`);
  return {
    nodes: parts.flatMap(([prefix, graph]) => graph.nodes.map((node) => ({ ...node, id: rename(prefix, node.id), name: `${prefix}-${node.name}` }))),
    edges: parts.flatMap(([prefix, graph]) => graph.edges.map((edge) => ({ ...edge, id: `${prefix}/${edge.id}`, from: rename(prefix, edge.from), to: rename(prefix, edge.to) }))),
  };
}

const FILES = {
  otel: 'open-telemetry__opentelemetry-demo__compose.yaml',
  appwrite: 'appwrite__appwrite__docker-compose.yml',
  mailu: 'Mailu__Mailu__docs__compose__docker-compose.yml',
};

describe('graph webview on corpus projects', function () {
  this.timeout(180000);
  const cases: [string, () => NetworkGraphResult][] = [
    ['otel-20', () => corpus(FILES.otel)],
    ['appwrite-34', () => corpus(FILES.appwrite)],
    ['combined-64', () => combined([['aw', corpus(FILES.appwrite)], ['otel', corpus(FILES.otel)], ['mailu', corpus(FILES.mailu)]])],
  ];

  before(function () {
    if (!chromiumPath()) {
      console.log('    Skipping the corpus webview tests: no Chromium at /usr/bin/chromium (apt-get install chromium).');
      this.skip();
    }
    if (!hasCorpus()) {
      console.log(`    Skipping the corpus webview tests: no corpus at ${CORPUS} (set SHIPSHAPE_CORPUS).`);
      this.skip();
    }
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  for (const theme of THEME_NAMES) {
    describe(`${theme} theme`, () => {
      let page: GraphPage;
      before(async () => {
        page = await openGraphPage({ ...PANEL, theme });
      });
      after(async () => {
        assert.deepEqual(page.problems, [], 'no CSP violation, console error or dialog');
        await page.close();
      });

      for (const [name, load] of cases) {
        it(`${name}: readable, no overlaps, no stray mount lines, contrast ≥ 4.5`, async () => {
          const graph = load();
          await showGraph(page, graph, `file:///corpus/${name}.yaml`);
          assert.equal(await page.page.evaluate('document.body.dataset.layout'), 'full', 'the full layout finished within its budget');
          await page.page.screenshot({ path: path.join(ARTIFACTS, `graph-${name}-${theme}.png`) });

          const texts = await drawnTexts(page.page);
          const visible = texts.filter((text) => text.visible);
          assert.ok(visible.length > 10, `${visible.length} texts on screen`);
          const smallest = Math.min(...visible.map((text) => text.screenPx));
          assert.ok(smallest >= 11 - 1e-6, `smallest text on screen ${smallest.toFixed(2)} px`);

          const boxes = await nodeBoxes(page.page);
          const services = graph.nodes.filter((node) => node.kind === 'service').length;
          assert.equal(boxes.filter((box) => box.id.startsWith('service:')).length, services);
          const overlaps = (a: typeof boxes[number], b: typeof boxes[number]) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          const inside = (a: typeof boxes[number], b: typeof boxes[number]) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
          const clashes: string[] = [];
          // Sorted sweep over x: each box is compared only with boxes whose x-range it meets.
          const sorted = [...boxes].sort((a, b) => a.x - b.x);
          for (let i = 0; i < sorted.length; i++) {
            for (let j = i + 1; j < sorted.length && sorted[j]!.x < sorted[i]!.x + sorted[i]!.width; j++) {
              const [a, b] = [sorted[i]!, sorted[j]!];
              if (!overlaps(a, b)) continue;
              // A member inside its network box is containment, not overlap.
              if ((b.group !== a.group) && (inside(a, b) || inside(b, a))) continue;
              clashes.push(`${a.id} / ${b.id}`);
            }
          }
          assert.deepEqual(clashes, []);

          // Mounts are badges on every user, and any mount line drawn avoids boxes it does not connect.
          const mounts = graph.edges.filter((edge) => edge.kind === 'volume' || edge.kind === 'secret' || edge.kind === 'config').length;
          const badges = await page.page.$$eval('.viewport .chip.volume, .viewport .chip.secret, .viewport .chip.config', (chips) => chips.length);
          assert.equal(badges, mounts);
          const serviceBoxes = boxes.filter((box) => box.id.startsWith('service:'));
          for (const line of await edgeSamples(page.page, ['volume', 'secret', 'config'])) {
            const edge = graph.edges.find((e) => e.id === line.id)!;
            for (const point of line.points) {
              const through = serviceBoxes.find((box) => box.id !== edge.from && point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height);
              assert.equal(through, undefined, `${line.id} crosses ${through?.id}`);
            }
          }

          const failing = texts
            .filter((text) => text.cls !== 'state-icon')
            .map((text) => ({ text: text.text, cls: text.cls, ratio: contrast(text.fill, text.behind) }))
            .filter((text) => text.ratio < 4.5);
          assert.deepEqual(failing.slice(0, 5), [], `${failing.length} SVG texts below 4.5:1`);
          const icons = texts.filter((text) => text.cls === 'state-icon').filter((text) => contrast(text.fill, text.behind) < 3);
          assert.deepEqual(icons, [], 'state icons at least 3:1 (graphical objects)');
          const html = (await htmlTexts(page.page, '.toolbar button, .toolbar label, .toolbar .status, .banner, .message span')).filter((text) => contrast(text.color, text.behind) < 4.5);
          assert.deepEqual(html, [], 'toolbar text below 4.5:1');
        });
      }

      it('shows the details card on hover, readable, with findings and Go to', async () => {
        const graph = corpus(FILES.appwrite);
        await showGraph(page, graph, 'file:///corpus/card.yaml');
        // A service on screen that mounts volumes.
        const target = await page.page.evaluate<{ id: string; x: number; y: number } | null>(`(() => {
          const canvas = document.getElementById('canvas').getBoundingClientRect();
          for (const g of document.querySelectorAll('.viewport .node.service')) {
            const r = g.querySelector('.title').getBoundingClientRect();
            if (g.querySelector('.chip.volume') && r.left > canvas.left && r.right < canvas.right - 340 && r.top > canvas.top && r.bottom < canvas.bottom) return { id: g.getAttribute('data-id'), x: r.left + 4, y: r.top + r.height / 2 };
          }
          return null;
        })()`);
        assert.ok(target, 'a service with volumes on screen');
        const service = graph.nodes.find((node) => node.id === target.id)!;
        assert.ok(service.kind === 'service');
        await page.page.mouse.move(target.x, target.y);
        await waitFor(page.page, `!document.getElementById('card').hidden`);
        const card = await page.page.$eval('#card', (element) => element.textContent ?? '');
        const volume = graph.edges.find((edge) => edge.from === service.id && edge.kind === 'volume')!;
        assert.ok(card.includes(service.name) && card.includes(service.image ?? '') && card.includes('Mounts') && card.includes(volume.to.slice('volume:'.length)), card);
        const low = (await htmlTexts(page.page, '#card *')).filter((text) => contrast(text.color, text.behind) < 4.5);
        assert.deepEqual(low, [], 'card text below 4.5:1');
        await page.page.screenshot({ path: path.join(ARTIFACTS, `graph-card-${theme}.png`) });
      });
    });
  }

  describe('interaction (dark theme)', () => {
    let page: GraphPage;
    before(async () => {
      page = await openGraphPage(PANEL);
    });
    after(async () => {
      assert.deepEqual(page.problems, [], 'no CSP violation, console error or dialog');
      await page.close();
    });

    it('selection changes no text rendering', async () => {
      const graph = corpus(FILES.otel);
      await showGraph(page, graph, 'file:///corpus/select.yaml');
      const style = `[...document.querySelectorAll('[data-id="service:frontend"] text')].map((t) => { const s = getComputedStyle(t); return [t.textContent, s.fill, s.stroke, s.strokeWidth, s.fontSize, s.fontWeight, s.paintOrder, s.opacity].join('|'); })`;
      const before = await page.page.evaluate<string[]>(style);
      await page.page.click('[data-id="service:frontend"] .title');
      assert.deepEqual(await page.page.$$eval('.selected', (items) => items.map((item) => item.getAttribute('data-id'))), ['service:frontend']);
      assert.deepEqual(await page.page.evaluate<string[]>(style), before);
      // And the edge class no longer styles node text: a selected edge leaves its ends' text alone.
      assert.equal(await page.page.$$eval('.node .line', (items) => items.length), 0);
    });

    it('renders the three views', async () => {
      const graph = corpus(FILES.otel);
      await showGraph(page, graph, 'file:///corpus/views.yaml');
      const drawn = () => page.page.evaluate<number>('Number(document.body.dataset.drawn)');
      for (const view of ['dependencies', 'ports', 'networks'] as const) {
        const count = await drawn();
        await page.page.click(`#view-${view}`);
        await waitFor(page.page, `Number(document.body.dataset.drawn) > ${count}`, 60000);
        assert.equal(await page.page.$eval(`#view-${view}`, (button) => button.getAttribute('aria-checked')), 'true');
        await page.page.screenshot({ path: path.join(ARTIFACTS, `graph-otel-${view}.png`) });
        if (view === 'dependencies') {
          const edges = graph.edges.filter((edge) => edge.kind === 'dependsOn').length;
          assert.equal(await page.page.$$eval('.viewport .edge.dependsOn', (items) => items.length), edges);
          assert.ok((await page.page.$$eval('.edge-label .label-text', (items) => items.map((item) => item.textContent))).includes('healthy'));
        } else if (view === 'ports') {
          const ports = graph.nodes.flatMap((node) => (node.kind === 'service' ? node.ports : [])).length;
          assert.equal(await page.page.$$eval('.viewport .node.port-row', (items) => items.length), ports);
        } else {
          assert.ok(await page.page.$('.viewport .node.group'));
        }
      }
    });

    it('opens a large graph readable at the largest network, and the minimap navigates', async () => {
      const graph = corpus(FILES.appwrite);
      await showGraph(page, graph, 'file:///corpus/minimap.yaml');
      assert.ok(await page.page.isVisible('#minimap'), 'the minimap shows when the graph does not fit');
      const transform = () => page.page.$eval('.viewport', (element) => element.getAttribute('transform') ?? '');
      const before = await transform();
      const map = (await page.page.$('#minimap svg'))!;
      const box = (await map.boundingBox())!;
      await page.page.mouse.click(box.x + box.width - 3, box.y + box.height - 3);
      const after = await transform();
      assert.notEqual(after, before);
      // The clicked corner of the overview (the scene's bottom right) is now in the middle of the canvas.
      const [, panX, panY, zoom] = /translate\(([-\d.e]+) ([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(after)!.map(Number);
      const scene = await page.page.evaluate<{ width: number; height: number }>(`(() => { const b = document.querySelector('.viewport').getBBox(); return { width: b.x + b.width, height: b.y + b.height }; })()`);
      const canvas = (await (await page.page.$('#canvas'))!.boundingBox())!;
      const centre = { x: (canvas.width / 2 - panX!) / zoom!, y: (canvas.height / 2 - panY!) / zoom! };
      assert.ok(Math.abs(centre.x - scene.width) < scene.width * 0.05 && Math.abs(centre.y - scene.height) < scene.height * 0.05, JSON.stringify({ centre, scene }));
      // The place is remembered per document: showing another and coming back restores it.
      await showGraph(page, corpus(FILES.otel), 'file:///corpus/other.yaml');
      await showGraph(page, graph, 'file:///corpus/minimap.yaml');
      assert.equal(await transform(), after);
    });
  });
});
