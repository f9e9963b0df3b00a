/**
 * The graph webview: receives graphs by postMessage, has them laid out in the layout worker, draws them,
 * and posts back what the user does. Zoom and position (per document and view), view, layers, selection
 * and filter survive reloads through the webview state.
 */
import type { ExportFormat, FromWebview, ToWebview, WebviewState } from '../graph/messages';
import type { GraphRange, LspPosition, NetworkGraphResult } from '../../../server/src/protocol';
import { cardIndex, fillCard, type CardIndex } from './card';
import { readMessage } from './inbound';
import { LayoutRunner } from './layoutRunner';
import { toMermaid } from './mermaid';
import { itemAt, matches } from './query';
import { drawDefs, render, standaloneSvg } from './render';
import { ALL_LAYERS, SMALLEST_FONT, type Box, type Layers, type Scene, type ViewName } from './scene';
import { Minimap } from './minimap';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const MARGIN = 24;
/** Text is never drawn below 11 CSS px at the default view. */
const READABLE_ZOOM = 11 / SMALLEST_FONT;
const MAX_FIT_ZOOM = 1.5;
/** How long the full (ELK) layout may take before the quick one is drawn. */
const LAYOUT_BUDGET_MS = 2500;
const PLACES_KEPT = 20;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const canvas = byId<HTMLElement>('canvas');
const filterInput = byId<HTMLInputElement>('filter');
const status = byId<HTMLElement>('status');
const banner = byId<HTMLElement>('banner');
const message = byId<HTMLElement>('message');
const messageText = byId<HTMLElement>('message-text');
const showOutput = byId<HTMLButtonElement>('show-output');
const card = byId<HTMLElement>('card');
const svg = document.createElementNS(SVG, 'svg');
svg.setAttribute('class', 'graph');
drawDefs(svg);
const viewport = document.createElementNS(SVG, 'g');
viewport.setAttribute('class', 'viewport');
svg.appendChild(viewport);
canvas.insertBefore(svg, canvas.firstChild);
const minimap = new Minimap(byId('minimap'), (x, y) => centreOn({ x, y, width: 0, height: 0 }, true));

let state: WebviewState = vscode.getState() ?? {};
let shown: { uri: string; graph: NetworkGraphResult; scene: Scene; index: CardIndex } | undefined;
/** The last graph received, drawn again when the view or the layers change. */
let latest: { uri: string; graph: NetworkGraphResult; cursor?: LspPosition } | undefined;
let sequence = 0;
let highlighted: string | undefined;
let hovered: string | undefined;
const runner = new LayoutRunner(LAYOUT_BUDGET_MS);

function save(change: Partial<WebviewState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

const view = (): ViewName => state.view ?? 'networks';
const layers = (): Layers => ({ volumes: !state.hidden?.includes('volumes'), secrets: !state.hidden?.includes('secrets'), dependencies: !state.hidden?.includes('dependencies') });

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const received = readMessage(event.data);
  if (!received) return;
  try {
    receive(received);
  } catch (error) {
    showMessage(`The graph could not be drawn: ${error instanceof Error ? error.message : String(error)}`, false);
  }
});

function receive(received: ToWebview): void {
  if (received.kind === 'setGraph') void show(received.uri, received.graph, received.cursor);
  else if (received.kind === 'cursor' && shown) highlight(itemAt(shown.graph, received.position));
  else if (received.kind === 'error') {
    status.textContent = 'Server error';
    showMessage(`The language server could not compute the graph: ${received.message}`, true);
  }
}

function showMessage(text: string | undefined, output = false): void {
  message.hidden = text === undefined;
  messageText.textContent = text ?? '';
  showOutput.hidden = !output;
}

