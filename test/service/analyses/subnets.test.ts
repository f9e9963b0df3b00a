import * as assert from 'node:assert/strict';
import { parseCompose } from '../../../server/src/service/parse/model';
import { nextFreeSubnet } from '../../../server/src/service/analyses/subnets';
import { formatCidr } from '../../../server/src/service/analyses/subnets/cidr';
import { checkFix, checkNoFix } from '../../support/fixes';
import { checkFindings, findingsOf } from '../../support/service';

const nets = (body: string) => `services:\n  a:\n    image: x\nnetworks:\n${body}`;

import { MAX_FINDINGS } from '../../../server/src/service/features/diagnostics';

describe('subnets: ipam.config validity', () => {
  it('subnet-invalid and subnet-host-bits, with the masked prefix in the message', () => {
    checkFindings(nets('  n:\n    ipam:\n      config:\n        - subnet: ⟦10.0.0.0/33⟧\n        - subnet: ⟦"10.0.0"⟧\n        - subnet: ⟦172.28.5.0/16⟧\n        - subnet: 172.29.0.0/16\n'), ['subnet-invalid', 'subnet-host-bits'], {
      messages: [
        "Subnet '10.0.0.0/33' is not valid CIDR notation (an address and a prefix length, e.g. 172.28.0.0/16).",
        "Subnet '10.0.0' is not valid CIDR notation (an address and a prefix length, e.g. 172.28.0.0/16).",
        'Subnet 172.28.5.0/16 has host bits set; Docker refuses it. Did you mean 172.28.0.0/16?',
      ],
    });
    checkFindings(nets('  n:\n    enable_ipv6: true\n    ipam: {config: [{subnet: ⟦"fd00:1::1/64"⟧}, {subnet: "fd00:2::/64"}]}\n'), ['subnet-host-bits'], { messages: ['Subnet fd00:1::1/64 has host bits set; Docker refuses it. Did you mean fd00:1::/64?'] });
  });

  it('never judges interpolated subnets without a default, but judges defaults', () => {
    checkFindings(nets('  n:\n    ipam:\n      config:\n        - subnet: ${SUBNET}\n        - subnet: ⟦${SUBNET2:-10.0.0.1/24}⟧\n'), ['subnet-invalid', 'subnet-host-bits']);
  });

  it('ip_range, gateway and aux_addresses must lie in the subnet and share its family', () => {
    checkFindings(
      nets('  n:\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n          ip_range: ⟦10.6.0.0/25⟧\n          gateway: ⟦10.5.1.1⟧\n          aux_addresses:\n            router: ⟦10.9.0.1⟧\n            ok: 10.5.0.9\n'),
      ['ip-range-outside-subnet', 'gateway-outside-subnet', 'aux-address-outside-subnet'],
      { messages: ['ip_range 10.6.0.0/25 is not inside subnet 10.5.0.0/24.', 'Gateway 10.5.1.1 is not inside subnet 10.5.0.0/24.', "Auxiliary address 'router' (10.9.0.1) is not inside subnet 10.5.0.0/24 of network 'n'."] },
    );
    checkFindings(nets('  n:\n    ipam: {config: [{subnet: 10.5.0.0/24, gateway: ⟦"fd00::1"⟧, ip_range: ⟦"fd00::/120"⟧}]}\n'), ['ipam-family-mismatch'], {
      messages: ['Gateway is IPv6 but its subnet 10.5.0.0/24 is IPv4.', 'ip_range is IPv6 but its subnet 10.5.0.0/24 is IPv4.'],
    });
  });

  it('look-alikes: gateway outside ip_range but inside the subnet, ip_range equal to the subnet', () => {
    const text = nets('  n:\n    driver: macvlan\n    driver_opts: {parent: eth0}\n    ipam:\n      config:\n        - subnet: 192.168.178.0/24\n          ip_range: 192.168.178.208/28\n          gateway: 192.168.178.1\n  m:\n    ipam: {config: [{subnet: 10.1.0.0/24, ip_range: 10.1.0.0/24}]}\n');
    // The networks are declared only to hold the subnets, so 'network-unused' is expected here.
    assert.deepEqual(findingsOf(text).map((f) => f.code).filter((code) => code !== 'network-unused'), []);
  });

  it('gateway-reserved-address for the network and IPv4 broadcast addresses', () => {
    checkFindings(nets('  n:\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n          gateway: ⟦10.5.0.0⟧\n        - subnet: 10.6.0.0/24\n          gateway: ⟦10.6.0.255⟧\n        - subnet: 10.7.0.0/24\n          gateway: 10.7.0.254\n'), ['gateway-reserved-address'], {
      messages: [
        'Gateway 10.5.0.0 is the network address of subnet 10.5.0.0/24, which Docker never assigns; use a host address such as 10.5.0.1.',
        'Gateway 10.6.0.255 is the broadcast address of subnet 10.6.0.0/24, which Docker never assigns; use a host address such as 10.6.0.1.',
      ],
    });
  });

  it('aux-address-duplicate and ip-invalid', () => {
    checkFindings(nets('  n:\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n          gateway: 10.5.0.1\n          aux_addresses: {a: ⟦10.5.0.1⟧, b: 10.5.0.2, c: ⟦10.5.0.2⟧, d: ⟦10.5.0.300⟧}\n'), ['aux-address-duplicate', 'ip-invalid'], {
      messages: ["Auxiliary address 'a' (10.5.0.1) is already reserved as the gateway.", "Auxiliary address 'c' (10.5.0.2) is already reserved as auxiliary address 'b'.", "Auxiliary address 'd' '10.5.0.300' is not an IP address."],
    });
  });

  // Only Engine 25.0.0–25.0.2 enabled IPv6 for an IPv6 subnet by itself (moby c59e93a67b reverted it); since then it is skipped.
  it('ipv6-subnet-without-enable-ipv6 (warning: the subnet is ignored); IPv4, enabled and interpolated look-alikes pass', () => {
    checkFindings(nets('  n:\n    ipam: {config: [{subnet: 172.30.0.0/16}, {subnet: ⟦"fd00:1::/64"⟧}]}\n  m:\n    enable_ipv6: true\n    ipam: {config: [{subnet: "fd00:2::/64"}]}\n  k:\n    enable_ipv6: ${IPV6}\n    ipam: {config: [{subnet: "fd00:3::/64"}]}\n'), ['ipv6-subnet-without-enable-ipv6'], {
      messages: ["IPv6 subnet fd00:1::/64 of network 'n' is ignored unless the network sets 'enable_ipv6: true' (only Engine 25.0 enabled IPv6 by itself)."],
    });
  });

  it('skips external networks', () => {
    assert.deepEqual(findingsOf(nets('  n:\n    external: true\n    ipam: {config: [{subnet: 10.0.0.0/33}]}\n'), 'compose', ['subnet-invalid']), []);
  });
});

