import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ComposeMode, NetworkGraph, Span } from '../../server/src/service/index';
import { expectJson, fixtureCases, lineColumn } from '../support/expect';
import { service } from '../support/service';

/** Spans rendered as `line:col` plus the first line of the text under them, so expectations are reviewable. */
export function renderGraph(text: string, mode: ComposeMode): unknown {
  const doc = service.parse(text, mode);
  const render = (span: Span) => `${lineColumn(doc, span.start)} ${text.slice(span.start, span.end).split('\n')[0]!.slice(0, 50)}`;
  return JSON.parse(JSON.stringify(service.networkGraph(doc)), (key, value: unknown) => (key === 'range' ? render(value as Span) : value));
}

/** Every folder under test/fixtures/networkGraph holds a compose.yaml (or docker-stack.yml) and its expected graph. */
describe('network graph fixtures', () => {
  for (const { name, file, mode, expected } of fixtureCases('networkGraph')) {
    it(name, () => expectJson(expected, renderGraph(readFileSync(file, 'utf8'), mode)));
  }
});

describe('network graph', () => {
  const graphOf = (text: string): NetworkGraph => service.networkGraph(service.parse(text, 'compose'));

  it('gives an empty graph for empty and non-Compose input', () => {
    for (const text of ['', 'just text', '- a\n- b\n', 'services: 3\n']) assert.deepEqual(graphOf(text), { nodes: [], edges: [] });
  });

  it('honours rule settings when attaching findings', () => {
    const doc = service.parse('services:\n  web:\n    imag: nginx\n', 'compose');
    assert.equal(service.networkGraph(doc).nodes.find((n) => n.id === 'service:web')!.findings.length, 1);
    assert.equal(service.networkGraph(doc, { rules: { 'schema-unknown-property': 'off' } }).nodes.find((n) => n.id === 'service:web')!.findings.length, 0);
  });

  it('builds a 5,000-service graph with every service attached once', () => {
    const text = 'services:\n' + Array.from({ length: 5000 }, (_, i) => `  s${i}:\n    image: x\n    ports: ["${10000 + i}:80"]\n    networks: [n${i % 7}]\n`).join('');
    const graph = graphOf(text);
    assert.equal(graph.nodes.filter((n) => n.kind === 'service').length, 5000);
    assert.equal(graph.edges.filter((e) => e.kind === 'network').length, 5000);
  });
});
