import * as assert from 'node:assert/strict';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { NetworkGraphResult } from '../../server/src/protocol';
import { packGrid } from '../../client/src/webview/grid';
import { fullLayout, quickLayout } from '../../client/src/webview/layouts';
import { homes } from '../../client/src/webview/networks';
import { ALL_LAYERS, dependencyRanks, portLabel, straight, truncate, type ViewName } from '../../client/src/webview/scene';
import { mermaidLabel, toMermaid } from '../../client/src/webview/mermaid';
import { itemAt, matches } from '../../client/src/webview/query';
import { graphFor } from './harness';

const text = `services:
  proxy:
    image: traefik
    ports: ["80:80", "127.0.0.1:8443:443/udp"]
    networks: [front, back]
  api:
    image: example/api
    networks:
      back:
        ipv4_address: 10.0.0.5
    depends_on: [db]
    volumes: [data:/data]
  db:
    image: postgres
    networks: [back]
    volumes: [data:/var/lib/postgresql/data]
  sidecar:
    image: alpine
    network_mode: service:api
networks:
  front: {}
  back: {}
volumes:
  data: {}
`;

describe('webview layout', () => {
  const graph = graphFor(text);
  const elk = new ELK();
  const layout = (g: NetworkGraphResult, view: ViewName = 'networks', layers = ALL_LAYERS) => fullLayout({ graph: g, view, layers }, (input) => elk.layout(input));

  it('puts single-network services and stack sharers in the network box', () => {
    assert.deepEqual(Object.fromEntries(homes(graph)), {
      'service:api': 'network:back',
      'service:db': 'network:back',
      'service:sidecar': 'network:back',
    });
  });

  it('packs a network\'s members in a grid, not a column, inside the box', async () => {
    const many = graphFor(['services:', ...Array.from({ length: 24 }, (_, i) => `  worker${i}:\n    image: example/worker:1\n    depends_on: [db]`), '  db:\n    image: postgres'].join('\n') + '\n');
    const scene = await layout(many);
    const group = scene.nodes.find((node) => node.id === 'network:default')!.box;
    const members = scene.nodes.filter((node) => node.classes.includes('service'));
    assert.equal(members.length, 25);
    for (const member of members) {
      const box = member.box;
      assert.ok(box.x >= group.x && box.y >= group.y && box.x + box.width <= group.x + group.width && box.y + box.height <= group.y + group.height, member.id);
    }
    const columns = new Set(members.map((member) => member.box.x)).size;
    assert.ok(columns >= 3, `${columns} columns`);
    assert.ok(group.width / group.height > 0.8 && group.width / group.height < 3, `aspect ${group.width / group.height}`);
    // Dependents left of their dependency: db is in the last column.
    const db = members.find((member) => member.id === 'service:db')!.box;
    assert.ok(members.every((member) => member.box.x <= db.x));
    // One edge per depends_on entry, each with its own path.
    const dependsOn = scene.edges.filter((edge) => edge.item.kind === 'dependsOn');
    assert.equal(dependsOn.length, 24);
    assert.equal(new Set(dependsOn.map((edge) => JSON.stringify(edge.points))).size, 24);
  });

  it('shows mounts as badges on their services and draws no mount lines', async () => {
    const scene = await layout(graph);
    const chips = (id: string) => scene.nodes.find((node) => node.id === id)!.chips.map((chip) => `${chip.kind} ${chip.label} -> ${chip.ref}`);
    assert.deepEqual(chips('service:api'), ['volume ▤ data ⇄ -> volume:data']);
    assert.deepEqual(chips('service:proxy'), ['port 80→80 -> service:proxy', 'port 127.0.0.1:8443→443/udp -> service:proxy']);
    assert.ok(!scene.nodes.some((node) => node.id === 'volume:data'), 'a used volume is a badge, not a node');
    assert.ok(!scene.edges.some((edge) => edge.item.kind === 'volume'));
    const hidden = await layout(graph, 'networks', { ...ALL_LAYERS, volumes: false, dependencies: false });
    assert.deepEqual(hidden.nodes.find((node) => node.id === 'service:api')!.chips, []);
    assert.ok(!hidden.edges.some((edge) => edge.item.kind === 'dependsOn'));
  });

  it('places a service on two networks between them, joined by lines', async () => {
    const scene = await layout(graph);
    const box = (id: string) => scene.nodes.find((node) => node.id === id)!.box;
    const proxy = box('service:proxy');
    const [left, right] = [box('network:front'), box('network:back')].sort((a, b) => a.x - b.x);
    assert.ok(proxy.x >= left!.x + left!.width && proxy.x + proxy.width <= right!.x, 'proxy sits between its networks');
    assert.deepEqual(scene.edges.filter((edge) => edge.item.kind === 'network').map((edge) => edge.id).sort(), ['network:service:proxy->network:back', 'network:service:proxy->network:front']);
    assert.equal(scene.quality, 'full');
    assert.deepEqual(scene.nodes.find((node) => node.id === 'service:api')!.lines, ['example/api', 'back: 10.0.0.5']);
  });

  it('gathers services on the same networks into one block between them', async () => {
    const shared = graphFor(['services:', ...['a', 'b', 'c'].map((name) => `  ${name}:\n    image: x\n    networks: [front, back]`), '  solo:\n    image: y\n    networks: [front]', '  other:\n    image: y\n    networks: [back]', 'networks:\n  front: {}\n  back: {}'].join('\n') + '\n');
    const scene = await layout(shared);
    const box = (id: string) => scene.nodes.find((node) => node.id === id)!.box;
    const block = box('block:network:back\u0000network:front');
    for (const name of ['a', 'b', 'c']) {
      const member = box(`service:${name}`);
      assert.ok(member.x >= block.x && member.x + member.width <= block.x + block.width && member.y >= block.y && member.y + member.height <= block.y + block.height, name);
    }
    const [left, right] = [box('network:front'), box('network:back')].sort((a, b) => a.x - b.x);
    assert.ok(block.x >= left!.x + left!.width && block.x + block.width <= right!.x, 'the block sits between its networks');
    // One line per network from the block, none per member.
    assert.deepEqual(scene.edges.filter((edge) => edge.item.kind === 'network').map((edge) => edge.id).sort(), ['block:network:back\u0000network:front->network:back', 'block:network:back\u0000network:front->network:front']);
  });

  it('shows findings of an attachment drawn as containment on the service', async () => {
    const withTypo = graphFor('services:\n  web:\n    image: nginx\n    networks:\n      front:\n        ipv4_adress: 10.0.0.2\nnetworks:\n  front: {}\n');
    const web = (await layout(withTypo)).nodes.find((node) => node.id === 'service:web')!;
    assert.equal(web.severity, 'error');
    assert.deepEqual(web.findings.map((finding) => finding.code), ['schema-unknown-property']);
  });

  it('lays out dependencies left to right with condition labels, and ports by host address', async () => {
    const deps = graphFor('services:\n  web:\n    image: x\n    ports: ["8080:80", "127.0.0.1:9000:9000"]\n    depends_on:\n      db: {condition: service_healthy}\n      cache: {condition: service_started, required: false}\n  db:\n    image: postgres\n    ports: ["8080:5432"]\n  cache:\n    image: redis\n');
    for (const scene of [await layout(deps, 'dependencies'), quickLayout({ graph: deps, view: 'dependencies', layers: ALL_LAYERS })]) {
      const box = (id: string) => scene.nodes.find((node) => node.id === id)!.box;
      assert.ok(box('service:web').x + box('service:web').width < box('service:db').x, scene.quality);
      assert.deepEqual(scene.edges.map((edge) => edge.label?.text).sort(), ['healthy', 'optional']);
    }
    const ports = quickLayout({ graph: deps, view: 'ports', layers: ALL_LAYERS });
    assert.deepEqual(ports.nodes.map((node) => `${node.title} ${node.lines.join()}`), [
      'all addresses 2 ports',
      '8080/tcp web : 80  ✖ published twice',
      '8080/tcp db : 5432  ✖ published twice',
      '127.0.0.1 1 port',
      '9000/tcp web : 9000',
    ]);
    assert.equal(ports.nodes[1]!.severity, 'error');
  });

  it('ranks dependencies in linear time, cycles included', () => {
    const ring = graphFor(['services:', ...Array.from({ length: 5 }, (_, i) => `  s${i}:\n    image: x\n    depends_on: [s${(i + 1) % 5}]`)].join('\n') + '\n');
    assert.equal(dependencyRanks(ring).size, 5);
    assert.deepEqual([...dependencyRanks(graphFor('services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n    depends_on: [c]\n  c:\n    image: z\n'))], [['service:a', 0], ['service:b', 1], ['service:c', 2]]);
  });

  it('labels ports as written, with host IP, protocol and host mode', () => {
    const proxy = graph.nodes.find((node) => node.id === 'service:proxy')!;
    assert.ok(proxy.kind === 'service');
    assert.deepEqual(proxy.ports.map(portLabel), ['80→80', '127.0.0.1:8443→443/udp']);
    assert.equal(portLabel({ hostIp: '::1', published: '8080', target: '80', protocol: 'tcp', mode: 'host', range: proxy.range, findings: [] }), '[::1]:8080→80 host');
    assert.equal(portLabel({ target: '80', protocol: 'tcp', mode: 'ingress', range: proxy.range, findings: [] }), '80');
  });

  it('clips straight lines at box borders and packs grids near the aspect ratio', () => {
    assert.deepEqual(straight({ x: 0, y: 0, width: 10, height: 10 }, { x: 100, y: 0, width: 10, height: 10 }), [{ x: 10, y: 5 }, { x: 100, y: 5 }]);
    assert.equal(truncate('abcdef', 4), 'abc…');
    const grid = packGrid(Array.from({ length: 16 }, () => ({ width: 100, height: 50 })), { aspect: 2, gapX: 0, gapY: 0 });
    assert.deepEqual([grid.width, grid.height], [400, 200]);
  });
});