async function show(uri: string, graph: NetworkGraphResult, cursor?: LspPosition): Promise<void> {
  const mine = ++sequence;
  // YAML errors make the graph partial: keep the last good one of this document, and say so.
  const stale = (graph.syntaxErrors ?? 0) > 0 && shown?.uri === uri && latest?.uri === uri;
  banner.hidden = !stale;
  banner.textContent = stale ? `The file has ${graph.syntaxErrors === 1 ? 'a YAML error' : `${graph.syntaxErrors} YAML errors`}: showing the last graph drawn without errors.` : '';
  if (stale) return;
  latest = { uri, graph, ...(cursor ? { cursor } : {}) };
  const services = graph.nodes.filter((node) => node.kind === 'service').length;
  if (!shown) showMessage('Laying out the graph…');
  status.textContent = 'Laying out…';
  const started = performance.now();
  const scene = await runner.layout({ graph, view: view(), layers: layers() });
  if (!scene || mine !== sequence) return;
  const laidOut = performance.now();
  const switched = shown?.uri !== uri || shown.scene.view !== scene.view;
  shown = { uri, graph, scene, index: cardIndex(graph) };
  render(scene, viewport);
  svg.setAttribute('class', `graph view-${scene.view}`);
  document.body.dataset['layout'] = scene.quality;
  showMessage(graph.nodes.length === 0 ? 'This file defines no services, networks or volumes yet.' : scene.nodes.length === 0 && scene.view === 'ports' ? 'No service publishes a port.' : undefined);
  save({ uri });
  if (switched) openView(cursor);
  // An edit changes the layout: a graph shown whole stays whole.
  else if (fitted) fit();
  else applyView();
  applyFilter();
  applySelection();
  const problems = [...graph.nodes, ...graph.edges].reduce((sum, item) => sum + item.findings.length, 0);
  status.textContent = `${services} service${services === 1 ? '' : 's'}${problems ? `, ${problems} problem${problems === 1 ? '' : 's'}` : ''}${scene.quality === 'fallback' ? ' (quick layout)' : ''}`;
  // What the benchmark reports: time in the layout (worker) and in drawing.
  document.body.dataset['layoutMs'] = String(Math.round(laidOut - started));
  document.body.dataset['renderMs'] = String(Math.round(performance.now() - laidOut));
  // A counter tests and the benchmark wait on: one more graph is on screen.
  document.body.dataset['drawn'] = String(Number(document.body.dataset['drawn'] ?? 0) + 1);
}

/** Redraws the latest graph after the view or the layers changed. */
function relayout(): void {
  if (latest) void show(latest.uri, latest.graph, latest.cursor);
}

// ---- view: zoom and pan ----

function placeKey(): string {
  return `${shown?.uri ?? ''} ${view()}`;
}

function applyView(): void {
  viewport.setAttribute('transform', `translate(${state.panX ?? MARGIN} ${state.panY ?? MARGIN}) scale(${state.zoom ?? 1})`);
  updateMinimap();
}

/** Saves zoom and position, also under the document and view, so coming back restores them. */
function savePlace(zoom: number, panX: number, panY: number): void {
  fitted = false;
  const key = placeKey();
  const places = (state.places ?? []).filter(([k]) => k !== key).slice(-(PLACES_KEPT - 1));
  save({ zoom, panX, panY, places: [...places, [key, { zoom, panX, panY }]] });
  applyView();
}

/**
 * The first view of a document: where the user left it; else the whole graph when it fits at a readable
 * scale; else readable, on the item under the cursor or the scene's focus (the largest network).
 */
function openView(cursor: LspPosition | undefined): void {
  if (!shown) return;
  const place = state.places?.find(([k]) => k === placeKey())?.[1];
  if (place) return savePlace(place.zoom, place.panX, place.panY);
  const { width, height } = canvas.getBoundingClientRect();
  const { scene } = shown;
  const fitZoom = Math.min(MAX_FIT_ZOOM, (width - 2 * MARGIN) / Math.max(1, scene.width), (height - 2 * MARGIN) / Math.max(1, scene.height));
  if (fitZoom >= READABLE_ZOOM || !scene.nodes.length) return fit();
  const target = (cursor && boxOf(itemAt(shown.graph, cursor))) ?? boxOf(scene.focus) ?? scene.nodes[0]!.box;
  const zoom = READABLE_ZOOM;
  // A box larger than the panel opens at its top-left corner, a smaller one in the middle.
  const panX = target.width * zoom > width - 2 * MARGIN ? MARGIN - target.x * zoom : width / 2 - (target.x + target.width / 2) * zoom;
  const panY = target.height * zoom > height - 2 * MARGIN ? MARGIN - target.y * zoom : height / 2 - (target.y + target.height / 2) * zoom;
  savePlace(zoom, panX, panY);
}

function boxOf(id: string | undefined): Box | undefined {
  if (!id || !shown) return undefined;
  const node = shown.scene.nodes.find((n) => n.id === id || n.ref === id);
  if (node) return node.box;
  const edge = shown.scene.edges.find((e) => e.id === id);
  const from = edge && shown.scene.nodes.find((n) => n.id === edge.item.from);
  return from?.box;
}

/** Whether the view is the fitted whole graph (until the user zooms or pans). */
let fitted = false;