describe('subnets: overlaps', () => {
  it('reports both subnets of an overlap in one address space, with related information', () => {
    const [a, b] = checkFindings(nets('  n1:\n    ipam: {config: [{subnet: ⟦10.30.0.0/16⟧}]}\n  n2:\n    ipam:\n      config:\n        - subnet: ⟦10.30.1.0/24⟧\n  n3:\n    ipam: {config: [{subnet: 10.31.0.0/16}]}\n'), ['subnet-overlap'], {
      messages: [
        `Subnet 10.30.0.0/16 of network 'n1' overlaps subnet 10.30.1.0/24 (line 10) of network 'n2'; Docker refuses to create the second one ("Pool overlaps").`,
        `Subnet 10.30.1.0/24 of network 'n2' overlaps subnet 10.30.0.0/16 (line 6) of network 'n1'; Docker refuses to create the second one ("Pool overlaps").`,
      ],
    });
    assert.equal(a!.related?.[0]?.message, "Overlapping subnet 10.30.1.0/24 of network 'n2'");
    assert.equal(b!.related?.length, 1);
  });

  it('look-alikes: adjacent /16s and IPv4 vs IPv6 ULA do not overlap', () => {
    assert.deepEqual(findingsOf(nets('  a:\n    ipam: {config: [{subnet: 172.30.0.0/16}]}\n  b:\n    ipam: {config: [{subnet: 172.31.0.0/16}]}\n  c:\n    enable_ipv6: true\n    ipam: {config: [{subnet: "fd00::/8"}, {subnet: 10.0.0.0/8}]}\n'), 'compose', ['subnet-overlap', 'subnet-overlap-cross-scope']), []);
  });

  it('finds IPv6 overlaps and overlapping entries of one network; IPv4 and IPv6 never overlap', () => {
    checkFindings(nets('  n:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: ⟦"fd00:1::/48"⟧\n        - subnet: ⟦"fd00:1:0:5::/64"⟧\n        - subnet: 10.0.0.0/8\n        - subnet: ⟦"::/0"⟧\n'), ['subnet-overlap']);
  });

  it('shared anchors overlap with themselves: reported where written, with the use site', () => {
    const findings = checkFindings('x-ipam: &ipam\n  config:\n    - subnet: ⟦⟦10.40.0.0/24⟧⟧\nservices:\n  a:\n    image: x\nnetworks:\n  n1:\n    ipam: *ipam\n  n2:\n    ipam: *ipam\n', ['subnet-overlap']);
    assert.deepEqual(findings.map((f) => f.related?.map((r) => r.message)), [["Overlapping subnet 10.40.0.0/24 of network 'n2'", 'Used here'], ["Overlapping subnet 10.40.0.0/24 of network 'n1'", 'Used here']]);
  });

  it('cross-scope overlap (local vs overlay) is a warning; external and plugin-IPAM networks are skipped', () => {
    checkFindings('services:\n  a:\n    image: x\nnetworks:\n  o:\n    ipam: {config: [{subnet: ⟦10.10.0.0/16⟧}]}\n  b:\n    driver: bridge\n    ipam: {config: [{subnet: ⟦10.10.1.0/24⟧}]}\n  e:\n    external: true\n  p:\n    ipam: {driver: infoblox, config: [{subnet: 10.10.2.0/24}]}\n', ['subnet-overlap-cross-scope', 'subnet-overlap'], {
      mode: 'stack',
      messages: [
        "Subnet 10.10.0.0/16 of swarm-scope network 'o' overlaps subnet 10.10.1.0/24 (line 9) of local-scope network 'b': nodes get two routes for the same addresses.",
        "Subnet 10.10.1.0/24 of local-scope network 'b' overlaps subnet 10.10.0.0/16 (line 6) of swarm-scope network 'o': nodes get two routes for the same addresses.",
      ],
    });
  });

  it('stays fast and short with thousands of identical subnets', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `  n${i}:\n    ipam: {config: [{subnet: 10.50.0.0/24}]}\n`).join('');
    const all = findingsOf(nets(body), 'compose');
    // Every network overlaps: more findings than the cap shows, the rest counted in one finding.
    assert.equal(all.length, MAX_FINDINGS + 1);
    assert.match(all.at(-1)!.message, /more findings from here on are not shown/);
    const findings = all.filter((f) => f.code === 'subnet-overlap');
    assert.ok(findings.length > 0 && findings.every((f) => (f.related?.length ?? 0) <= 3));
  });
});

