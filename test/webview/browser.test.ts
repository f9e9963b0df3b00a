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
    assert.deepEqual(chips.slice(0, 3), ['80→80', '127.0.0.1:8080→8080', '443→443 host']);
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
    // No native tooltips: the card tells the story, as text.
    assert.equal(await page.page.$$eval('#canvas title', (e) => e.length), 0);
    await page.page.hover(`[data-id="service:${INJECTED}"] .title`);
    await waitFor(page.page, `!document.getElementById('card').hidden`);
    assert.ok((await page.page.$eval('#card', (e) => e.textContent))?.includes('"><svg onload=alert(2)>'));
    assert.equal(await page.page.$$eval('#card img, #card svg, #card script', (e) => e.length), 0);
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
    const place = { zoom: 2, panX: 10, panY: 20 };
    page = await openGraphPage({ state: { uri: 'file:///work/compose.yaml', ...place, places: [['file:///work/compose.yaml networks', place]], selected: 'service:db', filter: 'postgres' } });
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
    assert.ok(mermaid!.includes('#60;img src=x onerror=alert#40;1#41;#62;'));
  });

  it('keeps a graph shown whole in view when an edit changes its layout', async () => {
    page = await openGraphPage();
    await showGraph(page, fixture('depends-on'));
    await showGraph(page, fixture('attachments'));
    const inside = await page.page.evaluate<boolean>(`(() => {
      const canvas = document.getElementById('canvas').getBoundingClientRect();
      const drawn = document.querySelector('.viewport').getBoundingClientRect();
      return drawn.left >= canvas.left - 1 && drawn.right <= canvas.right + 1 && drawn.top >= canvas.top - 1 && drawn.bottom <= canvas.bottom + 1;
    })()`);
    assert.ok(inside, 'the new layout is fitted again');
  });

  it('lists findings in the card with a Go to that reveals each', async () => {
    page = await openGraphPage();
    const graph = fixture('findings');
    await showGraph(page, graph);
    await page.page.click('[data-id="service:web"] .title');
    await waitFor(page.page, `!document.getElementById('card').hidden`);
    assert.ok(await page.page.$('[data-id="service:web"] .state-icon'), 'an icon as well as the border colour');
    const messages = await page.page.$$eval('#card .finding-message', (items) => items.map((item) => item.textContent));
    const web = graph.nodes.find((node) => node.id === 'service:web')!;
    assert.ok(web.kind === 'service');
    const expected = [...web.findings, ...web.ports.flatMap((port) => port.findings), ...graph.edges.filter((edge) => edge.from === web.id && edge.kind === 'network').flatMap((edge) => edge.findings)];
    assert.deepEqual(messages.sort(), expected.map((finding) => finding.message).sort());
    const buttons = await page.page.$$('#card .finding-go');
    await buttons[buttons.length - 1]!.click();
    const last = (await page.page.$$eval('#card .finding', (items) => items.length)) - 1;
    assert.ok(last >= 0);
    const revealed = await lastPosted('revealRange');
    assert.ok(revealed?.kind === 'revealRange' && expected.some((finding) => JSON.stringify(finding.range) === JSON.stringify(revealed.range)));
  });

  // Issue 19.16: whatever the host (or anything else) posts, the webview never throws.
  it('ignores malformed messages and keeps the well-formed part of a graph', async () => {
    page = await openGraphPage();
    const graph = fixture('depends-on');
    await showGraph(page, graph);
    const hostile: unknown[] = [null, 42, 'setGraph', [], { kind: 'setGraph' }, { kind: 'setGraph', uri: 1, graph }, { kind: 'setGraph', uri: 'u', graph: { nodes: 'x', edges: [] } },
      { kind: 'cursor' }, { kind: 'cursor', position: { line: -1, character: 'a' } }, { kind: 'error', uri: 'u' }, { kind: 'nope' }, { kind: '__proto__' }, { kind: 'toString' }];
    for (const message of hostile) await page.page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
    const broken = {
      nodes: [...graph.nodes, null, { id: 'service:x' }, { ...graph.nodes[0], kind: 'service', ports: 'no' }, { kind: 'service', id: 'service:evil', name: 7, range: graph.nodes[0]!.range, findings: [] }],
      edges: [...graph.edges, { id: 'e', kind: 'dependsOn', from: 'service:api', to: 'service:ghost', range: graph.nodes[0]!.range, findings: [] }, { kind: 'volume' }, 5],
    };
    await showGraph(page, broken as never, 'file:///work/broken.yaml');
    assert.deepEqual((await ids('.node[data-id^="service:"]')).sort(), graph.nodes.filter((n) => n.kind === 'service').map((n) => n.id).sort());
    await page.send({ kind: 'cursor', position: { line: 1, character: 2 } });
    assert.deepEqual(page.problems, []);
  });

  it('shows loading, empty, server error with Show Output, and stale states', async () => {
    page = await openGraphPage();
    assert.match(await page.page.$eval('#message', (e) => e.textContent ?? ''), /Loading/);
    await showGraph(page, graphFor(''));
    assert.match(await page.page.$eval('#message', (e) => ((e as unknown as { hidden: boolean }).hidden ? '' : e.textContent ?? '')), /defines no services/);
    const graph = fixture('depends-on');
    await showGraph(page, graph);
    assert.equal(await page.page.isVisible('#message'), false);
    await page.send({ kind: 'setGraph', uri: 'file:///work/compose.yaml', graph: { ...graphFor('services:\n  only:\n    image: x\n  bad: [\n'), syntaxErrors: 1 } } as never);
    await waitFor(page.page, `!document.getElementById('banner').hidden`);
    assert.match(await page.page.$eval('#banner', (e) => e.textContent ?? ''), /YAML error/);
    assert.deepEqual((await ids('.node[data-id^="service:"]')).sort(), graph.nodes.filter((n) => n.kind === 'service').map((n) => n.id).sort(), 'the last good graph stays');
    await page.page.screenshot({ path: path.join(ARTIFACTS, 'webview-stale.png') });
    await page.send({ kind: 'error', uri: 'file:///work/compose.yaml', message: 'Request compose/networkGraph failed.' });
    await waitFor(page.page, `!document.getElementById('message').hidden`);
    assert.match(await page.page.$eval('#message', (e) => e.textContent ?? ''), /could not compute the graph: Request compose\/networkGraph failed/);
    await page.page.click('#show-output');
    assert.deepEqual(await lastPosted('showOutput'), { kind: 'showOutput' });
    await page.page.screenshot({ path: path.join(ARTIFACTS, 'webview-error.png') });
  });

  // Issue 19.15: 300 services on shared networks with a depends_on ring took 22-24 s on the UI thread.
  it('stays responsive on a dense graph: layout in a worker, quick layout past the budget', async () => {
    page = await openGraphPage({ width: 1600, height: 1000 });
    const lines = ['services:'];
    for (let i = 0; i < 300; i++) lines.push(`  s${i}:`, '    image: x', `    networks: [n${i % 3}, n${(i + 1) % 3}, n${(i + 2) % 4}]`, `    depends_on: [s${(i + 1) % 300}]`);
    lines.push('networks:', '  n0: {}', '  n1: {}', '  n2: {}', '  n3: {}');
    const dense = graphFor(lines.join('\n') + '\n');
    const started = Date.now();
    await page.send({ kind: 'setGraph', uri: 'file:///work/dense.yaml', graph: dense });
    // While the layout runs, the page answers and the toolbar works.
    const probe = Date.now();
    await page.page.fill('#filter', 's1');
    assert.equal(await page.page.evaluate('document.getElementById("filter").value'), 's1');
    const answered = Date.now() - probe;
    await waitFor(page.page, `Number(document.body.dataset.drawn ?? 0) >= 1`, 60000);
    const elapsed = Date.now() - started;
    assert.ok(answered < 2000, `the page answered after ${answered} ms`);
    assert.ok(elapsed < 20000, `drawn after ${elapsed} ms`);
    assert.equal(await page.page.$$eval('.node.service', (items) => items.length), 300);
    assert.equal(await page.page.$$eval('.edge.dependsOn', (items) => items.length), 300);
  });
});