function fit(): void {
  if (!shown) return;
  const { width, height } = canvas.getBoundingClientRect();
  const zoom = Math.max(0.05, Math.min(MAX_FIT_ZOOM, (width - 2 * MARGIN) / Math.max(1, shown.scene.width), (height - 2 * MARGIN) / Math.max(1, shown.scene.height)));
  savePlace(zoom, (width - shown.scene.width * zoom) / 2, (height - shown.scene.height * zoom) / 2);
  fitted = true;
}

function zoomAt(factor: number, x: number, y: number): void {
  const zoom = state.zoom ?? 1;
  const next = Math.min(4, Math.max(0.05, zoom * factor));
  const panX = state.panX ?? MARGIN;
  const panY = state.panY ?? MARGIN;
  savePlace(next, x - ((x - panX) * next) / zoom, y - ((y - panY) * next) / zoom);
}

/** Pans so `box` (scene coordinates) is in the middle of the panel. */
function centreOn(box: Box, keep = false): void {
  const { width, height } = canvas.getBoundingClientRect();
  const zoom = state.zoom ?? 1;
  const panX = width / 2 - (box.x + box.width / 2) * zoom;
  const panY = height / 2 - (box.y + box.height / 2) * zoom;
  if (keep) savePlace(zoom, panX, panY);
  else {
    state = { ...state, panX, panY };
    applyView();
  }
}

function updateMinimap(): void {
  if (!shown) return minimap.hide();
  const { width, height } = canvas.getBoundingClientRect();
  const zoom = state.zoom ?? 1;
  const visible = { x: -(state.panX ?? MARGIN) / zoom, y: -(state.panY ?? MARGIN) / zoom, width: width / zoom, height: height / zoom };
  minimap.update(shown.scene, visible);
}

canvas.addEventListener('wheel', (event) => {
  event.preventDefault();
  const rect = canvas.getBoundingClientRect();
  zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
}, { passive: false });

let drag: { x: number; y: number; panX: number; panY: number; moved: boolean } | undefined;
svg.addEventListener('pointerdown', (event) => {
  drag = { x: event.clientX, y: event.clientY, panX: state.panX ?? MARGIN, panY: state.panY ?? MARGIN, moved: false };
});
window.addEventListener('pointermove', (event) => {
  if (!drag) return;
  const dx = event.clientX - drag.x;
  const dy = event.clientY - drag.y;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  drag.moved = true;
  fitted = false;
  state = { ...state, panX: drag.panX + dx, panY: drag.panY + dy };
  applyView();
});
window.addEventListener('pointerup', () => {
  if (drag?.moved) savePlace(state.zoom ?? 1, state.panX ?? MARGIN, state.panY ?? MARGIN);
});
window.addEventListener('resize', () => updateMinimap());

svg.addEventListener('click', (event) => {
  if (drag?.moved) {
    drag = undefined;
    return;
  }
  drag = undefined;
  const target = (event.target as Element).closest('[data-id]');
  const id = target?.getAttribute('data-id') ?? undefined;
  save({ ...(id ? { selected: id } : {}) });
  applySelection();
  if (!id || !shown) return;
  const sceneNode = shown.scene.nodes.find((n) => n.id === id);
  const range = sceneNode?.range ?? (shown.index.nodes.get(sceneNode?.ref ?? id) ?? shown.index.edges.get(id))?.range;
  if (range) reveal(range);
});

/** Reveals the source of an item: in the shown document, or in the project file its range names. */
function reveal(range: GraphRange): void {
  if (shown) vscode.postMessage({ kind: 'revealRange', uri: range.uri ?? shown.uri, range: { start: range.start, end: range.end } });
}

// ---- details card: the hovered item, else the selected one ----

svg.addEventListener('pointerover', (event) => {
  const ref = (event.target as Element).closest('[data-ref]')?.getAttribute('data-ref') || undefined;
  if (ref === hovered) return;
  hovered = ref;
  updateCard();
});
svg.addEventListener('pointerleave', (event) => {
  // Moving onto the card keeps it, so its buttons can be reached.
  if (event.relatedTarget instanceof Node && card.contains(event.relatedTarget)) return;
  hovered = undefined;
  updateCard();
});

/** What the card shows, so moving onto the card (which ends the hover) keeps its buttons in place. */
let carded: { id: string | undefined; index: CardIndex | undefined } = { id: undefined, index: undefined };

card.addEventListener('pointerleave', (event) => {
  if (event.relatedTarget instanceof Node && svg.contains(event.relatedTarget)) return;
  hovered = undefined;
  updateCard();
});

