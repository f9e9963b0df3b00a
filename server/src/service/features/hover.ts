/**
 * textDocument/hover: documentation for the key under the cursor, or an explanation of the value
 * (ports, subnets, static IPs, service references, variables, durations, constraints, drivers, enums).
 * It reads the parsed document only; findings are consulted just for subnet overlaps (they are cached
 * per document version, so this costs nothing once diagnostics ran).
 */
import { isDurationPath } from '../analyses/units';
import type { SchemaKeys } from '../facts/schemaKeys';
import { driverOptionAt, patternKey } from '../facts/values';
import type { ComposeDocument } from '../parse/model';
import { cursorContext, type YamlPath } from '../parse/path';
import { parsePortItem } from '../parse/ports';
import { at, text, type Node } from '../parse/tree';
import type { Finding, PeerCoverage, Span } from '../types';
import { keyDocumentation } from '../docs/keyDocumentation';
import { gatewayNetwork } from '../analyses/networks/gateway';
import { findModeline } from '../mode/modeline';
import { modelineHover } from './hover/mode';
import { peerDescribesKeys } from './peers';
import { portHover } from './hover/ports';
import {
  cidrHover,
  constraintHover,
  driverHover,
  driverOptionHover,
  durationHover,
  enumHover,
  interpolationHover,
  mountHover,
  networkHover,
  networkModeHover,
  secretHover,
  serviceHover,
  staticIpHover,
  taskDnsHover,
} from './hover/values';

export interface Hover {
  /** Markdown. */
  readonly contents: string;
  readonly span: Span;
}

export interface HoverContext {
  readonly schemaKeys: SchemaKeys;
  /** The stack file format's keys: their types are the ones `docker stack deploy` checks. */
  readonly stackKeys?: SchemaKeys;
  /** Findings that may concern a subnet (all of the document's, or at least the subnet analysis's); read only when a subnet is hovered. */
  readonly findings: () => readonly Finding[];
  /** What other Compose extensions already show: with their key hovers, keys get only Shipshape's own notes. */
  readonly peers?: PeerCoverage | undefined;
}

export function hover(doc: ComposeDocument, offset: number, context: HoverContext): Hover | undefined {
  const modeline = findModeline(doc.text);
  if (modeline && offset >= modeline.span.start && offset <= modeline.span.end) return { contents: modelineHover(doc, modeline), span: modeline.span };
  const cursor = cursorContext(doc, offset);
  const { path } = cursor;
  if (cursor.role === 'key') {
    const contents = referenceKeyHover(doc, path) ?? keyHover(doc, path, context);
    return contents === undefined ? undefined : { contents, span: cursor.span };
  }
  const node = cursor.node;
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  const parts = [interpolationHover(node, doc.mode), valueHover(doc, path, node, context)].filter((part) => part !== undefined);
  const keyPath = trimIndexes(path);
  if (parts.length === 0 && keyPath.length > 0) {
    const contents = keyHover(doc, keyPath, context);
    if (contents !== undefined) parts.push(contents);
  }
  return parts.length ? { contents: parts.join('\n\n---\n\n'), span: node.span } : undefined;
}

function valueHover(doc: ComposeDocument, path: YamlPath, node: Node, context: HoverContext): string | undefined {
  const value = text(node);
  if (value === undefined) return undefined;
  const pattern = patternKey(path);
  const service = path[0] === 'services' ? doc.model.services.get(String(path[1]))?.node : undefined;
  if (service && path[2] === 'ports' && typeof path[3] === 'number') {
    const item = at(service, 'ports', path[3]);
    return item ? portHover(parsePortItem(item), doc.mode, doc.mode === 'compose' ? gatewayNetwork(doc, service) : undefined) : undefined;
  }
  if (/^networks\.\*\.ipam\.config\.\*\.(subnet|ip_range)$/.test(pattern)) {
    const overlaps = context.findings().filter((f) => f.code.startsWith('subnet-overlap') && f.span.start < node.span.end && f.span.end > node.span.start);
    return cidrHover(value, overlaps, path[path.length - 1] === 'ip_range' ? 'ip_range' : 'subnet');
  }
  if (/^services\.\*\.networks\.\*\.ipv[46]_address$/.test(pattern)) return staticIpHover(doc, String(path[3]), value);
  if (pattern === 'services.*.depends_on.*' || pattern === 'services.*.extends.service' || pattern === 'services.*.extends') return serviceHover(doc, value);
  if (pattern === 'services.*.networks.*') return networkHover(doc, value);
  if (pattern === 'services.*.volumes.*') return mountHover(doc, value);
  if (pattern === 'services.*.secrets.*' || pattern === 'services.*.secrets.*.source') return secretHover(doc, 'secrets', value);
  if (pattern === 'services.*.configs.*' || pattern === 'services.*.configs.*.source') return secretHover(doc, 'configs', value);
  if (pattern === 'services.*.links.*') return serviceHover(doc, value.split(':')[0]!);
  if (pattern === 'services.*.network_mode' && service) return networkModeHover(doc, service);
  if (pattern === 'networks.*.driver') return driverHover(value);
  const option = driverOptionAt(path);
  if (option) return driverOptionHover(doc, option.network, option.option, value);
  if (service && isDurationPath(path)) return durationHover(value, path, doc.mode);
  if (pattern === 'services.*.deploy.placement.constraints.*') return constraintHover(value, path);
  return enumHover(path, value, doc) ?? taskDnsHover(doc, value);
}

/** Keys that name something: services, networks, `depends_on` and service `networks` map keys, driver options. */
function referenceKeyHover(doc: ComposeDocument, path: YamlPath): string | undefined {
  const option = driverOptionAt(path);
  if (option) return driverOptionHover(doc, option.network, option.option);
  if (path.length === 2 && path[0] === 'networks') return networkHover(doc, String(path[1]));
  if (path[0] !== 'services') return undefined;
  if (path.length === 2) return serviceHover(doc, String(path[1]));
  if (path.length !== 4) return undefined;
  if (path[2] === 'depends_on') return serviceHover(doc, String(path[3]));
  if (path[2] === 'networks') return networkHover(doc, String(path[3]));
  return undefined;
}

/** The key's documentation, without what a peer's hover already shows of the schema (Red Hat YAML, Docker DX). */
function keyHover(doc: ComposeDocument, path: YamlPath, context: HoverContext): string | undefined {
  return keyDocumentation(path, doc.mode, context.schemaKeys, typeKeys(doc, context), { schemaShown: peerDescribesKeys(context.peers) });
}

function typeKeys(doc: ComposeDocument, context: HoverContext): SchemaKeys {
  return doc.mode === 'stack' && context.stackKeys ? context.stackKeys : context.schemaKeys;
}

function trimIndexes(path: YamlPath): YamlPath {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end--;
  return path.slice(0, end);
}