describe('subnets: Docker default pools', () => {
  it('subnet-overlaps-default-bridge (warning) and -default-pool (information) in compose files', () => {
    checkFindings(nets('  a:\n    ipam: {config: [{subnet: ⟦172.17.0.0/24⟧}]}\n  b:\n    ipam: {config: [{subnet: ⟦172.31.5.0/24⟧}]}\n  c:\n    ipam: {config: [{subnet: 172.16.0.0/16}]}\n  d:\n    ipam: {config: [{subnet: 192.168.50.0/24}]}\n'), ['subnet-overlaps-default-bridge', 'subnet-overlaps-default-pool'], {
      messages: [
        `Subnet 172.17.0.0/24 overlaps 172.17.0.0/16, the subnet of Docker's default bridge (docker0); creating the network fails with "Pool overlaps" unless the daemon is configured otherwise ('bip' in daemon.json).`,
        `Subnet 172.31.5.0/24 lies in 172.31.0.0/16, one of the blocks Docker's default pools (172.17–172.31.0.0/16) give networks created without a subnet; if one holds it already, creation fails with "Pool overlaps".`,
      ],
    });
  });

  it('names the exact pool chunk, and the pool when the subnet covers it', () => {
    const messages = findingsOf(nets('  a:\n    ipam: {config: [{subnet: 172.24.0.0/13}]}\n'), 'compose', ['subnet-overlaps-default-pool']).map((f) => f.message);
    assert.match(messages[0]!, /^Subnet 172\.24\.0\.0\/13 overlaps 172\.24\.0\.0\/14,/);
  });

  it('stack files: swarm pool, ingress, docker_gwbridge and overlay size', () => {
    checkFindings(
      'services:\n  a:\n    image: x\nnetworks:\n  o1:\n    ipam: {config: [{subnet: ⟦⟦10.0.0.0/16⟧⟧}]}\n  o2:\n    ipam: {config: [{subnet: ⟦172.18.0.0/24⟧}]}\n  o3:\n    ipam: {config: [{subnet: 10.20.0.0/24}]}\n  b:\n    driver: bridge\n    ipam: {config: [{subnet: ⟦10.30.5.0/24⟧}]}\n',
      ['subnet-overlaps-ingress', 'subnet-overlaps-gwbridge', 'subnet-overlaps-swarm-pool', 'overlay-subnet-too-large'],
      {
        mode: 'stack',
        messages: [
          "Subnet 10.0.0.0/16 of overlay network 'o1' is larger than /24; Docker recommends overlays of /24 or smaller (256 addresses) and several networks, or endpoint_mode: dnsrr, beyond that.",
          "Subnet 10.0.0.0/16 overlaps 10.0.0.0/24, the subnet of the swarm's ingress network on a default cluster (it can be recreated with another subnet).",
          'Subnet 172.18.0.0/24 overlaps 172.18.0.0/16, where swarm nodes usually create docker_gwbridge; traffic to these addresses may be routed to the wrong network unless the daemon is configured otherwise.',
          "Subnet 10.30.5.0/24 of local network 'b' overlaps 10.30.5.0/24 of the swarm address pool 10.0.0.0/8, from which overlay networks get their subnets: routes would clash on the node unless the daemon is configured otherwise ('docker swarm init --default-addr-pool').",
        ],
      },
    );
  });

  it('subnet-not-private for public IPv4 only (IPv6 global prefixes are normal)', () => {
    checkFindings(nets('  a:\n    ipam: {config: [{subnet: ⟦172.99.0.0/16⟧}, {subnet: 172.16.0.0/12}]}\n  b:\n    enable_ipv6: true\n    ipam: {config: [{subnet: "2001:db8::/64"}]}\n'), ['subnet-not-private'], {
      messages: ['Subnet 172.99.0.0/16 is not in a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16): containers cannot reach the real hosts that own these addresses.'],
    });
  });
});

