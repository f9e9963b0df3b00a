/**
 * Drawing only: the scene becomes SVG elements. Every name and message goes in as a text node
 * (textContent), never as markup, so a service called `<img src=x onerror=…>` is shown literally.
 * Colours come from the stylesheet, which uses only VS Code's theme variables.
 */
import type { GraphFindingDto } from '../../../server/src/protocol';
import { LINE_HEIGHT, nameOf, PADDING, TITLE_HEIGHT, type Point, type Scene, type SceneEdge, type SceneNode } from './layout';

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

/** Draws the scene into `viewport` (a `<g>`), replacing what was there; items carry `data-id`. */
export function render(scene: Scene, viewport: SVGGElement): void {
  viewport.replaceChildren();
  const groups = element('g', { class: 'groups' }, viewport);
  const edges = element('g', { class: 'edges' }, viewport);
  const nodes = element('g', { class: 'nodes' }, viewport);
  for (const node of scene.nodes) drawNode(node, node.group ? groups : nodes);
  for (const edge of scene.edges) drawEdge(edge, edges);
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
  const { box, item } = node;
  const external = item.kind !== 'service' && item.external;
  const undeclared = item.kind !== 'service' && !item.declared;
  const g = element('g', { class: classes('item', 'node', item.kind, node.group && 'group', external && 'external', undeclared && 'undeclared', node.severity), 'data-id': node.id }, parent);
  element('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: item.kind === 'service' ? 4 : 10, class: 'box' }, g);
  textElement(node.title, { x: box.x + PADDING, y: box.y + PADDING + 13, class: 'title' }, g);
  node.lines.forEach((line, index) => textElement(line, { x: box.x + PADDING, y: box.y + PADDING + TITLE_HEIGHT + index * LINE_HEIGHT + 11, class: 'line' }, g));
  for (const chip of node.chips) {
    const c = element('g', { class: classes('chip', chip.severity) }, g);
    element('rect', { x: chip.x, y: chip.y, width: chip.width, height: chip.height, rx: 3, class: 'chip-box' }, c);
    textElement(chip.label, { x: chip.x + 6, y: chip.y + 13, class: 'chip-text' }, c);
    tooltip(c, [`Port ${chip.label}`, ...messages(chip.port.findings)]);
  }
  tooltip(g, [`${item.kind} ${item.name}`, ...node.lines, ...messages(node.findings)]);
}

function drawEdge(edge: SceneEdge, parent: Element): void {
  const g = element('g', { class: classes('item', 'edge', edge.item.kind, edge.item.kind === 'network' && edge.item.implicit && 'implicit', edge.severity), 'data-id': edge.id }, parent);
  const d = pathData(edge.points);
  // A wide transparent twin makes thin lines easy to click.
  element('path', { d, class: 'hit' }, g);
  const arrow = edge.item.kind === 'dependsOn' || edge.item.kind === 'networkMode';
  element('path', { d, class: 'line', ...(arrow ? { 'marker-end': `url(#${edge.severity === 'error' ? 'arrow-error' : 'arrow'})` } : {}) }, g);
  tooltip(g, [edgeTitle(edge), ...messages(edge.item.findings)]);
}

/** Edges carry no text on the canvas (labels of merged edges would pile up); the details are in the tooltip. */
function edgeTitle(edge: SceneEdge): string {
  const { item } = edge;
  const verb = { network: 'is attached to', dependsOn: 'depends on', networkMode: 'shares the network stack of', volume: 'mounts', secret: 'uses secret', config: 'uses config' }[item.kind];
  const details =
    item.kind === 'network' ? [item.ipv4Address, item.ipv6Address, ...item.aliases.map((alias) => `alias ${alias}`)]
    : item.kind === 'dependsOn' ? [item.condition, item.required ? '' : 'optional']
    : item.kind === 'networkMode' ? []
    : [item.target ? `at ${item.target}` : '', item.readOnly && item.kind === 'volume' ? 'read-only' : ''];
  const detail = details.filter(Boolean).join(', ');
  return `${nameOf(item.from)} ${verb} ${nameOf(item.to)}${detail ? ` (${detail})` : ''}`;
}

function messages(findings: readonly GraphFindingDto[]): string[] {
  return findings.map((finding) => `${finding.severity}: ${finding.message} [${finding.code}]`);
}

/** Native SVG tooltip; text only. */
function tooltip(parent: Element, lines: readonly string[]): void {
  element('title', {}, parent).textContent = lines.join('\n');
}

function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
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
