/**
 * The graph webview: receives graphs by postMessage, lays them out with ELK, draws them, and posts back
 * what the user does. Zoom, pan, selection and filter survive reloads through the webview state.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ExportFormat, FromWebview, ToWebview, WebviewState } from '../graph/messages';
import type { NetworkGraphResult } from '../../../server/src/protocol';
import { toMermaid } from './mermaid';
import { planLayout, toScene, type Scene } from './layout';
import { itemAt, matches } from './query';
import { drawDefs, render, standaloneSvg } from './render';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const elk = new ELK();
const SVG = 'http://www.w3.org/2000/svg';
const MARGIN = 24;

const canvas = document.getElementById('canvas')!;
const filterInput = document.getElementById('filter') as HTMLInputElement;
const status = document.getElementById('status')!;
const svg = document.createElementNS(SVG, 'svg');
svg.setAttribute('class', 'graph');
drawDefs(svg);
const viewport = document.createElementNS(SVG, 'g');
viewport.setAttribute('class', 'viewport');
svg.appendChild(viewport);
canvas.appendChild(svg);

let state: WebviewState = vscode.getState() ?? {};
let shown: { uri: string; graph: NetworkGraphResult; scene: Scene } | undefined;
let sequence = 0;
let highlighted: string | undefined;

function save(change: Partial<WebviewState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.kind === 'setGraph') void show(message.uri, message.graph);
  else if (message.kind === 'cursor' && shown) highlight(itemAt(shown.graph, message.position));
});

async function show(uri: string, graph: NetworkGraphResult): Promise<void> {
  const mine = ++sequence;
  const first = !shown && state.zoom === undefined;
  const switched = state.uri !== undefined && state.uri !== uri;
  const { plan, elk: input } = planLayout(graph);
  status.textContent = 'Laying out…';
  const laidOut = await elk.layout(input);
  if (mine !== sequence) return;
  const scene = toScene(plan, laidOut);
  shown = { uri, graph, scene };
  render(scene, viewport);
  save({ uri });
  if (first || switched) fit();
  else applyView();
  applyFilter();
  applySelection();
  const services = graph.nodes.filter((node) => node.kind === 'service').length;
  const problems = [...graph.nodes, ...graph.edges].reduce((sum, item) => sum + item.findings.length, 0);
  status.textContent = `${services} service${services === 1 ? '' : 's'}${problems ? `, ${problems} problem${problems === 1 ? '' : 's'}` : ''}`;
  // A counter tests and the benchmark wait on: one more graph is on screen.
  document.body.dataset['drawn'] = String(Number(document.body.dataset['drawn'] ?? 0) + 1);
}

// ---- view: zoom and pan ----

function applyView(): void {
  viewport.setAttribute('transform', `translate(${state.panX ?? MARGIN} ${state.panY ?? MARGIN}) scale(${state.zoom ?? 1})`);
}

function fit(): void {
  if (!shown) return;
  const { width, height } = canvas.getBoundingClientRect();
  const zoom = Math.min(1.5, (width - 2 * MARGIN) / Math.max(1, shown.scene.width), (height - 2 * MARGIN) / Math.max(1, shown.scene.height));
  const clamped = Math.max(0.05, zoom);
  save({ zoom: clamped, panX: (width - shown.scene.width * clamped) / 2, panY: (height - shown.scene.height * clamped) / 2 });
  applyView();
}

function zoomAt(factor: number, x: number, y: number): void {
  const zoom = state.zoom ?? 1;
  const next = Math.min(4, Math.max(0.05, zoom * factor));
  const panX = state.panX ?? MARGIN;
  const panY = state.panY ?? MARGIN;
  save({ zoom: next, panX: x - ((x - panX) * next) / zoom, panY: y - ((y - panY) * next) / zoom });
  applyView();
}

canvas.addEventListener('wheel', (event) => {
  event.preventDefault();
  const rect = canvas.getBoundingClientRect();
  zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
}, { passive: false });

let drag: { x: number; y: number; panX: number; panY: number; moved: boolean } | undefined;
canvas.addEventListener('pointerdown', (event) => {
  drag = { x: event.clientX, y: event.clientY, panX: state.panX ?? MARGIN, panY: state.panY ?? MARGIN, moved: false };
});
window.addEventListener('pointermove', (event) => {
  if (!drag) return;
  const dx = event.clientX - drag.x;
  const dy = event.clientY - drag.y;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  drag.moved = true;
  state = { ...state, panX: drag.panX + dx, panY: drag.panY + dy };
  applyView();
});
window.addEventListener('pointerup', () => {
  if (drag?.moved) save({});
});

canvas.addEventListener('click', (event) => {
  if (drag?.moved) {
    drag = undefined;
    return;
  }
  drag = undefined;
  const target = (event.target as Element).closest('[data-id]');
  const id = target?.getAttribute('data-id') ?? undefined;
  save({ ...(id ? { selected: id } : {}) });
  applySelection();
  const item = id && shown ? [...shown.graph.nodes, ...shown.graph.edges].find((candidate) => candidate.id === id) : undefined;
  if (item && shown) vscode.postMessage({ kind: 'revealRange', uri: shown.uri, range: item.range });
});

// ---- selection, highlight, filter ----

function mark(cls: string, id: string | undefined): void {
  for (const previous of viewport.querySelectorAll(`.${cls}`)) previous.classList.remove(cls);
  if (id) viewport.querySelector(`[data-id="${CSS.escape(id)}"]`)?.classList.add(cls);
}

function applySelection(): void {
  mark('selected', state.selected);
  mark('highlight', highlighted);
}

function highlight(id: string | undefined): void {
  highlighted = id;
  mark('highlight', id);
  const node = id ? viewport.querySelector(`[data-id="${CSS.escape(id)}"]`) : null;
  if (!(node instanceof SVGGraphicsElement)) return;
  const box = node.getBoundingClientRect();
  const view = canvas.getBoundingClientRect();
  const visible = box.right > view.left && box.left < view.right && box.bottom > view.top && box.top < view.bottom;
  if (visible) return;
  save({ panX: (state.panX ?? MARGIN) + view.left + view.width / 2 - (box.left + box.width / 2), panY: (state.panY ?? MARGIN) + view.top + view.height / 2 - (box.top + box.height / 2) });
  applyView();
}

function applyFilter(): void {
  if (!shown) return;
  const query = state.filter ?? '';
  if (filterInput.value !== query) filterInput.value = query;
  const visible = new Set(shown.graph.nodes.filter((node) => matches(node, query)).map((node) => node.id));
  const nodes = new Set(shown.graph.nodes.map((node) => node.id));
  const edges = new Map(shown.graph.edges.map((edge) => [edge.id, edge]));
  // One pass over the drawn items: a selector lookup per item would be quadratic in the graph's size.
  for (const drawn of viewport.querySelectorAll('[data-id]')) {
    const id = drawn.getAttribute('data-id') ?? '';
    const edge = edges.get(id);
    if (edge) drawn.classList.toggle('dimmed', !visible.has(edge.from) && !visible.has(edge.to));
    else if (nodes.has(id)) drawn.classList.toggle('dimmed', !visible.has(id));
  }
}

filterInput.addEventListener('input', () => {
  save({ filter: filterInput.value });
  applyFilter();
});

// ---- toolbar ----

function zoomCentre(factor: number): void {
  const { width, height } = canvas.getBoundingClientRect();
  zoomAt(factor, width / 2, height / 2);
}

async function exportAs(format: ExportFormat): Promise<void> {
  if (!shown) return;
  if (format === 'mermaid') return post(format, toMermaid(shown.graph));
  const text = standaloneSvg(svg, viewport, shown.scene.width, shown.scene.height, MARGIN);
  if (format === 'svg') return post(format, text);
  post(format, await rasterise(text, shown.scene.width + 2 * MARGIN, shown.scene.height + 2 * MARGIN));
}

function post(format: ExportFormat, data: string): void {
  vscode.postMessage({ kind: 'export', format, data });
}

/** PNG (base64) of an SVG, at twice the size when the canvas limit allows. */
async function rasterise(svgText: string, width: number, height: number): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const scale = Math.min(2, 16000 / Math.max(width, height));
  const raster = document.createElement('canvas');
  raster.width = Math.ceil(width * scale);
  raster.height = Math.ceil(height * scale);
  const context = raster.getContext('2d')!;
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  return raster.toDataURL('image/png').slice('data:image/png;base64,'.length);
}

const buttons: Record<string, () => unknown> = {
  fit,
  zoomIn: () => zoomCentre(1.25),
  zoomOut: () => zoomCentre(0.8),
  exportSvg: () => exportAs('svg'),
  exportPng: () => exportAs('png'),
  exportMermaid: () => exportAs('mermaid'),
};
for (const [id, run] of Object.entries(buttons)) document.getElementById(id)?.addEventListener('click', () => void run());

applyView();
vscode.postMessage({ kind: 'ready' });
