/** Quick fixes for subnet and static address findings; each finds its node again by the finding's span. */
import type { Node } from '../../parse/tree';
import type { CodeAction, TextEdit } from '../../types';
import { sameSpan, spanKey, type FixProvider } from '../analysis';
import { contains, formatAddress, formatCidr, type Cidr } from './cidr';
import { ipamNetworks, type WrittenCidr } from './ipamModel';
import { nextFreeSubnet } from './nextFreeSubnet';
import { subnetUses, type SubnetUse } from './overlaps';
import { reservedIn, staticAddresses, subnetsOf } from './staticAddresses';
import { perDocument } from '../../perDocument';

/** Replaces a scalar's value, keeping its quotes; undefined for block scalars and interpolated values. */
function scalarEdit(node: Node, newText: string): TextEdit | undefined {
  if (node.kind !== 'scalar' || node.interpolation || node.style === 'block') return undefined;
  const quoted = node.style !== 'plain';
  return { span: { start: node.span.start + (quoted ? 1 : 0), end: node.span.end - (quoted ? 1 : 0) }, newText };
}

function action(title: string, edits: readonly (TextEdit | undefined)[]): CodeAction[] {
  const defined = edits.filter((edit): edit is TextEdit => edit !== undefined);
  if (defined.length === 0) return [];
  // One edit per place: an anchored value used by several networks is rewritten once.
  const unique = [...new Map(defined.map((edit) => [spanKey(edit.span), edit])).values()];
  return [{ title, kind: 'quickfix', edits: unique, isPreferred: true }];
}

/** subnet-host-bits: the masked prefix. */
export const maskSubnet: FixProvider = (doc, finding) => {
  for (const network of ipamNetworks(doc).values()) {
    for (const config of network.configs) {
      for (const written of [config.subnet, config.ipRange]) {
        if (!written?.cidr || !sameSpan(written.node.span, finding.span)) continue;
        const masked = formatCidr(written.cidr);
        return action(`Change to ${masked}`, [scalarEdit(written.node, masked)]);
      }
    }
  }
  return [];
};

/**
 * Overlap findings: move the subnet to the next free one of the same size, and every address of the
 * network inside it (gateway, ip_range, aux addresses, static addresses) to the same offset.
 */
export const moveSubnet: FixProvider = (doc, finding) => {
  const use = subnetUseAt(doc).get(spanKey(finding.span));
  if (!use) return [];
  const target = nextFreeSubnet(doc, use.cidr.prefix, use.cidr.family);
  if (!target) return [];
  const move = (written: { node: Node; address?: { value: bigint } } | undefined) => {
    const address = written?.address;
    if (!written || !address || !contains(use.cidr, { family: use.cidr.family, value: address.value })) return undefined;
    return scalarEdit(written.node, formatAddress(target.family, target.start + address.value - use.cidr.start));
  };
  const config = use.network.configs.find((candidate) => candidate.subnet === use.written);
  const edits = [
    scalarEdit(use.written.node, formatCidr(target)),
    moveRange(config?.ipRange, use.cidr, target),
    move(config?.gateway),
    ...(config?.auxAddresses ?? []).map(move),
    ...(staticAddresses(doc).byNetwork.get(use.network.element.name) ?? []).map(move),
  ];
  const moved = edits.filter((edit) => edit !== undefined).length > 1;
  return action(`Change subnet to ${formatCidr(target)}${moved ? ' and move its addresses' : ''}`, edits);
};

/** The overlap check's subnets by where each is written, for the fixes that find theirs by a finding's span. */
const subnetUseAt = perDocument((doc): ReadonlyMap<string, SubnetUse> => new Map(subnetUses(doc).map((use) => [spanKey(use.written.node.span), use])));

function moveRange(range: WrittenCidr | undefined, from: Cidr, to: Cidr): TextEdit | undefined {
  if (!range?.cidr || !contains(from, range.cidr)) return undefined;
  return scalarEdit(range.node, formatCidr({ family: to.family, start: to.start + range.cidr.start - from.start, prefix: range.cidr.prefix }));
}

/** ip-outside-subnet: the first host address of the network's subnet that nothing else holds. */
export const moveIntoSubnet: FixProvider = (doc, finding) => {
  const statics = staticAddresses(doc);
  const item = statics.at.get(spanKey(finding.span));
  if (!item?.address) return [];
  const home = subnetsOf(item.network, item.address.family)[0];
  if (!home) return [];
  const taken = reservedIn(item.network, home.config, home.cidr);
  for (const other of statics.byNetwork.get(item.networkName) ?? []) if (other.address) taken.set(other.address.value, '');
  for (let value = home.cidr.start; value <= home.cidr.end; value++) {
    if (taken.has(value)) continue;
    const address = formatAddress(home.cidr.family, value);
    return action(`Change to ${address} (in ${formatCidr(home.cidr)})`, [scalarEdit(item.node, address)]);
  }
  return [];
};
