/**
 * Refactorings offered on the port item under the cursor: short syntax ("127.0.0.1:8080:80/udp") to
 * long syntax ({target, published, host_ip, protocol}) and back, when the item means the same in both.
 */
import type { ComposeDocument } from '../../parse/model';
import type { PortSpec } from '../../parse/ports';
import type { MapNode, ScalarNode } from '../../parse/tree';
import type { CodeAction, Span } from '../../types';
import { portItems } from './document';
import { isFlow, lineStartOf } from '../edits';
import { quoteChar } from './fixes';

const LONG_KEYS = new Set(['target', 'published', 'host_ip', 'protocol', 'mode']);

export function portRefactorings(doc: ComposeDocument, span: Span): CodeAction[] {
  const spec = portItems(doc).find((p) => p.node.span.start <= span.start && span.end <= p.node.span.end);
  if (!spec || spec.unknown || spec.problems.length > 0 || !spec.target || spec.target.start !== spec.target.end) return [];
  const action = spec.node.kind === 'scalar' ? toLong(doc, spec, spec.node) : spec.node.kind === 'map' ? toShort(doc, spec, spec.node) : undefined;
  return action ? [action] : [];
}

function toLong(doc: ComposeDocument, spec: PortSpec, node: ScalarNode): CodeAction | undefined {
  const published = spec.published;
  // Swarm expands a host range port by port, which a single long-syntax item cannot say.
  if (node.interpolation || (doc.mode === 'stack' && published && published.end > published.start)) return undefined;
  const q = quoteChar(doc);
  const fields = [`target: ${spec.target!.start}`];
  if (published) {
    const value = published.end > published.start ? `${published.start}-${published.end}` : `${published.start}`;
    // The stack schema (v3.13) wants an integer; the Compose spec writes it as a string.
    fields.push(`published: ${doc.mode === 'stack' ? value : `${q}${value}${q}`}`);
  }
  if (spec.hostIp) fields.push(`host_ip: ${spec.hostIp.address.includes(':') ? `${q}${spec.hostIp.address}${q}` : spec.hostIp.address}`);
  if (spec.protocolSpan) fields.push(`protocol: ${spec.protocol}`);
  const before = doc.text.slice(lineStartOf(doc, node.span.start), node.span.start);
  const flow = /[[,]\s*$/.test(before);
  if (!flow && !/-\s+$/.test(before)) return undefined;
  const newText = flow ? `{ ${fields.join(', ')} }` : fields.join(`\n${' '.repeat(before.length)}`);
  return { title: 'Convert port to long syntax', kind: 'refactor.rewrite', edits: [{ span: node.span, newText }] };
}

function toShort(doc: ComposeDocument, spec: PortSpec, node: MapNode): CodeAction | undefined {
  const last = node.entries[node.entries.length - 1];
  const simple = node.entries.every((e) => !e.via && LONG_KEYS.has(e.key) && e.value.kind === 'scalar' && !e.value.interpolation);
  if (!last || !simple || spec.mode !== 'ingress') return undefined;
  const ip = spec.hostIp ? (spec.hostIp.address.includes(':') ? `[${spec.hostIp.address}]` : spec.hostIp.address) : undefined;
  const published = spec.published ? (spec.published.end > spec.published.start ? `${spec.published.start}-${spec.published.end}` : `${spec.published.start}`) : '';
  let value = ip ? `${ip}:${published}:${spec.target!.start}` : published ? `${published}:${spec.target!.start}` : `${spec.target!.start}`;
  if (spec.protocolSpan) value += `/${spec.protocol}`;
  const q = quoteChar(doc);
  // A block mapping's span runs to the next line; stop at its last value so trailing comments stay.
  const span = isFlow(doc, node) ? node.span : { start: node.span.start, end: last.value.span.end };
  return { title: 'Convert port to short syntax', kind: 'refactor.rewrite', edits: [{ span, newText: `${q}${value}${q}` }] };
}
