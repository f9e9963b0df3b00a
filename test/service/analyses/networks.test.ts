import * as assert from 'node:assert/strict';
import { checkFix } from '../../support/fixes';
import { checkFindings, findingsOf } from '../../support/service';

describe('networks: network_mode and attachments', () => {
  it('network-mode-conflict on the networks key, list and map forms; not in stack files', () => {
    const text = 'services:\n  a:\n    image: x\n    network_mode: host\n    ⟦networks⟧: [n]\n  b:\n    image: x\n    network_mode: "service:a"\n    ⟦networks⟧:\n      n: {}\n  c:\n    image: x\n    networks: [n]\nnetworks:\n  n: {}\n';
    checkFindings(text, ['network-mode-conflict'], { messages: ["Service 'a' sets both network_mode 'host' and networks; Compose rejects the file because they exclude each other.", "Service 'b' sets both network_mode 'service:a' and networks; Compose rejects the file because they exclude each other."] });
    checkFindings(text.replace(/[⟦⟧]/g, ''), ['network-mode-conflict'], { mode: 'stack' });
  });

  it('host-none-network-combination only when the host/none network is combined with others', () => {
    checkFindings('services:\n  a:\n    image: x\n    networks: [⟦hostnet⟧, n]\n  b:\n    image: x\n    networks: [hostnet]\n  c:\n    image: x\n    networks:\n      ⟦none⟧: {}\n      n: {}\nnetworks:\n  n: {}\n  hostnet: {external: true, name: host}\n  none: {external: true}\n', ['host-none-network-combination'], {
      messages: [
        "Service 'a' joins the 'host' network and other networks; a container in the host network namespace cannot be connected to any other network. Use 'network_mode: host' alone, or drop it.",
        "Service 'c' joins the 'none' network and other networks; a container in the none network namespace cannot be connected to any other network. Use 'network_mode: none' alone, or drop it.",
      ],
    });
  });

  // moby drivers/host/host.go and drivers/null/null.go: "only one instance of … network is allowed"; `none` is no driver.
  it('driver-host-null-none on created networks; the external host network passes', () => {
    checkFindings('networks:\n  a:\n    driver: ⟦host⟧\n  b:\n    driver: ⟦"null"⟧\n  c:\n    driver: ⟦none⟧\n  d:\n    external: true\n    name: host\n  e:\n    driver: bridge\n', ['driver-host-null-none', 'driver-unknown'], {
      messages: [
        'Network \'a\' cannot be created with driver \'host\': the engine has exactly one \'host\' network and refuses another ("only one instance of "host" network is allowed"); use \'network_mode: host\' on the services instead.',
        'Network \'b\' cannot be created with driver \'null\': the engine has exactly one \'none\' network and refuses another ("only one instance of "null" network is allowed"); use \'network_mode: none\' on the services instead.',
        "Network 'c' cannot be created with driver 'none': 'none' is not a driver (the none network's driver is 'null'); use 'network_mode: none' on the services instead.",
      ],
    });
  });

  // moby daemon/internal/runconfig/hostconfig.go validateNetContainerMode: refused options, in Docker's words.
  it('shared-netns-option for service: and container: modes, including merged keys', () => {
    checkFindings('x-base: &base\n  ⟦dns⟧: [1.1.1.1]\nservices:\n  a:\n    image: x\n    network_mode: "container:vpn"\n    ⟦hostname⟧: a\n    <<: *base\n  b:\n    image: x\n    network_mode: "service:a"\n    ⟦expose⟧: ["8080"]\n    ⟦links⟧: [a]\n    mac_address: "02:42:ac:11:00:02"\n  c:\n    image: x\n    network_mode: host\n    hostname: c\n    expose: ["80"]\n', ['shared-netns-option'], {
      messages: [
        "Service 'a' shares the network namespace of container 'vpn', so Docker refuses 'dns' (\"conflicting options: dns and the network mode\"); set it on 'vpn' instead.",
        "Service 'a' shares the network namespace of container 'vpn', so Docker refuses 'hostname' (\"conflicting options: hostname and the network mode\"); set it on 'vpn' instead.",
        "Service 'b' shares the network namespace of service 'a', so Docker refuses 'expose' (\"conflicting options: port exposing and the container type network mode\"); set it on 'a' instead.",
        "Service 'b' shares the network namespace of service 'a', so Docker refuses 'links' (\"conflicting options: container type network can't be used with links\"); set it on 'a' instead.",
      ],
    });
  });

  // The engine accepts these with a shared namespace, but the owner's resolver and interface apply.
  it('shared-netns-option-ignored for dns_search, dns_opt and mac_address; not with a network of its own', () => {
    checkFindings('services:\n  a:\n    image: x\n  b:\n    image: x\n    network_mode: "service:a"\n    ⟦mac_address⟧: "02:42:ac:11:00:02"\n    ⟦dns_search⟧: example.com\n    ⟦dns_opt⟧: ["ndots:2"]\n  c:\n    image: x\n    dns_search: example.com\n    mac_address: "02:42:ac:11:00:03"\n', ['shared-netns-option-ignored']);
  });

  // moby hostconfig_unix.go validateNetMode: "host type networking can't be used with links".
  it('links-with-host-network; links on a user-defined network pass', () => {
    checkFindings('services:\n  a:\n    image: x\n    network_mode: host\n    ⟦links⟧: [b]\n  b:\n    image: x\n  c:\n    image: x\n    links: [b]\n', ['links-with-host-network']);
  });

  // moby daemon/container_operations_unix.go addLegacyLinks: "Cannot link to …, as it does not belong to the default network".
  it('links-cross-network from the default bridge to a service that is not on it', () => {
    checkFindings('services:\n  a:\n    image: x\n    network_mode: bridge\n    links: [⟦b:db⟧, c, ext]\n  b:\n    image: x\n  c:\n    image: x\n    network_mode: bridge\n  d:\n    image: x\n    links: [b]\n', ['links-cross-network']);
  });

  it('alias-shared on each of three services, named after the others in file order', () => {
    checkFindings('services:\n  a:\n    image: x\n    networks:\n      n: {aliases: [⟦db⟧, one]}\n  b:\n    image: x\n    networks:\n      n: {aliases: [two, ⟦db⟧]}\n  c:\n    image: x\n    networks:\n      n: {aliases: [⟦db⟧]}\nnetworks:\n  n: {}\n', ['alias-shared'], {
      messages: [
        "Alias 'db' on network 'n' is also used by service 'b', 'c' (line 9); the name resolves to either service at random.",
        "Alias 'db' on network 'n' is also used by service 'a', 'c' (line 5); the name resolves to either service at random.",
        "Alias 'db' on network 'n' is also used by service 'a', 'b' (line 5); the name resolves to either service at random.",
      ],
    });
  });

  it('alias-shared on both services, per network', () => {
    checkFindings('services:\n  a:\n    image: x\n    networks:\n      n:\n        aliases: [⟦db⟧, a1]\n  b:\n    image: x\n    networks:\n      n: {aliases: [⟦db⟧]}\n      m: {aliases: [a1]}\nnetworks:\n  n: {}\n  m: {}\n', ['alias-shared'], {
      messages: ["Alias 'db' on network 'n' is also used by service 'b' (line 10); the name resolves to either service at random.", "Alias 'db' on network 'n' is also used by service 'a' (line 6); the name resolves to either service at random."],
    });
  });
});