function updateCard(): void {
  const id = hovered ?? refOf(state.selected);
  if (id === carded.id && shown?.index === carded.index) return;
  carded = { id, index: shown?.index };
  card.hidden = !(id && shown && fillCard(card, shown.index, id, reveal));
  markRelated(id);
}

/** The edges of the item in focus, and the services sharing a hovered volume, stand out from the rest. */
function markRelated(id: string | undefined): void {
  for (const previous of viewport.querySelectorAll('.related')) previous.classList.remove('related');
  if (!id || !shown) return;
  const ids: string[] = [];
  for (const edge of shown.index.from.get(id) ?? []) ids.push(edge.id);
  for (const edge of shown.index.to.get(id) ?? []) {
    ids.push(edge.id);
    if (edge.kind === 'volume' || edge.kind === 'secret' || edge.kind === 'config') ids.push(edge.from);
  }
  for (const related of ids) for (const item of viewport.querySelectorAll(`[data-id="${CSS.escape(related)}"]`)) item.classList.add('related');
}

function refOf(id: string | undefined): string | undefined {
  if (!id || !shown) return undefined;
  return shown.scene.nodes.find((n) => n.id === id)?.ref || id;
}

// ---- selection, highlight, filter ----

function mark(cls: string, id: string | undefined): void {
  for (const previous of viewport.querySelectorAll(`.${cls}`)) previous.classList.remove(cls);
  if (id) for (const item of viewport.querySelectorAll(`[data-id="${CSS.escape(id)}"]`)) item.classList.add(cls);
}

function applySelection(): void {
  mark('selected', state.selected);
  mark('highlight', highlighted);
  updateCard();
}

function highlight(id: string | undefined): void {
  highlighted = id;
  mark('highlight', id);
  const node = id ? viewport.querySelector(`[data-id="${CSS.escape(id)}"]`) : null;
  if (!(node instanceof SVGGraphicsElement)) return;
  const box = node.getBoundingClientRect();
  const visible = canvas.getBoundingClientRect();
  const inside = box.right > visible.left && box.left < visible.right && box.bottom > visible.top && box.top < visible.bottom;
  if (inside) return;
  const target = boxOf(id);
  if (target) centreOn(target, true);
}

function applyFilter(): void {
  if (!shown) return;
  const query = state.filter ?? '';
  if (filterInput.value !== query) filterInput.value = query;
  const visible = new Set(shown.graph.nodes.filter((node) => matches(node, query)).map((node) => node.id));
  const refs = new Map(shown.scene.nodes.map((node) => [node.id, node.ref]));
  // One pass over the drawn items: a selector lookup per item would be quadratic in the graph's size.
  for (const drawn of viewport.querySelectorAll('[data-id]')) {
    const id = drawn.getAttribute('data-id') ?? '';
    const edge = shown.index.edges.get(id);
    if (edge) drawn.classList.toggle('dimmed', !visible.has(edge.from) && !visible.has(edge.to));
    else if (refs.has(id)) drawn.classList.toggle('dimmed', refs.get(id) ? !visible.has(refs.get(id)!) : false);
  }
}

filterInput.addEventListener('input', () => {
  save({ filter: filterInput.value });
  applyFilter();
});

// ---- toolbar: views, layers, zoom, export ----

function applyToolbar(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) button.setAttribute('aria-checked', String(button.dataset['view'] === view()));
  for (const box of document.querySelectorAll<HTMLInputElement>('[data-layer]')) {
    box.checked = !state.hidden?.includes(box.dataset['layer'] as 'volumes');
    box.disabled = view() !== 'networks';
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
  button.addEventListener('click', () => {
    const next = button.dataset['view'] as ViewName;
    if (next === view()) return;
    save({ view: next });
    applyToolbar();
    relayout();
  });
}
for (const box of document.querySelectorAll<HTMLInputElement>('[data-layer]')) {
  box.addEventListener('change', () => {
    const layer = box.dataset['layer'] as keyof Layers;
    const hidden = new Set(state.hidden ?? []);
    if (box.checked) hidden.delete(layer);
    else hidden.add(layer);
    save({ hidden: (Object.keys(ALL_LAYERS) as (keyof Layers)[]).filter((name) => hidden.has(name)) });
    relayout();
  });
}
showOutput.addEventListener('click', () => vscode.postMessage({ kind: 'showOutput' }));

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

applyToolbar();
applyView();
showMessage('Loading the graph…');
vscode.postMessage({ kind: 'ready' });
