/** Quick fixes for port findings, matched by code and span; edits keep the user's quoting style. */
import type { ComposeDocument } from '../../parse/model';
import { formatPortRange } from '../../parse/ports';
import { entry, type ScalarNode } from '../../parse/tree';
import type { Span } from '../../types';
import { sameSpan, type FixProvider } from '../analysis';
import { insertAt, removeEntry } from '../edits';
import type { Binding } from './bindings';
import { portBindings, portItems } from './document';
import { nextFreePort } from './freePort';

/** Moves the published port of the finding's binding to the next free one. */
const movePort: FixProvider = (doc, finding) => {
  const binding = portBindings(doc).find((b) => b.source === 'published' && !b.pool && !b.via && sameSpan(b.span, finding.span));
  if (!binding) return [];
  const span = portNumberSpan(doc, binding);
  if (!span) return [];
  const count = binding.end - binding.start + 1;
  const port = nextFreePort(doc, { protocol: binding.protocol, from: binding.start + 1, count, ...(binding.hostIp ? { hostIp: binding.hostIp } : {}) });
  if (port === undefined) return [];
  const newText = count === 1 ? `${port}` : `${port}-${port + count - 1}`;
  return [{ title: `Change host port ${doc.text.slice(span.start, span.end)} to ${newText}`, kind: 'quickfix', edits: [{ span, newText }], isPreferred: true }];
};

const quote: FixProvider = (doc, finding) => {
  const node = portScalar(doc, (n) => sameSpan(n.span, finding.span));
  if (!node) return [];
  const q = quoteChar(doc);
  return [{ title: `Quote ${node.raw}`, kind: 'quickfix', edits: [{ span: node.span, newText: `${q}${node.raw}${q}` }], isPreferred: true }];
};

const bracket: FixProvider = (doc, finding) => {
  const spec = portItems(doc).find((p) => p.hostIp && sameSpan(p.hostIp.span, finding.span));
  const node = spec?.node;
  if (!spec?.hostIp || node?.kind !== 'scalar') return [];
  const { address, span } = spec.hostIp;
  const title = `Write the host address as [${address}]`;
  if (node.style !== 'plain') return [{ title, kind: 'quickfix', edits: [insertAt(span.start, '['), insertAt(span.end, ']')] }];
  // A plain scalar cannot start with '[' (it would open a flow sequence), so the fix quotes it too.
  const q = quoteChar(doc);
  const length = span.end - span.start;
  return [{ title, kind: 'quickfix', edits: [{ span: node.span, newText: `${q}[${node.raw.slice(0, length)}]${node.raw.slice(length)}${q}` }] }];
};

/** Removes the whole `ports` entry (its lines in a block map, the entry and a comma in a flow map). */
const removePorts: FixProvider = (doc, finding) => {
  const service = [...doc.model.services.values()].find((s) => {
    const ports = entry(s.node, 'ports');
    return ports && !ports.via && sameSpan(ports.keySpan, finding.span);
  });
  const ports = entry(service?.node, 'ports');
  if (!service || !ports) return [];
  return [{ title: "Remove 'ports' (ignored with network_mode: host)", kind: 'quickfix', edits: [removeEntry(doc, ports, service.node)], isPreferred: true }];
};

export const portFixes: Readonly<Record<string, FixProvider>> = {
  'port-conflict': movePort,
  'port-duplicate-in-service': movePort,
  'port-swarm-reserved': movePort,
  'port-base60': quote,
  'port-unquoted': quote,
  'port-ipv6-unbracketed': bracket,
  'ports-with-host-network': removePorts,
};

function portScalar(doc: ComposeDocument, match: (node: ScalarNode) => boolean): ScalarNode | undefined {
  for (const spec of portItems(doc)) if (spec.node.kind === 'scalar' && match(spec.node)) return spec.node;
  return undefined;
}

/** The quote the file's port items mostly use (double when tied or none). */
export function quoteChar(doc: ComposeDocument): string {
  let single = 0;
  let double = 0;
  for (const spec of portItems(doc)) {
    if (spec.node.kind !== 'scalar') continue;
    if (spec.node.style === 'single') single++;
    else if (spec.node.style === 'double') double++;
  }
  return single > double ? "'" : '"';
}

/**
 * The digits of the binding's host port or range as written: inside quotes if any, or, when the value
 * comes from an interpolation default (`"${WEB_PORT:-8080}:80"`), that default if it is the only place
 * the number appears. Undefined when the number cannot be pointed at.
 */
function portNumberSpan(doc: ComposeDocument, binding: Binding): Span | undefined {
  const { span } = binding;
  const written = doc.text.slice(span.start, span.end);
  const quoted = written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.endsWith(written[0]);
  const inner = quoted ? { start: span.start + 1, end: span.end - 1 } : span;
  if (/^\d+(-\d+)?$/.test(doc.text.slice(inner.start, inner.end))) return inner;
  const port = formatPortRange(binding);
  const defaults = [...written.matchAll(/-(\d+(?:-\d+)?)\}/g)].filter((m) => m[1] === port);
  const digitRuns = written.match(/\d+(?:-\d+)?/g)?.filter((run) => run === port) ?? [];
  const only = defaults.length === 1 && digitRuns.length === 1 ? defaults[0] : undefined;
  return only?.index === undefined ? undefined : { start: span.start + only.index + 1, end: span.start + only.index + 1 + port.length };
}
