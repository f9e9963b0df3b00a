import * as assert from 'node:assert/strict';
import { createSchemaKeys } from '../../server/src/service/facts/schemaKeys';
import { hover } from '../../server/src/service/features/hover';
import type { ComposeMode, Finding } from '../../server/src/service/index';
import { parseMarkers } from '../support/markers';
import { checkHover, schema, service } from '../support/service';

type Case = readonly [name: string, marked: string, expected: string | readonly string[] | null, mode?: ComposeMode];

const WEB = 'services:\n  web:\n    image: nginx\n';

const cases: readonly Case[] = [
  // Keys: schema-derived, curated, deploy badges per mode.
  ['schema key', 'services:\n  web:\n    ima<|>ge: nginx\n', ['**image**', 'Specify the image', 'Type: string', 'https://docs.docker.com/reference/compose-file/services/#image']],
  ['curated network key', 'networks:\n  back:\n    attach<|>able: true\n', ['**attachable**', 'standalone containers', 'Type: boolean', 'Default: false', 'networks/#attachable']],
  ['key with schema enum', WEB + '    cgr<|>oup: host\n', ['Values: `host`, `private`']],
  ['top-level key', 'na<|>me: shop\n', ['Project name', 'version-and-name/']],
  ['deploy key ignored by compose', WEB + '    deploy:\n      update_config:\n        or<|>der: start-first\n', ['**deploy.update_config.order**', '⚠️ `docker compose up` ignores this key', 'Values: `stop-first`, `start-first`', 'Default: stop-first', 'deploy/#update_config']],
  ['deploy key in a stack file', WEB + '    deploy:\n      update_config:\n        or<|>der: start-first\n', '✅ `docker stack deploy` uses this key', 'stack'],
  ['deploy key honoured by compose', WEB + '    deploy:\n      repl<|>icas: 2\n', ['✅ `docker compose up` uses this key', 'Default: 1']],
  ['deploy key rejected by stacks', WEB + '    deploy:\n      resources:\n        reservations:\n          dev<|>ices: []\n', '⛔ `docker stack deploy` rejects this key', 'stack'],
  ['deploy itself', WEB + '    dep<|>loy:\n      mode: global\n', ['`docker compose up` reads only replicas', 'deploy/']],
  ['key a stack ignores', WEB + '    bui<|>ld: .\n', ['**build**', '⚠️ `docker stack deploy` ignores this key: stacks never build'], 'stack'],
  ['key a stack refuses', WEB + '    mem_li<|>mit: 1g\n', '⛔ `docker stack deploy` refuses this key: set deploy.resources.limits.memory instead.', 'stack'],
  ['max_replicas_per_node', WEB + '    deploy:\n      placement:\n        max_replicas_<|>per_node: 1\n', ['extra tasks stay pending', 'Default: 0 (unlimited)', '⚠️ `docker compose up` ignores this key']],
  // Network drivers and network_mode.
  ['bridge', 'networks:\n  a:\n    driver: br<|>idge\n', ['**Network driver** `bridge`', 'DNS', 'drivers/bridge/']],
  ['host', 'networks:\n  a:\n    driver: h<|>ost\n', ['No network isolation', 'discarded', 'drivers/host/']],
  ['overlay', 'networks:\n  a:\n    driver: over<|>lay\n', ['Multi-host', 'swarm', '`attachable: true`', '4789', 'drivers/overlay/']],
  ['macvlan', 'networks:\n  a:\n    driver: mac<|>vlan\n', ['MAC address', 'parent', 'subnet', 'promiscuous', 'drivers/macvlan/']],
  ['ipvlan', 'networks:\n  a:\n    driver: ip<|>vlan\n', ['ipvlan_mode', 'l3', 'drivers/ipvlan/']],
  ['null', 'networks:\n  a:\n    driver: "nu<|>ll"\n', ['loopback', '`null` driver', 'drivers/none/']],
  ['network_mode host', WEB + '    network_mode: ho<|>st\n', ['**network_mode** `host`', 'host\'s network stack']],
  ['network_mode none', WEB + '    network_mode: no<|>ne\n', 'loopback'],
  ['network_mode bridge', WEB + '    network_mode: bri<|>dge\n', ['`docker0`', 'No DNS by service name']],
  ['network_mode service', WEB + '    network_mode: "service:d<|>b"\n  db:\n    image: postgres:16\n', ['same IP', 'refuses `ports`, `expose`', '**Service** `db`', 'Image: `postgres:16`']],
  ['network_mode container', WEB + '    network_mode: "container:va<|>ult"\n', ['existing container', 'must already run']],
  ['driver option', 'networks:\n  lan:\n    driver: macvlan\n    driver_opts:\n      par<|>ent: eth0.50\n', ['**driver_opts.parent**', '802.1Q', 'Drivers: `macvlan`, `ipvlan`']],
  ['driver option value', 'networks:\n  lan:\n    driver: ipvlan\n    driver_opts:\n      ipvlan_mode: l<|>3\n', 'Values: `l2`, `l3`, `l3s`'],
  ['driver option of another driver', 'networks:\n  lan:\n    driver_opts:\n      macvlan_m<|>ode: bridge\n', 'The `bridge` driver of this network does not use it.'],
  // Enum values.
  ['endpoint_mode dnsrr', WEB + '    deploy:\n      endpoint_mode: dns<|>rr\n', ['**endpoint_mode** `dnsrr`', 'round-robin', 'ignores this key', 'deploy/#endpoint_mode']],
  ['restart_policy condition', WEB + '    deploy:\n      restart_policy:\n        condition: on-fail<|>ure\n', 'non-zero exit'],
  ['restart value', WEB + '    restart: unless-st<|>opped\n', 'stopped the container yourself'],
  // Ports.
  ['loopback port', WEB + '    ports:\n      - "127.0.0.1:8888:8<|>0"\n', ['Host 127.0.0.1:8888 → container 80/tcp.', 'Reachable only from this machine (Docker Engine 28.0 and later']],
  ['all addresses', WEB + '    ports:\n      - "8080:8<|>0"\n', ['Host 8080 → container 80/tcp.', 'every host address']],
  ['ranged port', WEB + '    ports:\n      - "9090-9091:8080-8<|>081/udp"\n', 'Host 9090-9091 → container 8080-8081/udp, port by port: 9090→8080, 9091→8081.'],
  ['host port pool', WEB + '    ports:\n      - "8000-9000:8<|>0"\n', 'one free port in 8000-9000 → container 80/tcp'],
  ['ephemeral host port', WEB + '    ports:\n      - 8<|>0\n', 'a free port Docker picks'],
  ['unquoted mapping', WEB + '    ports:\n      - 8080:8<|>0\n', 'Quote it'],
  ['IPv6 host address', WEB + '    ports:\n      - "[::1]:6001:60<|>01"\n', ['Host [::1]:6001 → container 6001/tcp.', 'only from this machine']],
  ['long syntax', WEB + '    ports:\n      - target: 80\n        published: 80<|>80\n        host_ip: 127.0.0.1\n', 'Host 127.0.0.1:8080 → container 80/tcp.'],
  ['long syntax mode in compose', WEB + '    ports:\n      - target: 80\n        published: 8080\n        mode: ho<|>st\n', '`docker compose up` ignores it'],
  ['stack ingress', WEB + '    ports:\n      - "8080:8<|>0"\n', 'Routing mesh', 'stack'],
  ['stack host mode', WEB + '    ports:\n      - target: 80\n        published: 8080\n        mode: ho<|>st\n', 'only on the nodes running a task', 'stack'],
  ['invalid port', WEB + '    ports:\n      - "80:80/ht<|>tp"\n', "⛔ Unknown protocol 'http'"],
  // Addresses.
  ['subnet', 'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 172.28.<|>0.0/16\n', ['172.28.0.0 – 172.28.255.255', '65,536 addresses: 65,534 host addresses, 65,533 for containers']],
  ['subnet overlaps from the subnet analysis', 'networks:\n  a:\n    ipam:\n      config:\n        - subnet: 10.1.<|>0.0/16\n  b:\n    ipam:\n      config:\n        - subnet: 10.1.2.0/24\n', "⚠️ Subnet 10.1.0.0/16 of network 'a' overlaps subnet 10.1.2.0/24"],
  ['subnet overlapping the default bridge', 'networks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.17.<|>5.0/24\n', "Docker's default bridge"],
  ['small subnet', 'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.5.0.<|>0/24\n', ['10.5.0.0 – 10.5.0.255', '256 addresses: 254 host addresses, 253 for containers']],
  ['subnet with host bits', 'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 172.28.5<|>.0/16\n', 'write `172.28.0.0/16`'],
  ['IPv6 subnet', 'networks:\n  back:\n    ipam:\n      config:\n        - subnet: "fd00:1::<|>/64"\n', ['fd00:1:: – fd00:1::ffff:ffff:ffff:ffff', '2^64 addresses']],
  ['ip_range', 'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n          ip_range: 10.5.0.1<|>28/25\n', '10.5.0.128 – 10.5.0.255'],
  ['static IP inside', WEB + '    networks:\n      back:\n        ipv4_address: 10.5.0.<|>7\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n', 'Inside subnet `10.5.0.0/24` of network `back`.'],
  ['static IP outside', WEB + '    networks:\n      back:\n        ipv4_address: 10.6.0.<|>7\nnetworks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.5.0.0/24\n', 'Not inside any subnet of network `back`'],
  ['static IP without subnet', WEB + '    networks:\n      back:\n        ipv4_address: 10.6.0.<|>7\nnetworks:\n  back: {}\n', 'declares no `ipam.config` subnet'],
  // Service references.
  ['depends_on item', 'services:\n  web:\n    depends_on: [d<|>b]\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n    networks: [back]\nnetworks:\n  back: {}\n', ['**Service** `db`', 'Image: `postgres:16`', 'Ports: `"5432:5432"`', 'Networks: `back`']],
  ['depends_on long form key', 'services:\n  web:\n    depends_on:\n      d<|>b:\n        condition: service_healthy\n  db:\n    image: postgres\n', 'Image: `postgres`'],
  ['depends_on undefined', 'services:\n  web:\n    depends_on: [no<|>pe]\n', 'No service named `nope`'],
  ['links with alias', 'services:\n  web:\n    links: ["d<|>b:database"]\n  db:\n    build: .\n', ['**Service** `db`', 'built from `build`']],
  ['extends.service', 'services:\n  web:\n    extends:\n      service: ba<|>se\n  base:\n    image: alpine\n', 'Image: `alpine`'],
  ['network list item', WEB + '    networks: [ba<|>ck]\nnetworks:\n  back:\n    driver: overlay\n    attachable: true\n    ipam:\n      config:\n        - subnet: 10.20.0.0/24\n', ['**Network** `back`', 'Driver: `overlay`', 'Subnets: `10.20.0.0/24`', '`attachable`']],
  ['network map key', WEB + '    networks:\n      ba<|>ck:\n        aliases: [api]\nnetworks:\n  back: {}\n', ['Driver: `bridge` (default)', 'picked by Docker']],
  ['network name key', 'networks:\n  ba<|>ck:\n    internal: true\n', ['**Network** `back`', '`internal`']],
  ['default network', WEB + '    networks: [defa<|>ult]\n', 'implicit network'],
  ['undeclared network', WEB + '    networks: [fr<|>ont]\n', 'No network named `front`'],
  ['named volume', WEB + '    volumes:\n      - "da<|>ta:/var/lib/data:ro"\nvolumes:\n  data: {}\n', ['Named volume `data` → container `/var/lib/data` (read-only).', 'when containers are re-created']],
  ['undeclared volume', WEB + '    volumes:\n      - ca<|>che:/cache\n', 'not declared'],
  ['bind mount', WEB + '    volumes:\n      - ./si<|>te:/usr/share/nginx/html\n', 'Bind mount: host path `./site` → container `/usr/share/nginx/html`.'],
  ['anonymous volume', WEB + '    volumes:\n      - /va<|>r/cache\n', 'Anonymous volume'],
  ['secret', WEB + '    secrets: [to<|>ken]\nsecrets:\n  token:\n    file: ./token.txt\n', ['`/run/secrets/token`', 'file `./token.txt`']],
  ['config long form', WEB + '    configs:\n      - source: ap<|>p\n        target: /etc/app.conf\nconfigs:\n  app:\n    external: true\n', ['`/app`', 'external']],
  ['undeclared secret', WEB + '    secrets: [no<|>pe]\n', 'No secret named `nope`'],
  ['service name key', 'services:\n  w<|>eb:\n    image: nginx\n    network_mode: host\n', ['**Service** `web`', 'network_mode host']],
  // Variables, durations, constraints.
  ['interpolation default', 'services:\n  web:\n    image: ${IMAGE:-ngi<|>nx}\n', ['`IMAGE`', 'default `nginx`']],
  ['required variable', 'services:\n  web:\n    image: ${IMAGE:?set IM<|>AGE}\n', 'required'],
  ['duration', WEB + '    healthcheck:\n      interval: 1m3<|>0s\n', '1 minute 30 seconds (90 seconds)'],
  ['short duration', WEB + '    stop_grace_period: 1<|>0s\n', '10 seconds'],
  ['bad duration', WEB + '    deploy:\n      restart_policy:\n        delay: <|>5\n', 'Not a duration'],
  ['role constraint', WEB + '    deploy:\n      placement:\n        constraints: ["node.role == man<|>ager"]\n', 'Tasks run only on nodes whose `node.role` (manager or worker) is `manager`.'],
  ['label constraint', WEB + '    deploy:\n      placement:\n        constraints:\n          - node.labels.zone != ea<|>st\n', ['`node.labels.zone` (a node label set with `docker node update --label-add`) is not `east`']],
  ['bad constraint', WEB + '    deploy:\n      placement:\n        constraints: ["node.name==<|>a"]\n', 'Unknown attribute `node.name`'],
  // Attribute names are case-insensitive in Swarm, as in the placement check.
  ['constraint attribute in another case', WEB + '    deploy:\n      placement:\n        constraints: ["node.Role == man<|>ager"]\n', 'Tasks run only on nodes whose `node.Role` (manager or worker) is `manager`.'],
  ['constraint Swarm refuses', WEB + '    deploy:\n      placement:\n        constraints: ["node.role = man<|>ager"]\n', "Swarm refuses it: it needs the operator == or !=; write '==' instead of '='."],
  // Value without its own explanation falls back to the key's documentation.
  ['plain value shows its key', 'services:\n  web:\n    image: ngi<|>nx\n', '**image**'],
  // Nothing to say.
  ['blank line', 'services:\n  web:\n    image: nginx\n<|>\n', null],
  ['unknown key', 'services:\n  web:\n    imagee<|>: nginx\n', null],
  ['alias to a service', 'x-base: &base\n  image: nginx\nservices:\n  web: *ba<|>se\n', null],
  ['extension key', 'x-common<|>: &c\n  image: nginx\n', null],
  // Broken documents.
  ['above a syntax error', 'networks:\n  a:\n    driver: over<|>lay\n  b:\n    driver: [bridge\n', 'Multi-host'],
  ['below a syntax error', 'services:\n  web:\n    image: "nginx\nnetworks:\n  a:\n    driver: over<|>lay\n', null],
];