describe('networks: definitions', () => {
  it('external-network-extra-keys: a warning (ignored by Compose and stacks); name and x- keys are fine', () => {
    const text = 'services:\n  a:\n    image: x\nnetworks:\n  n:\n    external: true\n    name: outside\n    ⟦driver⟧: overlay\n    x-note: hi\n  m: {external: true, ⟦ipam⟧: {config: [{subnet: 10.0.0.0/24}]}}\n  k: {external: false, driver: bridge}\n';
    const compose = checkFindings(text, ['external-network-extra-keys'], { messages: ["'driver' has no effect on external network 'n': Compose does not create it, only looks it up by name.", "'ipam' has no effect on external network 'm': Compose does not create it, only looks it up by name."] });
    assert.deepEqual(compose.map((f) => f.severity), ['warning', 'warning']);
    assert.match(checkFindings(text, ['external-network-extra-keys'], { mode: 'stack' })[0]!.message, /docker stack deploy does not create it/);
  });

  it('external-name-deprecated, unless name is also set', () => {
    checkFindings('services:\n  a:\n    image: x\nnetworks:\n  n:\n    ⟦external⟧:\n      name: outside\n  m:\n    external: {name: x}\n    name: x\n', ['external-name-deprecated'], { messages: ["'external.name' is deprecated; write 'external: true' and 'name: outside'."] });
  });

  it('overlay-requires-swarm and overlay-not-attachable in compose files, for overlays a service joins', () => {
    const text = 'services:\n  a:\n    image: x\n    networks: [o, p, q]\nnetworks:\n  ⟦o⟧:\n    driver: ⟦overlay⟧\n  p: {driver: ⟦overlay⟧, attachable: true}\n  q: {external: true, name: swarmnet}\n  unused: {driver: overlay}\n';
    checkFindings(text, ['overlay-requires-swarm', 'overlay-not-attachable'], { messages: ["Overlay network 'o' needs 'attachable: true' for docker compose containers to join it.", "Network 'o' uses the overlay driver: docker compose can create it only when the engine is a swarm manager.", "Network 'p' uses the overlay driver: docker compose can create it only when the engine is a swarm manager."] });
    assert.deepEqual(findingsOf(text.replace(/[⟦⟧]/g, ''), 'stack', ['overlay-requires-swarm', 'overlay-not-attachable']), []);
  });

  it('counts an overlay default as joined only by services that join it implicitly', () => {
    const network = 'networks:\n  default: {driver: overlay, attachable: true}\n';
    // `networks: []` still means the default network; a provider service or network_mode does not join it.
    checkFindings('services:\n  a:\n    image: x\n    networks: []\n' + network.replace('overlay', '⟦overlay⟧'), ['overlay-requires-swarm']);
    checkFindings('services:\n  a:\n    provider: {type: model}\n  b:\n    image: x\n    network_mode: ${MODE}\n' + network, ['overlay-requires-swarm']);
  });

  it('stack-local-driver for bridge/macvlan/ipvlan in stack files', () => {
    checkFindings('services:\n  a:\n    image: x\nnetworks:\n  b: {driver: ⟦bridge⟧}\n  o: {driver: overlay}\n  d: {}\n  e: {external: true, name: host}\n', ['stack-local-driver'], { mode: 'stack' });
    assert.deepEqual(findingsOf('services:\n  a:\n    image: x\nnetworks:\n  b: {driver: bridge}\n', 'compose', ['stack-local-driver']), []);
  });

  it('macvlan-missing-parent and macvlan-missing-subnet', () => {
    checkFindings('services:\n  a:\n    image: x\nnetworks:\n  m:\n    driver: ⟦⟦macvlan⟧⟧\n  i:\n    driver: ⟦ipvlan⟧\n    driver_opts: {ipvlan_mode: l2}\n    ipam: {config: [{subnet: 192.168.1.0/24}]}\n  ok:\n    driver: macvlan\n    driver_opts: {parent: "${IFACE}"}\n    ipam: {config: [{subnet: 192.168.2.0/24}]}\n', ['macvlan-missing-parent', 'macvlan-missing-subnet'], {
      messages: [
        "macvlan network 'm' has no 'driver_opts.parent': Docker then uses a dummy interface, so the network cannot reach the LAN.",
        "macvlan network 'm' sets no ipam subnet, so containers get addresses from Docker's default pools instead of the LAN's; set subnet, gateway and ip_range to match the physical network.",
        "ipvlan network 'i' has no 'driver_opts.parent': Docker then uses a dummy interface, so the network cannot reach the LAN.",
      ],
    });
  });

  it('driver-unknown with a suggestion; Windows drivers and interpolated drivers pass', () => {
    checkFindings('services:\n  a:\n    image: x\nnetworks:\n  a: {driver: ⟦overlai⟧}\n  b: {driver: ⟦weavemesh⟧}\n  c: {driver: nat}\n  d: {driver: "${DRIVER}"}\n', ['driver-unknown'], {
      messages: ["'overlai' is not a driver built into Docker: the plugin must be installed on every host that runs this network. Did you mean 'overlay'?", "'weavemesh' is not a driver built into Docker: the plugin must be installed on every host that runs this network."],
    });
  });

  it('driver-opt-unknown with did-you-mean among that driver\'s options; bridge-name-too-long', () => {
    checkFindings('services:\n  a:\n    image: x\nnetworks:\n  a:\n    driver_opts:\n      ⟦com.docker.network.bridge.nmae⟧: br0\n      com.docker.network.bridge.name: ⟦averyverylongname0⟧\n      com.docker.network.driver.mtu: 1400\n  b:\n    driver: macvlan\n    driver_opts: {parent: eth0, ⟦macvlan_mod⟧: bridge}\n    ipam: {config: [{subnet: 192.168.3.0/24}]}\n  c:\n    driver_opts: {com.docker.network.bridge.name: br-fifteen-chr}\n', ['driver-opt-unknown', 'bridge-name-too-long'], {
      messages: [
        "The bridge driver does not know option 'com.docker.network.bridge.nmae' and ignores it. Did you mean 'com.docker.network.bridge.name'?",
        "Bridge name 'averyverylongname0' has 18 characters; Linux interface names have at most 15.",
        "The macvlan driver does not know option 'macvlan_mod' and ignores it. Did you mean 'macvlan_mode'?",
      ],
    });
  });
});

