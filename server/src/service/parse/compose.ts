/**
 * Accessors for the Compose constructs several analyses and features read (network attachments,
 * dependencies, network_mode, replica counts), so each form (list or map, short or long) is read once.
 */
import type { Span } from '../types';
import { at, get, listItems, numberValue, text, type Node } from './tree';

export interface NetworkAttachment {
  readonly name: string;
  /** The list item or map key naming the network. */
  readonly span: Span;
  /** The attachment's settings (map form), if any. */
  readonly config?: Node;
  readonly ipv4Address?: Node;
  readonly ipv6Address?: Node;
  readonly aliases: readonly Node[];
}

/**
 * True when Compose attaches the service to the `default` network: it names no networks (`networks`
 * absent or empty) and has neither `network_mode` nor `provider` (compose-go `normalizeNetworks`,
 * docker/cli `convertServiceNetworks`).
 */
export function joinsDefaultNetwork(service: Node): boolean {
  if (get(service, 'network_mode') !== undefined || get(service, 'provider') !== undefined) return false;
  const networks = get(service, 'networks');
  if (networks === undefined) return true;
  return (networks.kind === 'scalar' && networks.value === null) || (networks.kind === 'seq' && networks.items.length === 0) || (networks.kind === 'map' && networks.entries.length === 0);
}

/** `networks:` of a service, list form (`[front, back]`) or map form (`{back: {ipv4_address: …}}`). */
export function serviceNetworks(service: Node): NetworkAttachment[] {
  const networks = get(service, 'networks');
  if (networks?.kind === 'seq') {
    return networks.items.flatMap((item) => {
      const name = text(item);
      return name === undefined ? [] : [{ name, span: item.span, aliases: [] }];
    });
  }
  if (networks?.kind === 'map') {
    return networks.entries.map(({ key, keySpan, value }) => {
      const aliases = get(value, 'aliases');
      const ipv4Address = get(value, 'ipv4_address');
      const ipv6Address = get(value, 'ipv6_address');
      return {
        name: key,
        span: keySpan,
        ...(value.kind === 'map' ? { config: value } : {}),
        ...(ipv4Address ? { ipv4Address } : {}),
        ...(ipv6Address ? { ipv6Address } : {}),
        aliases: listItems(aliases),
      };
    });
  }
  return [];
}

export interface Dependency {
  readonly name: string;
  readonly span: Span;
  /** `service_started` (default), `service_healthy` or `service_completed_successfully`. */
  readonly condition: string;
  readonly conditionNode?: Node;
  readonly required: boolean;
}

/** `depends_on`, short form (`[db]`) or long form (`{db: {condition: service_healthy}}`). */
export function serviceDependsOn(service: Node): Dependency[] {
  const dependsOn = get(service, 'depends_on');
  if (dependsOn?.kind === 'seq') {
    return dependsOn.items.flatMap((item) => {
      const name = text(item);
      return name === undefined ? [] : [{ name, span: item.span, condition: 'service_started', required: true }];
    });
  }
  if (dependsOn?.kind === 'map') {
    return dependsOn.entries.map(({ key, keySpan, value }) => {
      const conditionNode = get(value, 'condition');
      return {
        name: key,
        span: keySpan,
        condition: text(conditionNode) ?? 'service_started',
        ...(conditionNode ? { conditionNode } : {}),
        required: text(get(value, 'required')) !== 'false',
      };
    });
  }
  return [];
}

export type NetworkModeKind = 'host' | 'none' | 'bridge' | 'service' | 'container' | 'other';

export interface NetworkMode {
  readonly kind: NetworkModeKind;
  /** The service or container named by `service:x` / `container:x`. */
  readonly target?: string;
  readonly node: Node;
}

export function networkMode(service: Node): NetworkMode | undefined {
  const node = get(service, 'network_mode');
  const value = text(node);
  if (!node || value === undefined) return undefined;
  const colon = value.indexOf(':');
  const prefix = colon >= 0 ? value.slice(0, colon) : value;
  if (colon >= 0 && (prefix === 'service' || prefix === 'container')) return { kind: prefix, target: value.slice(colon + 1), node };
  if (value === 'host' || value === 'none' || value === 'bridge') return { kind: value, node };
  return { kind: 'other', node };
}

/**
 * How many containers (compose) or tasks (stack) the service runs: `deploy.replicas`, else `scale`,
 * else 1. Undefined when it depends on a variable without a default.
 */
export function replicaCount(service: Node): number | undefined {
  const replicas = at(service, 'deploy', 'replicas') ?? get(service, 'scale');
  if (!replicas) return 1;
  return numberValue(replicas);
}

/** `deploy.mode`, default `replicated`. */
export function deployMode(service: Node): string {
  return text(at(service, 'deploy', 'mode')) ?? 'replicated';
}

export interface Mount {
  readonly kind: 'volume' | 'secret' | 'config';
  /** The named volume, secret or config. */
  readonly name: string;
  /** The list item. */
  readonly span: Span;
  readonly target?: string;
  readonly readOnly: boolean;
}

/**
 * Named volumes mounted by a service (bind mounts, tmpfs and anonymous volumes are left out), and the
 * secrets and configs it is granted.
 */
export function serviceMounts(service: Node): Mount[] {
  const volumes = listItems(get(service, 'volumes')).flatMap((item): Mount[] => {
    if (item.kind === 'map') {
      const name = text(get(item, 'source'));
      if (text(get(item, 'type')) !== 'volume' || !name) return [];
      const target = text(get(item, 'target'));
      return [{ kind: 'volume', name, span: item.span, ...(target ? { target } : {}), readOnly: text(get(item, 'read_only')) === 'true' }];
    }
    const value = text(item);
    const name = value === undefined ? undefined : shortVolumeSource(value);
    if (!value || !name) return [];
    const [, target, options] = value.slice(name.length).split(':');
    return [{ kind: 'volume', name, span: item.span, ...(target ? { target } : {}), readOnly: options?.split(',').includes('ro') ?? false }];
  });
  const granted = (kind: 'secret' | 'config') =>
    listItems(get(service, `${kind}s`)).flatMap((item): Mount[] => {
      const name = item.kind === 'map' ? text(get(item, 'source')) : text(item);
      const target = text(get(item, 'target'));
      return name ? [{ kind, name, span: item.span, ...(target ? { target } : {}), readOnly: true }] : [];
    });
  return [...volumes, ...granted('secret'), ...granted('config')];
}

/**
 * The named volume of a short-syntax volume (`name:/path[:mode]`), per compose-go `format.ParseVolume`:
 * a source starting with `.`, `/`, `~` or a Windows drive is a bind mount; no source is an anonymous volume.
 */
export function shortVolumeSource(value: string): string | undefined {
  const colon = /^[A-Za-z]:[\\/]/.test(value) ? -1 : value.indexOf(':');
  if (colon <= 0) return undefined;
  const source = value.slice(0, colon);
  if (/^[./~]/.test(source) || source.startsWith('\\\\')) return undefined;
  return source;
}

/** The container path of a short-syntax volume (`src:/path:ro`, `/path`; a Windows drive in the source is no separator). */
export function shortVolumeTarget(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(':');
  if (parts.length > 1 && /^[A-Za-z]$/.test(parts[0]!) && /^[\\/]/.test(parts[1]!)) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  return parts.length === 1 ? parts[0] : parts[1];
}
