/**
 * Inlay hints, each kind behind a setting: the value a `${VAR:-default}` resolves to, the value a
 * service overrides from the service it `extends` in the same file, and what a port without a host part
 * publishes on (an ephemeral host port; in a stack, a swarm-assigned port on every node).
 */
import type { ComposeDocument } from '../parse/model';
import { servicePorts } from '../parse/ports';
import { asMap, get, text, type Node } from '../parse/tree';
import type { Variable } from '../parse/interpolation';
import { trimmedEnd, visitWritten, writtenVariables } from '../parse/written';
import type { Span } from '../types';

export interface InlayHint {
  /** Where the hint is drawn (after the character before it). */
  readonly offset: number;
  readonly label: string;
  readonly tooltip?: string;
}

export interface InlayHintSettings {
  /** `${VAR:-default}`: the value it resolves to. Default on. */
  readonly variables?: boolean;
  /** A key a service overrides from the service it extends: the value it replaces. Default on. */
  readonly inherited?: boolean;
  /** A port without a host part: where it is published. Default on. */
  readonly ports?: boolean;
}

/** Values of at most this length are shown whole; longer ones are cut with an ellipsis. */
const MAX_LABEL = 40;

export function inlayHint(doc: ComposeDocument, range: Span, settings: InlayHintSettings = {}): InlayHint[] {
  const hints: InlayHint[] = [];
  const inRange = (offset: number) => offset >= range.start && offset <= range.end;
  if (settings.variables !== false) {
    visitWritten(doc, {
      node: (node) => {
        if (node.span.end < range.start || node.span.start > range.end) return false;
        if (node.kind !== 'scalar') return true;
        for (const variable of writtenVariables(doc.text, node)) {
          const value = variableValue(variable);
          if (value !== undefined && inRange(variable.end)) hints.push({ offset: variable.end, label: `= ${shorten(value)}`, tooltip: `The default Compose uses while ${variable.name} is unset.` });
        }
        return true;
      },
    });
  }
  for (const [name, element] of doc.model.services) {
    if (element.via || element.node.span.end < range.start || element.keySpan.start > range.end) continue;
    if (settings.inherited !== false) inheritedHints(doc, name, element.node, inRange, hints);
    if (settings.ports !== false) portHints(doc, element.node, inRange, hints);
  }
  return hints.sort((a, b) => a.offset - b.offset);
}

/**
 * The value a variable takes from what the file itself says: its default. Undefined when the file
 * cannot tell (no default, or an error/alternative operator). The one place a project environment
 * (`.env`) would be consulted first.
 */
export function variableValue(variable: Variable): string | undefined {
  if (!variable.name || (variable.operator !== ':-' && variable.operator !== '-')) return undefined;
  const argument = variable.argument ?? '';
  return argument.includes('$') ? undefined : argument;
}

/** `extends: base` (same file): each scalar key the service writes over a different value of the base. */
function inheritedHints(doc: ComposeDocument, name: string, service: Node, inRange: (offset: number) => boolean, hints: InlayHint[]): void {
  const extendsNode = get(service, 'extends');
  const baseName = extendsNode?.kind === 'scalar' ? text(extendsNode) : asMap(extendsNode) && !get(extendsNode, 'file') ? text(get(extendsNode, 'service')) : undefined;
  const base = baseName === undefined || baseName === name ? undefined : doc.model.services.get(baseName)?.node;
  if (!base || service.kind !== 'map') return;
  for (const entry of service.entries) {
    if (entry.via || entry.key === 'extends' || entry.value.kind !== 'scalar') continue;
    const inherited = get(base, entry.key);
    const was = inherited?.kind === 'scalar' ? text(inherited) : undefined;
    const end = trimmedEnd(doc.text, entry.value.span.start, entry.value.span.end);
    if (was !== undefined && was !== text(entry.value) && inRange(end)) hints.push({ offset: end, label: `was ${shorten(was)} in ${baseName}`, tooltip: `This replaces '${was}' that '${name}' would inherit from '${baseName}' through extends.` });
  }
}

function portHints(doc: ComposeDocument, service: Node, inRange: (offset: number) => boolean, hints: InlayHint[]): void {
  for (const port of servicePorts(service)) {
    if (port.published || port.unknown || !port.target || port.problems.length > 0 || port.node.via) continue;
    const end = trimmedEnd(doc.text, port.node.span.start, port.node.span.end);
    if (!inRange(end)) continue;
    if (doc.mode === 'stack' && port.mode === 'ingress') hints.push({ offset: end, label: '→ swarm-assigned port (30000–32767) on every node', tooltip: 'Without a published port, swarm picks one from 30000–32767 and the routing mesh opens it on every node.' });
    else hints.push({ offset: end, label: '→ random host port', tooltip: 'Without a host port, Docker publishes the container port on a free ephemeral port of the host; `docker compose port` shows which.' });
  }
}

function shorten(value: string): string {
  const label = value === '' ? "''" : value;
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}
