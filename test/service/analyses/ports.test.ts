import * as assert from 'node:assert/strict';
import { checkFindings, findingsOf } from '../../support/service';

const CONFLICT = ['port-conflict', 'port-duplicate-in-service', 'port-conflict-profiles'];

describe('ports analysis', () => {
  describe('port syntax', () => {
    it('turns parser problems into errors on the part that is wrong', () => {
      checkFindings('services:\n  a:\n    image: x\n    ports: ["80:80/⟦http⟧", "⟦70000⟧:80", "⟦9000-8000⟧:80", "⟦8000-8002:80-81⟧", "8080:⟦0⟧", "⟦localhost⟧:80:80"]\n', [
        'port-invalid',
        'port-out-of-range',
        'port-range-reversed',
        'port-range-mismatch',
        'port-container-zero',
      ], {
        messages: [
          "Unknown protocol 'http': use tcp, udp or sctp.",
          'Port 70000 is out of range: ports are 1 to 65535.',
          'Port range 9000-8000 ends before it starts: write 8000-9000.',
          'Host range 8000-8002 has 3 ports but container range 80-81 has 2: make them equal, or use one container port.',
          'Container port 0 is not a port a process can listen on.',
          "'localhost' is not an IP address; a host address must be an IPv4 or IPv6 address.",
        ],
      });
      checkFindings('services:\n  a:\n    image: x\n    ports:\n      - target: 80\n        host_ip: ⟦example.com⟧\n        protocol: ⟦http⟧\n', ['port-invalid']);
    });

    it('judges an anchored item once, where it is written', () => {
      checkFindings('x-p: &p "80:⟦abc⟧"\nservices:\n  a: {image: x, ports: [*p]}\n  b: {image: x, ports: [*p]}\n', ['port-invalid']);
    });

    it('warns about base-60 scalars and suggests quoting other unquoted mappings', () => {
      checkFindings('services:\n  a:\n    image: x\n    ports:\n      - ⟦22:22⟧\n      - ⟦1:59⟧\n      - ⟦8080:80⟧\n      - ⟦127.0.0.1:22:22⟧\n      - "21:21"\n      - \'55:30\'\n      - 80\n', ['port-base60', 'port-unquoted'], {
        messages: [
          'YAML 1.1 tools read the unquoted 22:22 as the base-60 number 1342: quote it as "22:22".',
          'YAML 1.1 tools read the unquoted 1:59 as the base-60 number 119: quote it as "1:59".',
          'Quote the port mapping 8080:80: the Compose specification recommends quoting HOST:CONTAINER values.',
          'Quote the port mapping 127.0.0.1:22:22: the Compose specification recommends quoting HOST:CONTAINER values.',
        ],
      });
      assert.deepEqual(findingsOf('services:\n  a: {image: x, ports: [3000:3000, 80:8080]}\n', 'compose', ['port-base60']), []);
    });

    it('suggests brackets around an IPv6 host address', () => {
      checkFindings('services:\n  a:\n    image: x\n    ports: ["⟦::1⟧:6000:6000", "[::1]:6001:6001", "127.0.0.1:80:80"]\n', ['port-ipv6-unbracketed'], {
        messages: ['Write the IPv6 host address ::1 in brackets, [::1], so the host port after it stands out.'],
      });
    });
  });

  describe('host port conflicts', () => {
    it('reports both sides of a clash between services, with the other side as related information', () => {
      const [first, second] = checkFindings('services:\n  web:\n    image: x\n    ports: ["⟦8080⟧:80"]\n  api:\n    image: y\n    ports:\n      - target: 3000\n        published: ⟦8080⟧\n', CONFLICT, {
        messages: ["Host port 8080/tcp on all addresses is also published by service 'api' (line 9).", "Host port 8080/tcp on all addresses is also published by service 'web' (line 4)."],
      });
      assert.equal(first!.severity, 'error');
      assert.equal(first!.docUrl, 'https://docs.docker.com/engine/network/port-publishing/');
      assert.deepEqual(first!.related?.map((r) => r.message), ["Published by service 'api' here"]);
      assert.deepEqual(first!.related?.[0]?.span, second!.span);
    });

    it('finds clashes inside ranges, and reports the overlapping ports', () => {
      checkFindings('services:\n  a: {image: x, ports: ["⟦8000-8005⟧:8000-8005"]}\n  b: {image: x, ports: ["⟦8005⟧:80", "8006:80"]}\n', CONFLICT, {
        messages: ["Host port 8005/tcp on all addresses is also published by service 'b' (line 3).", "Host port 8005/tcp on all addresses is also published by service 'a' (line 2)."],
      });
    });

    it('compares host addresses the way the engine books them', () => {
      const clash = (a: string, b: string) => findingsOf(`services:\n  a: {image: x, ports: ["${a}"]}\n  b: {image: x, ports: ["${b}"]}\n`, 'compose', CONFLICT).length === 2;
      assert.equal(clash('127.0.0.1:11032:3000', '11032:8080'), true, 'a specific address clashes with all addresses');
      assert.equal(clash('0.0.0.0:80:80', '127.0.0.1:80:80'), true, '0.0.0.0 covers every IPv4 address');
      assert.equal(clash('[::]:80:80', '[::1]:80:80'), true, ':: covers every IPv6 address');
      assert.equal(clash('[::ffff:127.0.0.1]:80:80', '127.0.0.1:80:80'), true, 'IPv4-mapped IPv6 is IPv4');
      assert.equal(clash('[::1]:80:80', '80:80'), true);
      assert.equal(clash('127.0.0.1:80:80', '192.168.1.10:80:80'), false, 'two different specific addresses');
      assert.equal(clash('127.0.0.1:80:80', '[::1]:80:80'), false, 'IPv4 and IPv6 are booked separately');
      assert.equal(clash('0.0.0.0:80:80', '[::]:80:80'), false, 'unspecified addresses of different families');
      assert.equal(clash('0.0.0.0:80:80', '[::1]:80:80'), false);
      assert.equal(clash('8080:80/udp', '8080:80/tcp'), false, 'udp and tcp never clash');
      assert.equal(clash('8080:80/udp', '8080:81/UDP'), true);
      assert.equal(clash('80', '80'), false, 'ephemeral host ports never clash');
      assert.equal(clash('127.0.0.1::80', '127.0.0.1::80'), false);
    });

    it('names both addresses when they differ', () => {
      checkFindings('services:\n  a: {image: x, ports: ["127.0.0.1:⟦11032⟧:3000"]}\n  b: {image: x, ports: ["⟦11032⟧:8080"]}\n', CONFLICT, {
        messages: ["Host port 11032/tcp on 127.0.0.1 is also published by service 'b' (line 3) on all addresses.", "Host port 11032/tcp on all addresses is also published by service 'a' (line 2) on 127.0.0.1."],
      });
    });

    it('reads interpolation defaults, and skips values it cannot know', () => {
      checkFindings('services:\n  a: {image: x, ports: [⟦"${WEB_PORT:-8080}:80"⟧]}\n  b: {image: x, ports: ["⟦8080⟧:81"]}\n  c: {image: x, ports: ["${OTHER}:80"]}\n', CONFLICT);
    });

    it('reports anchored ports where they are written, with the use site as related information', () => {
      const findings = checkFindings('x-ports: &ports\n  - "⟦⟦8080⟧⟧:80"\nservices:\n  a:\n    image: x\n    ports: *ports\n  b:\n    image: x\n    ports: *ports\n', CONFLICT, {
        messages: ["Host port 8080/tcp on all addresses is also published by service 'b' (line 9).", "Host port 8080/tcp on all addresses is also published by service 'a' (line 6)."],
      });
      assert.deepEqual(findings[0]!.related?.map((r) => r.message), ["Published by service 'b' here", "Used here by service 'a'"]);
    });

    it('sees ports brought in by merge keys', () => {
      checkFindings('x-base: &base\n  image: x\n  ports: ["⟦⟦80⟧⟧:80"]\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n', CONFLICT);
    });

    it('reports duplicated bindings within one service', () => {
      checkFindings('services:\n  web:\n    image: x\n    ports: ["⟦80⟧:80", "0.0.0.0:⟦80⟧:8080", "80:80/udp"]\n', CONFLICT, {
        messages: [
          "Host port 80/tcp on all addresses is published again by the same service 'web' (line 4) on 0.0.0.0.",
          "Host port 80/tcp on 0.0.0.0 is published again by the same service 'web' (line 4) on all addresses.",
        ],
      });
      // Identical items are the schema's duplicate-item error already.
      checkFindings('services:\n  web:\n    image: x\n    ports: ["80:80", "80:80"]\n', CONFLICT);
    });

    it('lowers clashes between services in disjoint profiles to information', () => {
      const findings = checkFindings('services:\n  dev:\n    image: x\n    profiles: [dev]\n    ports: ["⟦80⟧:80"]\n  prod:\n    image: x\n    profiles: [prod]\n    ports: ["⟦80⟧:80"]\n', CONFLICT, {
        messages: [
          "Host port 80/tcp on all addresses is also published by service 'prod' (line 9), but only when profiles 'dev' and 'prod' are enabled together.",
          "Host port 80/tcp on all addresses is also published by service 'dev' (line 5), but only when profiles 'prod' and 'dev' are enabled together.",
        ],
      });
      assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['port-conflict-profiles', 'information'], ['port-conflict-profiles', 'information']]);
      const shared = findingsOf('services:\n  a: {image: x, profiles: [dev, test], ports: ["80:80"]}\n  b: {image: x, profiles: [test], ports: ["80:80"]}\n  c: {image: x, ports: ["81:81"]}\n  d: {image: x, profiles: [x], ports: ["81:81"]}\n', 'compose', CONFLICT);
      assert.deepEqual(shared.map((f) => f.code), ['port-conflict', 'port-conflict', 'port-conflict', 'port-conflict']);
    });

    it('counts a service as running with the profiles of the services that depend on it', () => {
      const text = (dependent: string) => `services:\n  app:\n    image: x\n${dependent}    depends_on: [debugger]\n  debugger:\n    image: x\n    profiles: [debug]\n    ports: ["⟦9229⟧:9229"]\n  inspector:\n    image: x\n    profiles: [inspect]\n    ports: ["⟦9229⟧:9229"]\n`;
      const always = checkFindings(text(''), CONFLICT);
      assert.deepEqual(always.map((f) => f.code), ['port-conflict', 'port-conflict']);
      const inspect = checkFindings(text('    profiles: [inspect]\n'), CONFLICT);
      assert.deepEqual(inspect.map((f) => f.code), ['port-conflict', 'port-conflict']);
      const dev = checkFindings(text('    profiles: [dev]\n'), CONFLICT);
      assert.deepEqual(dev.map((f) => f.code), ['port-conflict-profiles', 'port-conflict-profiles']);
    });

    it('ignores services scaled to 0', () => {
      checkFindings('services:\n  a: {image: x, ports: ["80:80"]}\n  b: {image: x, scale: 0, ports: ["80:80"]}\n  c: {image: x, deploy: {replicas: 0}, ports: ["80:80"]}\n', CONFLICT);
    });

    it('treats a host range for one container port as a pool that clashes only when exhausted', () => {
      checkFindings('services:\n  a: {image: x, ports: ["8000-8002:80"]}\n  b: {image: x, ports: ["8000:80", "8001:80"]}\n  c: {image: x, ports: ["8000-8002:80"]}\n', CONFLICT);
      checkFindings('services:\n  a: {image: x, ports: ["⟦8000-8001⟧:80"]}\n  b: {image: x, ports: ["⟦8000⟧:80", "⟦8001⟧:80"]}\n', CONFLICT, {
        messages: [
          "Host port range 8000-8001/tcp on all addresses has no free port left for service 'a': its ports are published by 'b' (line 3).",
          "Host port 8000/tcp is also part of the host port range 8000-8001/tcp of service 'a' (line 2), which then has no free port left.",
          "Host port 8001/tcp is also part of the host port range 8000-8001/tcp of service 'a' (line 2), which then has no free port left.",
        ],
      });
    });

    it('checks services with network_mode: host on the ports they listen on (a warning: it is a guess)', () => {
      const findings = checkFindings('services:\n  a:\n    image: x\n    network_mode: host\n    expose: ["⟦9000⟧"]\n  b:\n    image: x\n    network_mode: host\n    ports: ["9001:⟦9000⟧"]\n  c:\n    image: x\n    ports: ["⟦9000⟧:80", "9001:80"]\n', CONFLICT, {
        messages: [
          "Port 9000/tcp, which service 'a' listens on with network_mode: host, is also used by service 'b' (network_mode: host) (line 9).",
          "Port 9000/tcp, which service 'b' listens on with network_mode: host, is also used by service 'a' (network_mode: host) (line 5).",
          "Host port 9000/tcp on all addresses is also used by service 'a' (network_mode: host) (line 5).",
        ],
      });
      assert.deepEqual(findings.map((f) => f.severity), ['warning', 'warning', 'warning']);
    });

    it('stays quiet on a file without clashes', () => {
      checkFindings('services:\n  a: {image: x, ports: ["80:80", "443:443", "53:53/udp", "127.0.0.1:5432:5432"]}\n  b: {image: x, ports: ["53:53/tcp", "[::1]:5432:5432", "8080", {target: 80}]}\n', CONFLICT);
    });
  });

  describe('replicas', () => {
    it('reports fixed host ports of a scaled compose service', () => {
      checkFindings('services:\n  a:\n    image: x\n    scale: 3\n    ports: ["⟦8080⟧:80", "80", "8000-8002:80", "⟦9000-9001⟧:80"]\n', ['port-conflict-replicas'], {
        messages: [
          "Service 'a' runs 3 replicas, but only one container can bind host port 8080/tcp: use a host port range of 3 ports for one container port, or leave the host port out.",
          "Host port range 9000-9001/tcp has 2 ports for the 3 replicas of service 'a': widen it to 3 ports.",
        ],
      });
      checkFindings('services:\n  a:\n    image: x\n    deploy: {replicas: 2}\n    ports:\n      - target: 80\n        published: ⟦8080⟧\n', ['port-conflict-replicas']);
    });

    it('leaves replicas to the routing mesh in stack files', () => {
      checkFindings('services:\n  a:\n    image: x\n    deploy: {replicas: 6}\n    ports: ["8080:80"]\n', ['port-conflict-replicas', ...CONFLICT], { mode: 'stack' });
    });
  });

  describe('network modes', () => {
    it('warns that network_mode: host discards published ports', () => {
      checkFindings('services:\n  a:\n    image: x\n    network_mode: host\n    ⟦ports⟧: ["80:80"]\n', ['ports-with-host-network'], {
        messages: ["Service 'a' uses network_mode: host, so Docker discards its published ports: the service listens on the host's ports directly."],
      });
    });

    it('reports ports on a service sharing another network namespace', () => {
      checkFindings('services:\n  a:\n    image: x\n    network_mode: "service:b"\n    ⟦ports⟧: ["80:80"]\n  b:\n    image: x\n    ports: ["80:80"]\n', ['ports-with-shared-netns', ...CONFLICT], {
        messages: ["Service 'a' shares the network namespace of service 'b', so it cannot publish ports: publish them on service 'b'."],
      });
      checkFindings('services:\n  a:\n    image: x\n    network_mode: container:abc\n    ⟦ports⟧: ["80:80"]\n', ['ports-with-shared-netns']);
    });

    it('warns when all networks of a publishing service are internal', () => {
      checkFindings('services:\n  a:\n    image: x\n    ⟦ports⟧: ["80:80"]\n    networks: [back]\n  b:\n    image: x\n    ports: ["81:80"]\n    networks: [back, front]\nnetworks:\n  back: {internal: true}\n  front: {}\n', ['ports-on-internal-network'], {
        messages: ["Service 'a' publishes ports, but its only network is internal ('back'): nothing outside can reach them."],
      });
      checkFindings('services:\n  a:\n    image: x\n    ⟦ports⟧: ["80:80"]\nnetworks:\n  default: {internal: true}\n', ['ports-on-internal-network']);
    });
  });

  describe('Swarm', () => {
    it("flags Swarm's own ports: a warning for compose, an error for stacks", () => {
      const compose = checkFindings('services:\n  a:\n    image: x\n    ports: ["⟦7946⟧:7946/udp", "⟦4789⟧:4789/udp", "4789:4789", "⟦2377⟧:80", "⟦7900-8000⟧:80-180"]\n', ['port-swarm-reserved'], {
        messages: [
          "Host port 7946/udp is Docker Swarm's port for node discovery: publishing it clashes with Swarm on swarm nodes.",
          "Host port 4789/udp is Docker Swarm's port for overlay network traffic (VXLAN): publishing it clashes with Swarm on swarm nodes.",
          "Host port 2377/tcp is Docker Swarm's port for cluster management: publishing it clashes with Swarm on swarm nodes.",
          "Host port 7946/tcp is Docker Swarm's port for node discovery: publishing it clashes with Swarm on swarm nodes.",
        ],
      });
      assert.equal(compose[0]!.severity, 'warning');
      assert.equal(checkFindings('services:\n  a:\n    image: x\n    ports: ["⟦2377⟧:80"]\n', ['port-swarm-reserved'], { mode: 'stack' })[0]!.severity, 'error');
    });

    it('lets only one service publish an ingress port; host-mode ports may repeat', () => {
      const text = (b: string) => `services:\n  a:\n    image: x\n    ports: ["⟦8080⟧:80"]\n  b:\n    image: x\n    ports:\n${b}`;
      checkFindings(text('      - "⟦8080⟧:80"\n'), CONFLICT, {
        mode: 'stack',
        messages: [
          "Published port 8080/tcp is also published by service 'b' (line 8): Swarm gives each published port to one service only.",
          "Published port 8080/tcp is also published by service 'a' (line 4): Swarm gives each published port to one service only.",
        ],
      });
      checkFindings(text('      - target: 80\n        published: ⟦8080⟧\n        mode: host\n'), CONFLICT, {
        mode: 'stack',
        messages: [
          "Published port 8080/tcp is also published by service 'b' (line 9) in host mode: an ingress port cannot share its number with another service.",
          "Published port 8080/tcp is also published by service 'a' (line 4): Swarm gives each published port to one service only.",
        ],
      });
      const hostOnly = 'services:\n  a:\n    image: x\n    ports: [{target: 80, published: 8080, mode: host}]\n  b:\n    image: x\n    ports: [{target: 80, published: 8080, mode: host}]\n';
      checkFindings(hostOnly, CONFLICT, { mode: 'stack' });
      // Swarm ignores host IPs, so different addresses do not separate stack ports.
      checkFindings('services:\n  a: {image: x, ports: ["127.0.0.1:⟦80⟧:80"]}\n  b: {image: x, ports: ["10.0.0.1:⟦80⟧:80"]}\n', CONFLICT, { mode: 'stack' });
    });

    it('refuses duplicated published ports in one stack service, whatever the mode', () => {
      checkFindings('services:\n  a:\n    image: x\n    ports:\n      - "⟦80⟧:80"\n      - {target: 81, published: ⟦80⟧, mode: host}\n', CONFLICT, { mode: 'stack' });
    });

    it('warns about replicated host-mode ports without one task per node', () => {
      checkFindings('services:\n  a:\n    image: x\n    deploy: {replicas: 3}\n    ports: [{target: 80, published: ⟦8080⟧, mode: host}, {target: 81, mode: host}, "8081:81"]\n', ['host-mode-port-replicas'], {
        mode: 'stack',
        messages: ["Service 'a' runs 3 replicas with host-mode port 8080/tcp: a node can run only one of them, so tasks beyond the number of nodes stay pending. Use deploy.mode: global or placement.max_replicas_per_node: 1."],
      });
      checkFindings('services:\n  a:\n    image: x\n    deploy: {replicas: 3, placement: {max_replicas_per_node: 1}}\n    ports: [{target: 80, published: 8080, mode: host}]\n  b:\n    image: x\n    deploy: {mode: global}\n    ports: [{target: 80, published: 8081, mode: host}]\n', ['host-mode-port-replicas'], { mode: 'stack' });
    });

    it('refuses endpoint_mode: dnsrr with ingress ports', () => {
      const [finding] = checkFindings('services:\n  a:\n    image: x\n    deploy: {endpoint_mode: ⟦dnsrr⟧}\n    ports: ["80:80", "81"]\n  b:\n    image: x\n    deploy: {endpoint_mode: dnsrr}\n    ports: [{target: 80, published: 80, mode: host}]\n', ['dnsrr-ingress-ports'], {
        mode: 'stack',
        messages: ["Swarm refuses endpoint_mode: dnsrr for service 'a' because it publishes 2 ports in ingress mode: publish with the long syntax and mode: host, or use endpoint_mode: vip."],
      });
      assert.equal(finding!.related?.length, 2);
    });

    it('warns that start-first updates cannot bind a host-mode port', () => {
      checkFindings('services:\n  a:\n    image: x\n    deploy:\n      update_config: {order: ⟦start-first⟧}\n    ports: [{target: 80, published: 8080, mode: host}]\n  b:\n    image: x\n    deploy:\n      update_config: {order: start-first}\n    ports: ["8081:80"]\n', ['start-first-host-port'], { mode: 'stack' });
    });

    it('notes that compose ignores mode: host', () => {
      checkFindings('services:\n  a:\n    image: x\n    ports: [{target: 80, published: 8080, mode: ⟦host⟧}]\n', ['port-mode-ignored']);
      checkFindings('services:\n  a:\n    image: x\n    ports: [{target: 80, published: 8080, mode: host}]\n', ['port-mode-ignored'], { mode: 'stack' });
    });
  });
});