describe('hover', () => {
  for (const [name, marked, expected, mode] of cases) {
    it(`${name}${mode === 'stack' ? ' (stack)' : ''}`, () => {
      checkHover(marked, expected, mode ? { mode } : {});
    });
  }

  it('keeps every hover short and linked: a heading, one to six lines, a Docker docs link', () => {
    for (const [name, marked, expected, mode] of cases) {
      if (expected === null) continue;
      const contents = checkHover(marked, expected, mode ? { mode } : {})!;
      for (const part of contents.split('\n\n---\n\n')) {
        const paragraphs = part.split('\n\n');
        assert.match(paragraphs[0]!, /^\*\*/, `${name}: heading`);
        const body = paragraphs.slice(1, -1);
        assert.ok(body.length >= 1 && body.length <= 6, `${name}: ${body.length} lines`);
        assert.match(paragraphs[paragraphs.length - 1]!, /^\[Docker reference\]\(https:\/\/docs\.docker\.com\/[^)\s]*\)$/, `${name}: link`);
      }
    }
  });

  it('shows the subnet overlaps the analyses found on that value', () => {
    const { text, cursor } = parseMarkers('networks:\n  a:\n    ipam:\n      config:\n        - subnet: 10.1.<|>0.0/16\n  b:\n    ipam:\n      config:\n        - subnet: 10.1.2.0/24\n');
    const doc = service.parse(text, 'compose');
    const start = text.indexOf('10.1.0.0/16');
    const overlap: Finding = { code: 'subnet-overlap', severity: 'error', message: "Subnet 10.1.0.0/16 overlaps network 'b' (10.1.2.0/24).", span: { start, end: start + 11 } };
    const elsewhere: Finding = { ...overlap, message: 'on the other network', span: { start: text.indexOf('10.1.2.0/24'), end: text.indexOf('10.1.2.0/24') + 11 } };
    const result = hover(doc, cursor!, { schemaKeys: createSchemaKeys(schema), findings: () => [overlap, elsewhere] });
    assert.ok(result);
    assert.ok(result.contents.includes("⚠️ Subnet 10.1.0.0/16 overlaps network 'b' (10.1.2.0/24)."), result.contents);
    assert.ok(!result.contents.includes('on the other network'));
    assert.deepEqual(result.span, { start, end: start + 11 });
  });

  it('says what docker stack deploy drops only in stack files', () => {
    assert.ok(!checkHover(WEB + '    bui<|>ld: .\n', '**build**')!.includes('docker stack deploy'));
  });

  it('does not read findings for other hovers', () => {
    const { text, cursor } = parseMarkers('networks:\n  a:\n    driver: over<|>lay\n');
    const findings = (): Finding[] => assert.fail('findings read');
    assert.ok(hover(service.parse(text, 'compose'), cursor!, { schemaKeys: createSchemaKeys(schema), findings }));
  });
});