describe('webview queries and exports', () => {
  const graph = graphFor(text);

  it('filters on names, images, ports and subnets', () => {
    const ids = (query: string) => graph.nodes.filter((node) => matches(node, query)).map((node) => node.id);
    assert.deepEqual(ids('POSTGRES'), ['service:db']);
    assert.deepEqual(ids('8443'), ['service:proxy']);
    assert.equal(ids('  ').length, graph.nodes.length);
  });

  it('filters a service of 130,000 ports and a network of 130,000 subnets without overflowing the stack (issue 19)', () => {
    const subnets = graphFor('services:\n  web:\n    image: x\nnetworks:\n  n:\n    ipam:\n      config:\n        - subnet: 10.9.0.0/24\n');
    const service = graph.nodes.find((node) => node.id === 'service:proxy')!;
    const network = subnets.nodes.find((node) => node.kind === 'network' && node.subnets.length > 0)!;
    assert.ok(service.kind === 'service' && network.kind === 'network');
    const manyPorts = { ...service, ports: Array.from({ length: 130_000 }, () => service.ports[0]!) };
    const manySubnets = { ...network, subnets: Array.from({ length: 130_000 }, () => network.subnets[0]!) };
    assert.deepEqual([matches(manyPorts, portLabel(service.ports[0]!)), matches(manyPorts, 'nowhere'), matches(manySubnets, '10.9.0'), matches(manySubnets, 'nowhere')], [true, false, true, false]);
  });

  it('finds the innermost item under the cursor', () => {
    const line = text.split('\n').findIndex((l) => l.includes('ipv4_address'));
    assert.equal(itemAt(graph, { line, character: 8 }), 'network:service:api->network:back');
    assert.equal(itemAt(graph, { line: line + 2, character: 4 }), 'service:api');
    assert.equal(itemAt(graph, { line: 0, character: 0 }), undefined);
  });

  it('writes Mermaid with escaped labels', () => {
    const mermaid = toMermaid(graphFor('services:\n  "a\\"<b>":\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n'));
    assert.equal(mermaid, [
      'flowchart LR',
      '  n0["a#34;#60;b#62;<br>x"]',
      '  n1(["default<br>bridge"])',
      '  n2["b<br>y"]',
      '  n0 --- n1',
      '  n0 --> n2',
      '  n2 --- n1',
      '',
    ].join('\n'));
  });

  // Issue 19.12: a name with a line break and `"]` added nodes and edges; `%%{init}%%` injected a directive.
  it('keeps hostile names inside their Mermaid labels and drops directives', () => {
    const hostile = [
      'a"]\n  evil[("x")] --> n0\n  click n0 "https://example.com"',
      '%%{init: {"themeCSS": "body{background:url(https://example.com/beacon)}"}}%%',
      'x|y|z --- ]]; %% comment',
      'tab\tcr\rls\u2028end #amp; <br> `md`',
    ];
    const yaml = ['services:', ...hostile.flatMap((name, i) => [`  ${JSON.stringify(name)}:`, `    image: ${JSON.stringify(name)}`, `    depends_on: [s${i}]`, `  s${i}:`, '    image: y'])].join('\n') + '\n';
    const graph = graphFor(yaml);
    const mermaid = toMermaid(graph);
    const statements = mermaid.trimEnd().split('\n');
    assert.equal(statements[0], 'flowchart LR');
    // Every statement is one node or one edge of the grammar below: labels hold no quote, bracket, pipe,
    // percent sign, angle bracket or line break other than the <br> joins.
    const label = '"(?:[^"\\[\\]|%<>\\n]|<br>)*"';
    const node = new RegExp(`^  n\\d+(?:\\[${label}\\]|\\(\\[${label}\\]\\)|\\[\\(${label}\\)\\]|\\[/${label}/\\])$`);
    const edge = new RegExp(`^  n\\d+ (?:-->|---|-\\.->)(?:\\|${label}\\|)? n\\d+$`);
    const nodes = statements.slice(1).filter((line) => node.test(line));
    const edges = statements.slice(1).filter((line) => edge.test(line));
    assert.deepEqual(statements.slice(1).filter((line) => !node.test(line) && !edge.test(line)), []);
    assert.equal(nodes.length, graph.nodes.length);
    assert.equal(edges.length, graph.edges.length);
    assert.ok(!mermaid.includes('%%') && !mermaid.includes('init') && !mermaid.includes('url('), mermaid);
    assert.equal(mermaidLabel('a"]\nb'), 'a#34;#93; b');
    assert.equal(mermaidLabel('%%{init: {}}%%web'), 'web');
  });
});