describe('networks: quick fixes', () => {
  it('removes the networks block when network_mode is set (block and flow)', () => {
    checkFix('services:\n  a:\n    image: x\n    network_mode: host\n    <|>networks:\n      - n\n      - m\n    restart: always\n', 'network-mode-conflict', 'services:\n  a:\n    image: x\n    network_mode: host\n    restart: always\n');
    checkFix('services:\n  a: {image: x, network_mode: host, <|>networks: [n]}\n', 'network-mode-conflict', 'services:\n  a: {image: x, network_mode: host}\n');
  });

  it('rewrites external.name to external: true and name:', () => {
    checkFix('networks:\n  n:\n    <|>external:\n      name: outside\n    x-a: 1\n', 'external-name-deprecated', 'networks:\n  n:\n    external: true\n    name: outside\n    x-a: 1\n');
    checkFix('networks:\n  n: {<|>external: {name: "outside"}}\n', 'external-name-deprecated', 'networks:\n  n: {external: true, name: "outside"}\n');
  });

  it('adds driver_opts.parent in the style of the network', () => {
    checkFix('networks:\n  m:\n    driver: <|>macvlan\n    ipam: {config: [{subnet: 192.168.1.0/24}]}\n', 'macvlan-missing-parent', 'networks:\n  m:\n    driver: macvlan\n    driver_opts:\n      parent: eth0\n    ipam: {config: [{subnet: 192.168.1.0/24}]}\n');
    checkFix('networks:\n  m:\n    driver: <|>ipvlan\n    driver_opts:\n      ipvlan_mode: l2\n', 'macvlan-missing-parent', 'networks:\n  m:\n    driver: ipvlan\n    driver_opts:\n      parent: eth0\n      ipvlan_mode: l2\n');
    checkFix('networks:\n  m: {driver: <|>macvlan}\n', 'macvlan-missing-parent', 'networks:\n  m: {driver: macvlan, driver_opts: {parent: eth0}}\n');
  });

  it('driver-host-null-none in a stack becomes the engine network; shared-namespace and host-mode options are removed', () => {
    checkFix('networks:\n  hostnet:\n    driver: ho<|>st\n', 'driver-host-null-none', 'networks:\n  hostnet:\n    external: true\n    name: host\n', { mode: 'stack' });
    checkFix('services:\n  a:\n    image: x\n    network_mode: host\n    li<|>nks: [b]\n  b:\n    image: x\n', 'links-with-host-network', 'services:\n  a:\n    image: x\n    network_mode: host\n  b:\n    image: x\n');
    checkFix('services:\n  a:\n    image: x\n  b:\n    image: x\n    network_mode: "service:a"\n    ex<|>pose: ["80"]\n', 'shared-netns-option', 'services:\n  a:\n    image: x\n  b:\n    image: x\n    network_mode: "service:a"\n');
  });
});
