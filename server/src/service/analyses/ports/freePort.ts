/**
 * The next host port nobody in the file uses: shared by the port-conflict quick fix and by completion
 * of `published` values.
 */
import type { ComposeDocument } from '../../parse/model';
import { addressesOverlap, hostAddress } from './bindings';
import { portBindings } from './document';
import { SWARM_PORTS } from './services';

export interface FreePortQuery {
  /** `tcp`, `udp` or `sctp`. */
  readonly protocol: string;
  /** The first port to consider. */
  readonly from: number;
  /** How many consecutive ports are needed (for a range); default 1. */
  readonly count?: number;
  /** The host IP the port will be bound on; undefined = every address. */
  readonly hostIp?: string;
}

/**
 * The lowest port >= `from` starting `count` consecutive host ports that no binding of the file uses on
 * an overlapping address with the same protocol (fixed ports, host port ranges, ports of
 * `network_mode: host` services, whatever their profiles), and that are not Swarm's own ports.
 * Undefined when no such run fits below 65536.
 */
export function nextFreePort(doc: ComposeDocument, query: FreePortQuery): number | undefined {
  const count = Math.max(1, query.count ?? 1);
  const address = hostAddress(query.hostIp);
  const used = portBindings(doc)
    .filter((b) => b.protocol === query.protocol && addressesOverlap(b.address, address))
    .map((b) => [b.start, b.end] as const);
  for (const reserved of SWARM_PORTS) if (reserved.protocol === query.protocol) used.push([reserved.port, reserved.port]);
  used.sort((a, b) => a[0] - b[0]);
  let candidate = Math.max(1, query.from);
  for (const [start, end] of used) {
    if (end < candidate) continue;
    if (start > candidate + count - 1) break;
    candidate = end + 1;
  }
  return candidate + count - 1 <= 65535 ? candidate : undefined;
}
