/**
 * The built webview bundle in headless Chromium, in the page the panel serves (real CSP, per-load nonce)
 * with a stubbed acquireVsCodeApi. Needs Debian's chromium (`apt-get install chromium`); skipped, with a
 * message, only where it is missing.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FromWebview } from '../../client/src/graph/messages';
import { ROOT } from '../support/service';
import { chromiumPath, graphFor, openGraphPage, showGraph, waitFor, type GraphPage } from './harness';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'networkGraph');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const fixture = (name: string) => graphFor(readFileSync(path.join(FIXTURES, name, 'compose.yaml'), 'utf8'));
const INJECTED = '<img src=x onerror=alert(1)>';

describe('graph webview in Chromium', function () {
  this.timeout(60000);
  let page: GraphPage | undefined;

  before(function () {
    if (!chromiumPath()) {
      console.log('    Skipping the webview browser tests: no Chromium at /usr/bin/chromium (apt-get install chromium).');
      this.skip();
    }
  });

  afterEach(async () => {
    if (page) assert.deepEqual(page.problems, [], 'no CSP violation, console error or dialog');
    await page?.close();
    page = undefined;
  });

  const ids = (selector: string) => page!.page.$$eval(selector, (elements) => elements.map((e) => e.getAttribute('data-id')));
  const lastPosted = async (kind: FromWebview['kind']) => (await page!.posted()).filter((m) => m.kind === kind).at(-1);

  it('draws the nodes and edges of a fixture and saves a screenshot', async () => {
    page = await openGraphPage();
    const graph = fixture('attachments');
    await showGraph(page, graph);
    assert.deepEqual((await ids('.node')).sort(), graph.nodes.map((n) => n.id).sort());
    const titles = await page.page.$$eval('.node .title', (elements) => elements.map((e) => e.textContent));
    assert.ok(titles.includes('proxy') && titles.includes('back'), titles.join(', '));
    const chips = await page.page.$$eval('.chip-text', (elements) => elements.map((e) => e.textContent));
    assert.deepEqual(chips, ['80→80', '127.0.0.1:8080→8080', '443→443 host']);
    // The multi-network proxy is joined to both networks by lines; worker sits inside the default network's box.
    assert.ok((await ids('.edge')).includes('network:service:proxy->network:front'));
    assert.ok(!(await ids('.edge')).includes('network:service:worker->network:default'));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.page.screenshot({ path: path.join(ARTIFACTS, 'webview-attachments.png') });
  });

  it('posts revealRange with the source range when a node or an edge is clicked', async () => {
    page = await openGraphPage();
    const graph = fixture('depends-on');
    await showGraph(page, graph);
    await page.page.click('[data-id="service:api"] .title');
    assert.deepEqual(await lastPosted('revealRange'), { kind: 'revealRange', uri: 'file:///work/compose.yaml', range: graph.nodes.find((n) => n.id === 'service:api')!.range });
    await page.page.dispatchEvent('[data-id="dependsOn:service:web->service:api"] .hit', 'click');
    assert.deepEqual((await lastPosted('revealRange')) as unknown, { kind: 'revealRange', uri: 'file:///work/compose.yaml', range: graph.edges.find((e) => e.id === 'dependsOn:service:web->service:api')!.range });
    assert.equal(await page.page.$$eval('.selected', (elements) => elements.map((e) => e.getAttribute('data-id')).join()), 'dependsOn:service:web->service:api');
  });

  it('renders hostile names literally', async () => {
    page = await openGraphPage();
    await showGraph(page, fixture('injection'));
    const titles = await page.page.$$eval('.node .title', (elements) => elements.map((e) => e.textContent));
    assert.ok(titles.includes(INJECTED), titles.join(' | '));
    assert.ok(titles.includes('<script>alert(3)</script>'));
    assert.equal(await page.page.$$eval('#canvas img, #canvas script, #canvas foreignObject, #canvas [onerror], #canvas [onload]', (e) => e.length), 0);
    const tooltip = await page.page.$eval(`[data-id="service:${INJECTED}"] > title`, (e) => e.textContent);
    assert.ok(tooltip?.includes('"><svg onload=alert(2)>'));
    await page.page.screenshot({ path: path.join(ARTIFACTS, 'webview-injection.png') });
  });

  it('highlights the item under the editor cursor', async () => {
    page = await openGraphPage();
    const graph = fixture('depends-on');
    await showGraph(page, graph);
    const db = graph.nodes.find((n) => n.id === 'service:db')!;
    await page.send({ kind: 'cursor', position: { line: db.range.start.line + 1, character: 6 } });
    await page.page.waitForSelector('.highlight');
    assert.deepEqual(await ids('.highlight'), ['service:db']);
  });

  it('filters, and keeps zoom, pan, selection and filter in the saved state', async () => {
    page = await openGraphPage({ state: { uri: 'file:///work/compose.yaml', zoom: 2, panX: 10, panY: 20, selected: 'service:db', filter: 'postgres' } });
    await showGraph(page, fixture('depends-on'));
    assert.equal(await page.page.$eval('.viewport', (e) => e.getAttribute('transform')), 'translate(10 20) scale(2)');
    assert.deepEqual(await ids('.selected'), ['service:db']);
    assert.deepEqual((await ids('.node:not(.dimmed)')).sort(), ['service:db']);
    await page.page.fill('#filter', 'example');
    assert.deepEqual((await ids('.node:not(.dimmed)')).sort(), ['service:api', 'service:migrate']);
    await page.page.click('#zoomIn');
    const state = await page.page.evaluate<{ zoom: number; filter: string }>('acquireVsCodeApi().getState()');
    assert.equal(state.filter, 'example');
    assert.equal(state.zoom, 2.5);
  });

  it('exports SVG, PNG and Mermaid through the host', async () => {
    page = await openGraphPage({ theme: 'light' });
    await showGraph(page, fixture('injection'));
    for (const id of ['exportSvg', 'exportPng', 'exportMermaid']) await page.page.click(`#${id}`);
    await waitFor(page.page, `window.__posted.filter((m) => m.kind === 'export').length === 3`);
    const exports = (await page.posted()).filter((m) => m.kind === 'export');
    const [svg, png, mermaid] = exports.map((m) => (m.kind === 'export' ? m.data : ''));
    assert.match(svg!, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg!.includes('&lt;img src=x onerror=alert(1)&gt;'), 'names are escaped in the SVG');
    assert.ok(!svg!.includes('var(--vscode'), 'theme colours are resolved');
    assert.ok(Buffer.from(png!, 'base64').subarray(1, 4).toString() === 'PNG');
    assert.match(mermaid!, /^flowchart LR\n/);
    assert.ok(mermaid!.includes('#lt;img src=x onerror=alert(1)#gt;'));
  });
});
