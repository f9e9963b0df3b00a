/**
 * Drawing only: the scene becomes SVG elements. Every name and message goes in as a text node
 * (textContent), never as markup, so a service called `<img src=x onerror=…>` is shown literally.
 * Colours come from the stylesheet, which uses only VS Code's theme variables.
 */
import { LINE_HEIGHT, PADDING, TITLE_HEIGHT, type Point, type Scene, type SceneEdge, type SceneNode } from './scene';

const SVG = 'http://www.w3.org/2000/svg';

function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const created = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) created.setAttribute(key, String(value));
  parent?.appendChild(created);
  return created;
}

function textElement(content: string, attributes: Record<string, string | number>, parent: Element): SVGTextElement {
  const text = element('text', attributes, parent);
  text.textContent = content;
  return text;
}

/**
 * Draws the scene into `viewport` (a `<g>`), replacing what was there; items carry `data-id` (and
 * chips `data-ref`, the item the card describes). Node text and edge strokes have distinct classes
 * (`detail`, `stroke`), so styling a selected edge never touches text.
 */
export function render(scene: Scene, viewport: SVGGElement): void {
  viewport.replaceChildren();
  const groups = element('g', { class: 'groups' }, viewport);
  const edges = element('g', { class: 'edges' }, viewport);
  const nodes = element('g', { class: 'nodes' }, viewport);
  const labels = element('g', { class: 'labels' }, viewport);
  for (const node of scene.nodes) drawNode(node, node.group ? groups : nodes);
  for (const edge of scene.edges) drawEdge(edge, edges, labels);
}

/** Arrow heads, defined once per SVG. */
export function drawDefs(svg: SVGSVGElement): void {
  const defs = element('defs', {}, svg);
  for (const [id, cls] of [['arrow', 'arrow'], ['arrow-error', 'arrow error']] as const) {
    const marker = element('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    element('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: cls }, marker);
  }
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function drawNode(node: SceneNode, parent: Element): void {
  const { box } = node;
  const g = element('g', { class: classes('item', 'node', ...node.classes, node.severity), 'data-id': node.id, 'data-ref': node.ref }, parent);
  element('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: node.classes.includes('service') ? 4 : 10, class: 'box' }, g);
  textElement(node.title, { x: box.x + PADDING, y: box.y + PADDING + 13, class: 'title' }, g);
  // The state as an icon as well as a border colour, so it reads without colour vision.
  if (node.severity === 'error' || node.severity === 'warning') textElement(node.severity === 'error' ? '✖' : '⚠', { x: box.x + box.width - PADDING, y: box.y + PADDING + 13, class: 'state-icon', 'text-anchor': 'end' }, g);
  node.lines.forEach((line, index) => textElement(line, { x: box.x + PADDING, y: box.y + PADDING + TITLE_HEIGHT + index * LINE_HEIGHT + 11, class: 'detail' }, g));
  for (const chip of node.chips) {
    const c = element('g', { class: classes('chip', chip.kind, chip.severity), 'data-ref': chip.ref }, g);
    element('rect', { x: chip.x, y: chip.y, width: chip.width, height: chip.height, rx: 3, class: 'chip-box' }, c);
    textElement(chip.label, { x: chip.x + 6, y: chip.y + 13, class: 'chip-text' }, c);
  }
}

function drawEdge(edge: SceneEdge, parent: Element, labels: Element): void {
  const g = element('g', { class: classes('item', 'edge', edge.item.kind, edge.item.kind === 'network' && edge.item.implicit && 'implicit', edge.severity), 'data-id': edge.id, 'data-ref': edge.id }, parent);
  const d = pathData(edge.points, edge.curve ?? false);
  // A wide transparent twin makes thin lines easy to click.
  element('path', { d, class: 'hit' }, g);
  const arrow = edge.item.kind === 'dependsOn' || edge.item.kind === 'networkMode';
  element('path', { d, class: 'stroke', ...(arrow ? { 'marker-end': `url(#${edge.severity === 'error' ? 'arrow-error' : 'arrow'})` } : {}) }, g);
  if (edge.label) {
    const label = element('g', { class: 'edge-label', 'data-id': edge.id, 'data-ref': edge.id }, labels);
    const width = edge.label.text.length * 6.6 + 8;
    element('rect', { x: edge.label.x - width / 2, y: edge.label.y - 8, width, height: 16, rx: 3, class: 'label-box' }, label);
    textElement(edge.label.text, { x: edge.label.x, y: edge.label.y + 4, class: 'label-text', 'text-anchor': 'middle' }, label);
  }
}

function pathData(points: readonly Point[], curved: boolean): string {
  const at = (p: Point) => `${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
  if (curved && points.length >= 4 && (points.length - 1) % 3 === 0) {
    let d = `M ${at(points[0]!)}`;
    for (let i = 1; i + 2 < points.length; i += 3) d += ` C ${at(points[i]!)}, ${at(points[i + 1]!)}, ${at(points[i + 2]!)}`;
    return d;
  }
  return points.map((p, i) => `${i ? 'L' : 'M'} ${at(p)}`).join(' ');
}

/**
 * The SVG export: a copy of the drawn SVG with the theme's resolved colours inlined (outside VS Code the
 * theme variables do not exist), through CSSOM, which the CSP allows.
 */
const STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style'] as const;

export function standaloneSvg(svg: SVGSVGElement, viewport: SVGGElement, width: number, height: number, margin: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const target = copies[index] as SVGElement | undefined;
    if (!target || !(original instanceof SVGElement)) return;
    const computed = getComputedStyle(original);
    for (const property of STYLE_PROPERTIES) target.style.setProperty(property, computed.getPropertyValue(property));
  });
  const background = getComputedStyle(document.body).getPropertyValue('background-color');
  copy.style.setProperty('background-color', background);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.ceil(width + 2 * margin)));
  copy.setAttribute('height', String(Math.ceil(height + 2 * margin)));
  copy.setAttribute('viewBox', `0 0 ${Math.ceil(width + 2 * margin)} ${Math.ceil(height + 2 * margin)}`);
  copy.removeAttribute('class');
  const copiedViewport = copy.querySelector(`.${viewport.getAttribute('class') ?? 'viewport'}`);
  copiedViewport?.setAttribute('transform', `translate(${margin} ${margin})`);
  return new XMLSerializer().serializeToString(copy);
}
