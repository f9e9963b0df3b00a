/**
 * The corrections of the teaching review (../shared/review-teaching/REVIEW.md section 1, E1–E17 without
 * E5 and E12): each case hovers or completes where the old text was wrong, requires the corrected
 * statement and refuses the old one, so putting the old text back fails the case.
 */
import * as assert from 'node:assert/strict';
import type { ComposeMode } from '../../server/src/service/index';
import { checkCompletion, checkHover } from '../support/service';

const WEB = 'services:\n  web:\n    image: nginx\n';

interface HoverCase {
  readonly name: string;
  readonly marked: string;
  readonly says: readonly string[];
  /** Old, wrong text that must be gone. */
  readonly never: readonly string[];
  readonly mode?: ComposeMode;
}

const hovers: readonly HoverCase[] = [
  // E1: moby drivers/bridge/labels.go has host_binding_ipv4 only.
  { name: 'E1 host_binding_ipv4 has no invented synonym', marked: 'networks:\n  a:\n    driver_opts:\n      com.docker.network.bridge.host_binding_i<|>pv4: 127.0.0.1\n', says: ['Only the gateway network'], never: ['host_binding_ip`', 'same as `host_binding_ipv4`'] },
  // E2: published ports bypass ufw; loopback isolation from Engine 28; the gateway network's binding address and routed mode.
  { name: 'E2 every-address port and the firewall', marked: WEB + '    ports:\n      - "8080:8<|>0"\n', says: ['Host firewalls such as ufw do not filter it', 'bind to `127.0.0.1`'], never: ['unless a firewall blocks it'] },
  { name: 'E2 loopback port and Engine 28', marked: WEB + '    ports:\n      - "127.0.0.1:8888:8<|>0"\n', says: ['Docker Engine 28.0 and later', 'same LAN segment'], never: ['Reachable only from this machine.'] },
  {
    name: 'E2 the gateway network sets the default binding address',
    marked: 'services:\n  proxy:\n    image: nginx\n    ports: ["80:8<|>0"]\n    networks:\n      front: {gw_priority: 10}\n      back: {}\nnetworks:\n  front:\n    driver_opts:\n      com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"\n  back:\n    internal: true\n',
    says: ['Host 127.0.0.1:80 → container 80/tcp.', 'Bound on 127.0.0.1 (the default host address of network `front`)'],
    never: ['every host address'],
  },
  {
    name: 'E2 a higher gw_priority elsewhere wins over the binding address',
    marked: 'services:\n  proxy:\n    image: nginx\n    ports: ["80:8<|>0"]\n    networks:\n      front: {}\n      wan: {gw_priority: 5}\nnetworks:\n  front:\n    driver_opts:\n      com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"\n  wan: {}\n',
    says: ['every host address'],
    never: ['Host 127.0.0.1', 'default host address of network'],
  },
  {
    name: 'E2 routed gateway mode uses no host port',
    marked: 'services:\n  api:\n    image: x\n    ports: ["8080:8<|>0"]\nnetworks:\n  default:\n    driver_opts:\n      com.docker.network.bridge.gateway_mode_ipv4: routed\n',
    says: ['`routed` gateway mode: no host port is used'],
    never: ['every host address'],
  },
  // E3: strings next to numbers are real forms.
  { name: 'E3 mem_limit takes a string', marked: WEB + '    mem_li<|>mit: 512m\n', says: ['Type: number or string'], never: ['Type: number ·', 'Type: number\n'] },
  { name: 'E3 environment values', marked: WEB + '    environment:\n      DB_H<|>OST: db\n', says: ['Type: string or number or boolean'], never: ['Type: number or boolean'] },
  { name: 'E3 published port ranges are strings', marked: WEB + '    ports:\n      - target: 80\n        publ<|>ished: "8000-8010"\n', says: ['string'], never: ['Type: integer\n', 'Type: integer ·'] },
  { name: 'E3 numeric keys keep their number type', marked: WEB + '    deploy:\n      repli<|>cas: 2\n', says: ['Default: 1'], never: ['string'] },
  { name: 'E3 stack cpus has the stack schema type', marked: WEB + '    deploy:\n      resources:\n        limits:\n          cp<|>us: "0.5"\n', says: ['Type: string'], never: ['Type: number'], mode: 'stack' },
  // E4: Compose sends an absent condition as "no restart".
  { name: 'E4 restart_policy.condition default per tool', marked: WEB + '    deploy:\n      restart_policy:\n        cond<|>ition: on-failure\n', says: ['no restart under docker compose', '`any` under Swarm'], never: ['Default: any'] },
  { name: 'E4 max_attempts only with on-failure', marked: WEB + '    deploy:\n      restart_policy:\n        max_att<|>empts: 3\n', says: ['only with `condition: on-failure`'], never: [] },
  // E6: external networks are not created by Compose.
  { name: 'E6 external network', marked: WEB + '    networks: [co<|>rp]\nnetworks:\n  corp:\n    external: true\n    name: corp_shared\n', says: ['Created outside this file as `corp_shared`'], never: ['Driver: `bridge` (default)', 'picked by Docker'] },
  { name: 'E6 legacy external name', marked: 'networks:\n  def<|>ault:\n    external:\n      name: ext_nat_net1\n', says: ['Created outside this file as `ext_nat_net1`'], never: ['Driver:'] },
  { name: 'E6 the host network in a stack', marked: WEB + '    networks: [host<|>net]\nnetworks:\n  hostnet:\n    external: true\n    name: host\n', says: ['the engine\'s own `host` network', 'no NAT'], never: ['overlay', 'Subnet'], mode: 'stack' },
  { name: 'E6 ingress', marked: WEB + '    networks: [ingr<|>ess]\nnetworks:\n  ingress:\n    external: true\n', says: ['Service cannot be explicitly attached to the ingress network'], never: ['overlay` (default)'], mode: 'stack' },
  // E7: containers on one bridge reach every port.
  { name: 'E7 bridge reach', marked: 'networks:\n  a:\n    driver: bri<|>dge\n', says: ['from outside the host they are reached only through published ports', 'reach every port directly'], never: ['and are reached only through published ports'] },
  // E8: Docker Desktop 4.34+ supports host networking.
  { name: 'E8 host networking on Docker Desktop', marked: WEB + '    network_mode: ho<|>st\n', says: ['Docker Desktop 4.34+'], never: ['Linux only'] },
  // E9: Engine 27 allocates IPv6 from a ULA pool; Engine 26 reverted the IPv6 auto-enable.
  { name: 'E9 enable_ipv6', marked: 'networks:\n  a:\n    enable_ip<|>v6: true\n', says: ['since Engine 27, a ULA', 'An IPv6 subnet without this key is ignored'], never: ['unless the daemon has IPv6 pools'] },
  // E10: `none` is no driver; `null` is the none network's driver.
  { name: 'E10 driver none', marked: 'networks:\n  a:\n    driver: no<|>ne\n', says: ['There is no `none` driver'], never: ['**Network driver** `none`\n\nNo networking'] },
  // E11: macvlan ignores mtu and container_iface_prefix.
  { name: 'E11 mtu on macvlan', marked: 'networks:\n  lan:\n    driver: macvlan\n    driver_opts:\n      com.docker.network.driver.m<|>tu: 1400\n', says: ['Drivers: `bridge`, `overlay`', 'The `macvlan` driver of this network does not use it.'], never: ['`macvlan`, `ipvlan`'] },
  // E13: Engine 29.0.4+ accepts a static address without a configured subnet.
  { name: 'E13 static IP without subnet', marked: WEB + '    networks:\n      back:\n        ipv4_address: 10.6.0.<|>7\nnetworks:\n  back: {}\n', says: ['engines before 29.0.4 refuse'], never: ['so Docker cannot assign a fixed address'] },
  { name: 'E13 ipv4_address key', marked: WEB + '    networks:\n      back:\n        ipv4_add<|>ress: 10.6.0.7\nnetworks:\n  back: {}\n', says: ['engines before 29.0.4 refuse it otherwise'], never: ['The network needs an `ipam.config` subnet containing it'] },
  // E14: 0444 for secrets too; Compose ignores mode for file secrets.
  { name: 'E14 secret mode', marked: WEB + '    secrets:\n      - source: token\n        mo<|>de: 0400\nsecrets:\n  token:\n    file: ./t\n', says: ['0444 (world-readable) for secrets and configs alike', 'Compose ignores `mode`'], never: ['0400 for secrets'] },
  // E15: priority does not pick the gateway.
  { name: 'E15 priority', marked: WEB + '    networks:\n      back:\n        prio<|>rity: 10\nnetworks:\n  back: {}\n', says: ['does not choose the default gateway (use `gw_priority`)', '`interface_name`'], never: [] },
  // E16: the full list of options refused with a shared namespace.
  { name: 'E16 container network mode', marked: WEB + '    network_mode: "container:va<|>ult"\n', says: ['`expose`', '`links`', '`dns_search`, `dns_opt` and `mac_address` have no effect'], never: ['this service cannot set `ports`, `hostname`, `dns` or `extra_hosts`.'] },
  // E17: smaller items.
  { name: 'E17 container-only port range', marked: WEB + '    ports:\n      - "3001-300<|>5"\n', says: ['each container port gets its own free port'], never: ['a free port Docker picks'] },
  { name: 'E17 stack port without a host port', marked: WEB + '    ports:\n      - "80<|>80"\n', says: ['30000–32767', 'every node'], never: ['a free port Docker picks at start-up'], mode: 'stack' },
  { name: 'E17 ip_range addresses', marked: 'networks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n          ip_range: 172.28.<|>5.0/24\n', says: ['**ip_range**', '256 addresses handed to containers'], never: ['254 usable for hosts'] },
  { name: 'E17 size-request subnet', marked: 'networks:\n  a:\n    ipam:\n      config:\n        - subnet: 0.0.<|>0.0/24\n', says: ['any free /24'], never: ['cannot reach the real hosts'] },
  { name: 'E17 stack ports key', marked: WEB + '    po<|>rts:\n      - "8080:80"\n', says: ['routing mesh', 'Stack ports take no host IP'], never: ['0.0.0.0 and ::'], mode: 'stack' },
  { name: 'E17 pull_policy values', marked: WEB + '    pull_pol<|>icy: missing\n', says: ['`if_not_present`', '`every_12h`'], never: [] },
];