describe('subnets: static addresses', () => {
  const net = '  n:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n          gateway: 172.30.0.254\n          aux_addresses: {router: 172.30.0.10}\n';

  it('ip-outside-subnet, ip-reserved, static-ip-with-replicas, ip-duplicate (both sides)', () => {
    const text = `services:\n  a:\n    image: x\n    networks:\n      n:\n        ipv4_address: ⟦10.0.1.5⟧\n  b:\n    image: x\n    networks: {n: {ipv4_address: ⟦172.30.0.254⟧}}\n  c:\n    image: x\n    scale: 2\n    networks:\n      n:\n        ipv4_address: ⟦⟦172.30.0.20⟧⟧\n  d:\n    image: x\n    networks:\n      n: {ipv4_address: ⟦"172.30.0.20"⟧}\n  e:\n    image: x\n    networks:\n      n: {ipv4_address: ⟦172.30.0.10⟧}\n  f:\n    image: x\n    networks:\n      n: {ipv4_address: ⟦172.30.0.255⟧}\nnetworks:\n${net}`;
    checkFindings(text, ['ip-outside-subnet', 'ip-reserved', 'static-ip-with-replicas', 'ip-duplicate'], {
      messages: [
        "ipv4_address 10.0.1.5 of service 'a' is outside the subnet of network 'n' (172.30.0.0/24).",
        "172.30.0.254 is the gateway of network 'n'; a container cannot use it.",
        `172.30.0.20 on network 'n' is also the static address of service 'd' (line 19); the second container fails with "Address already in use".`,
        "Service 'c' runs 2 replicas but sets ipv4_address 172.30.0.20: every replica asks for the same address, so only one can start.",
        `172.30.0.20 on network 'n' is also the static address of service 'c' (line 15); the second container fails with "Address already in use".`,
        "172.30.0.10 is auxiliary address 'router' of network 'n'; a container cannot use it.",
        '172.30.0.255 is the broadcast address of subnet 172.30.0.0/24; a container cannot use it.',
      ],
    });
  });

  it('the bridge default gateway is the first address unless a gateway is set', () => {
    checkFindings('services:\n  a:\n    image: x\n    networks: {n: {ipv4_address: ⟦10.9.0.1⟧}, m: {ipv4_address: 10.8.0.1}}\nnetworks:\n  n:\n    ipam: {config: [{subnet: 10.9.0.0/24}]}\n  m:\n    ipam: {config: [{subnet: 10.8.0.0/24, gateway: 10.8.0.254}]}\n', ['ip-reserved'], {
      messages: ["10.9.0.1 is the default gateway of network 'n' (the bridge takes the first free address); a container cannot use it."],
    });
  });

  // https://docs.docker.com/engine/network/#subnet-allocation: Engine 29.0+ reads 0.0.0.0/N as "a /N from the pools".
  it('subnet-size-request instead of subnet-not-private or overlaps for 0.0.0.0/N and ::/N', () => {
    checkFindings(nets('  a:\n    ipam: {config: [{subnet: ⟦0.0.0.0/24⟧}]}\n  b:\n    ipam: {config: [{subnet: ⟦0.0.0.0/24⟧}]}\n  c:\n    enable_ipv6: true\n    ipam: {config: [{subnet: ⟦"::/64"⟧}]}\n  d:\n    ipam: {config: [{subnet: 10.9.0.0/24}]}\n'), ['subnet-size-request', 'subnet-not-private', 'subnet-overlap']);
  });

  // Without enable_ipv6 the network has no IPv6 IPAM (moby daemon/network.go), so the endpoint fails.
  it('ipv6-address-without-enable-ipv6, also on the implicit default network; enabled networks pass', () => {
    checkFindings('services:\n  a:\n    image: x\n    networks:\n      n:\n        ipv6_address: ⟦"fd00::6"⟧\n      m:\n        ipv6_address: "fd00:1::6"\n      default:\n        ipv6_address: ⟦"fd00:2::6"⟧\nnetworks:\n  n:\n    ipam: {config: [{subnet: "fd00::/64"}]}\n  m:\n    enable_ipv6: true\n    ipam: {config: [{subnet: "fd00:1::/64"}]}\n', ['ipv6-address-without-enable-ipv6'], {
      messages: [
        "ipv6_address fd00::6 of service 'a' needs 'enable_ipv6: true' on network 'n': without it the network has no IPv6 addresses and the container fails to start.",
        "ipv6_address fd00:2::6 of service 'a' needs 'enable_ipv6: true' on network 'default': without it the network has no IPv6 addresses and the container fails to start.",
      ],
    });
  });

  it('static-ip-without-subnet (per family), ip-family-mismatch, ip-invalid', () => {
    const text = 'services:\n  a:\n    image: x\n    networks:\n      n:\n        ipv4_address: ⟦172.30.0.5⟧\n      m:\n        ipv4_address: ⟦"fd00::5"⟧\n        ipv6_address: "fd00::6"\n      k:\n        ipv4_address: ⟦172.30.0⟧\n        ipv6_address: ⟦"fd00:9::6"⟧\nnetworks:\n  n: {}\n  m:\n    ipam: {config: [{subnet: 10.1.0.0/24}, {subnet: "fd00::/64"}]}\n  k:\n    enable_ipv6: true\n    ipam: {config: [{subnet: 10.2.0.0/24}]}\n';
    checkFindings(text, ['static-ip-without-subnet', 'ip-family-mismatch', 'ip-invalid'], {
      messages: [
        // A warning since Engine 29.0.4 (moby 84a251d039, 6280a80f32): refused before, a gamble after.
        "Network 'n' has no IPv4 subnet in ipam.config for 172.30.0.5: engines before 29.0.4 refuse a static address then, and later ones accept it only if the subnet Docker picks happens to contain it. Declare a subnet.",
        'ipv4_address fd00::5 is an IPv6 address; write it as ipv6_address.',
        "ipv4_address '172.30.0' is not an IPv4 address.",
        "Network 'k' has no IPv6 subnet in ipam.config for fd00:9::6: engines before 29.0.4 refuse a static address then, and later ones accept it only if the subnet Docker picks happens to contain it. Declare a subnet.",
      ],
    });
  });

  it('look-alikes: inside the subnet, outside ip_range (where aux addresses are not reserved); interpolated; external and undeclared networks; stack files', () => {
    const text = 'services:\n  a:\n    image: x\n    networks:\n      n:\n        ipv4_address: 192.168.178.5\n      x:\n        ipv4_address: 10.0.0.5\n      u:\n        ipv4_address: 10.0.0.6\n      v:\n        ipv4_address: ${IP}\n      w:\n        ipv4_address: "::ffff:10.3.0.7"\nnetworks:\n  n:\n    ipam: {config: [{subnet: 192.168.178.0/24, ip_range: 192.168.178.208/28, gateway: 192.168.178.1, aux_addresses: {nas: 192.168.178.5}}]}\n  x:\n    external: true\n  v:\n    ipam: {config: [{subnet: 10.3.0.0/24}]}\n  w:\n    ipam: {config: [{subnet: 10.3.0.0/24}]}\n';
    assert.deepEqual(findingsOf(text).filter((f) => f.code.startsWith('ip') || f.code.startsWith('static')), []);
    assert.deepEqual(findingsOf(text.replace('192.168.178.5', '10.0.0.1'), 'stack').filter((f) => f.code.startsWith('ip')), []);
  });
});

