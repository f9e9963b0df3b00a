/**
 * IPAM analysis: subnets, gateways, ip_range and aux_addresses of each network, overlaps between
 * networks and with Docker's default pools, and services' static addresses. The checks live in
 * subnets/; this module registers them and their quick fixes.
 */
import type { ComposeDocument } from '../parse/model';
import type { Finding } from '../types';
import type { Analysis } from './analysis';
import { maskSubnet, moveIntoSubnet, moveSubnet } from './subnets/fixes';
import { checkIpamConfigs } from './subnets/ipamConfig';
import { checkOverlaps } from './subnets/overlaps';
import { checkPools } from './subnets/pools';
import { checkStaticAddresses } from './subnets/staticAddresses';

export { nextFreeSubnet } from './subnets/nextFreeSubnet';

export const subnetsAnalysis: Analysis = {
  name: 'subnets',
  run(doc: ComposeDocument): Finding[] {
    return [...checkIpamConfigs(doc), ...checkOverlaps(doc), ...checkPools(doc), ...checkStaticAddresses(doc)];
  },
  fixes: {
    'subnet-host-bits': maskSubnet,
    'subnet-overlap': moveSubnet,
    'subnet-overlap-cross-scope': moveSubnet,
    'subnet-overlaps-default-bridge': moveSubnet,
    'subnet-overlaps-default-pool': moveSubnet,
    'subnet-overlaps-swarm-pool': moveSubnet,
    'subnet-overlaps-ingress': moveSubnet,
    'subnet-overlaps-gwbridge': moveSubnet,
    'ip-outside-subnet': moveIntoSubnet,
  },
};