describe('errata of the teaching review', () => {
  for (const { name, marked, says, never, mode } of hovers) {
    it(`${name}${mode === 'stack' ? ' (stack)' : ''}`, () => {
      const contents = checkHover(marked, says, mode ? { mode } : {})!;
      for (const old of never) assert.ok(!contents.includes(old), `hover still says ${JSON.stringify(old)}:\n${contents}`);
    });
  }

  it('E1 completion offers no host_binding_ip', () => {
    checkCompletion('networks:\n  a:\n    driver: bridge\n    driver_opts:\n      <|>\n', { includes: ['com.docker.network.bridge.host_binding_ipv4', 'com.docker.network.driver.mtu'], excludes: ['com.docker.network.bridge.host_binding_ip'] });
  });

  it('E11 macvlan and ipvlan are offered neither mtu nor container_iface_prefix', () => {
    for (const driver of ['macvlan', 'ipvlan']) {
      checkCompletion(`networks:\n  lan:\n    driver: ${driver}\n    driver_opts:\n      <|>\n`, { includes: ['parent', 'com.docker.network.enable_ipv4'], excludes: ['com.docker.network.driver.mtu', 'com.docker.network.container_iface_prefix'] });
    }
  });

  it('E4 the deploy snippet writes only on-failure with max_attempts in Compose files', () => {
    const snippet = (mode: ComposeMode): string => checkCompletion(WEB + '    <|>\n', {}, { mode }).find((item) => item.label === 'deploy (restart + rolling update)')!.insertText;
    assert.match(snippet('compose'), /condition: \$\{2:on-failure\}/);
    assert.doesNotMatch(snippet('compose'), /any|none/);
    assert.match(snippet('stack'), /condition: \$\{2\|on-failure,any,none\|\}/);
  });

  it('4.7 the Compose long-syntax port snippet has no mode line (Compose ignores it)', () => {
    const insert = (mode: ComposeMode): string => checkCompletion(WEB + '    ports:\n      - <|>\n', {}, { mode }).find((item) => item.label === 'target/published (long syntax)')!.insertText;
    assert.doesNotMatch(insert('compose'), /mode:/);
    assert.match(insert('stack'), /mode: \$\{4\|ingress,host\|\}/);
  });

  it('2a gateway mode values explain themselves, with their Engine version', () => {
    const items = checkCompletion('networks:\n  a:\n    driver_opts:\n      com.docker.network.bridge.gateway_mode_ipv4: <|>\n', { includes: ['nat', 'routed', 'isolated', 'nat-unprotected'] });
    assert.match(items.find((item) => item.label === 'routed')!.detail ?? '', /Engine 27\.0/);
    checkHover('networks:\n  a:\n    driver_opts:\n      com.docker.network.bridge.gateway_mode_ipv4: rou<|>ted\n', ['`routed`: No NAT', 'Engine 27.0+']);
  });

  it('3 key completion puts image, ports and networks before annotations; stacks sink and mark keys they ignore', () => {
    const rank = (mode: ComposeMode): string[] => [...checkCompletion(WEB.replace('    image: nginx\n', '    <|>\n'), {}, { mode })].filter((item) => item.kind === 'property').sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
    const compose = rank('compose');
    assert.ok(compose.indexOf('image') < compose.indexOf('annotations') && compose.indexOf('ports') < compose.indexOf('develop') && compose.indexOf('networks') < compose.indexOf('annotations'), compose.join(' '));
    const stackKeys = checkCompletion('services:\n  web:\n    <|>\n', {}, { mode: 'stack' });
    const build = stackKeys.find((item) => item.label === 'build')!;
    assert.equal(build.detail, 'ignored by docker stack deploy');
    const order = rank('stack');
    assert.ok(order.indexOf('build') > order.indexOf('user'), order.join(' '));
  });

  it('3 stack driver completion offers overlay first and marks local drivers', () => {
    const items = checkCompletion('networks:\n  a:\n    driver: <|>\n', { includes: ['overlay', 'bridge'] }, { mode: 'stack' });
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(sorted[0]!.label, 'overlay');
    assert.match(items.find((item) => item.label === 'macvlan')!.detail ?? '', /swarm services cannot use it/);
  });
});