describe('subnets: quick fixes', () => {
  it('masks a subnet with host bits, keeping quotes', () => {
    checkFix(nets('  n:\n    ipam: {config: [{subnet: "172.28.<|>5.0/16"}]}\n'), 'subnet-host-bits', nets('  n:\n    ipam: {config: [{subnet: "172.28.0.0/16"}]}\n'), { title: 'Change to 172.28.0.0/16' });
  });

  it('moves an overlapping subnet and every address in it to the next free subnet', () => {
    const before = 'services:\n  a:\n    image: x\n    networks:\n      n2: {ipv4_address: 172.16.0.9}\nnetworks:\n  n1:\n    ipam: {config: [{subnet: 172.16.0.0/16}]}\n  n2:\n    ipam:\n      config:\n        - subnet: <|>172.16.0.0/24\n          gateway: 172.16.0.1\n          ip_range: 172.16.0.128/25\n          aux_addresses: {r: 172.16.0.2}\n  n3:\n    ipam: {config: [{subnet: 10.0.0.0/24}]}\n';
    const after = before.replace('<|>', '').replace('ipv4_address: 172.16.0.9', 'ipv4_address: 10.0.1.9').replace('subnet: 172.16.0.0/24', 'subnet: 10.0.1.0/24').replace('gateway: 172.16.0.1', 'gateway: 10.0.1.1').replace('ip_range: 172.16.0.128/25', 'ip_range: 10.0.1.128/25').replace('r: 172.16.0.2', 'r: 10.0.1.2');
    checkFix(before, 'subnet-overlap', after, { title: 'Change subnet to 10.0.1.0/24 and move its addresses' });
  });

  it('moves a subnet off the default bridge (avoiding the default pools), and in stack files off the swarm pool', () => {
    checkFix(nets('  n:\n    ipam: {config: [{subnet: 172.17.<|>0.0/16}]}\n'), 'subnet-overlaps-default-bridge', nets('  n:\n    ipam: {config: [{subnet: 172.16.0.0/16}]}\n'));
    checkFix(nets('  n:\n    ipam: {config: [{subnet: <|>10.0.0.0/24}]}\n  m:\n    ipam: {config: [{subnet: 172.16.0.0/24}]}\n'), 'subnet-overlaps-ingress', nets('  n:\n    ipam: {config: [{subnet: 172.16.1.0/24}]}\n  m:\n    ipam: {config: [{subnet: 172.16.0.0/24}]}\n'), { mode: 'stack' });
  });

  it('moves a static address into the subnet, skipping reserved and used addresses', () => {
    const before = 'services:\n  a:\n    image: x\n    networks: {n: {ipv4_address: 10.<|>1.0.5}}\n  b:\n    image: x\n    networks: {n: {ipv4_address: 10.9.0.2}}\nnetworks:\n  n:\n    ipam: {config: [{subnet: 10.9.0.0/24}]}\n';
    checkFix(before, 'ip-outside-subnet', before.replace('<|>', '').replace('10.1.0.5', '10.9.0.3'), { title: 'Change to 10.9.0.3 (in 10.9.0.0/24)' });
  });

  it('offers no edit inside an interpolated value', () => {
    checkNoFix(nets('  n:\n    ipam: {config: [{subnet: "${S:-172.28.<|>5.0/16}"}]}\n'), 'subnet-host-bits');
  });
});

describe('nextFreeSubnet', () => {
  const free = (body: string, prefix: number, family: 4 | 6, mode: 'compose' | 'stack' = 'compose') => {
    const found = nextFreeSubnet(parseCompose(nets(body), mode), prefix, family);
    return found && formatCidr(found);
  };
  it('skips declared subnets and the default pools', () => {
    assert.equal(free('', 16, 4), '172.16.0.0/16');
    assert.equal(free('  n:\n    ipam: {config: [{subnet: 172.16.0.0/12}]}\n', 16, 4), '10.0.0.0/16');
    assert.equal(free('', 24, 4, 'stack'), '172.16.0.0/24');
    assert.equal(free('', 12, 4, 'stack'), undefined);
    assert.equal(free('  n:\n    enable_ipv6: true\n    ipam: {config: [{subnet: "fd00::/64"}]}\n', 64, 6), 'fd00:0:0:1::/64');
  });
});
