import * as assert from 'node:assert/strict';
import ELK from 'elkjs/lib/elk.bundled.js';
import { homes, planLayout, portLabel, straight, toScene, truncate } from '../../client/src/webview/layout';
import { toMermaid } from '../../client/src/webview/mermaid';
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

  it('puts single-network services, stack sharers and their volumes in the network box', () => {
    assert.deepEqual(Object.fromEntries(homes(graph)), {
      'service:api': 'network:back',
      'service:db': 'network:back',
      'service:sidecar': 'network:back',
      'volume:data': 'network:back',
    });
  });

  it('routes edges inside a box with ELK and draws lines only where needed', () => {
    const { plan, elk } = planLayout(graph);
    assert.deepEqual(elk.children!.map((child) => child.id).sort(), ['network:back', 'network:front', 'service:proxy']);
    const back = elk.children!.find((child) => child.id === 'network:back')!;
    assert.deepEqual(back.children!.map((child) => child.id).sort(), ['service:api', 'service:db', 'service:sidecar', 'volume:data']);
    assert.deepEqual([...plan.routed].sort(), [
      'dependsOn:service:api->service:db',
      'network:service:proxy->network:back',
      'network:service:proxy->network:front',
      'networkMode:service:sidecar->service:api',
      'volume:service:api->volume:data',
      'volume:service:db->volume:data',
    ]);
  });

  it('turns ELK output into absolute boxes, members inside their group', async () => {
    const { plan, elk } = planLayout(graph);
    const scene = toScene(plan, await new ELK().layout(elk));
    const box = (id: string) => scene.nodes.find((node) => node.id === id)!.box;
    const group = box('network:back');
    for (const id of ['service:api', 'service:db', 'volume:data']) {
      const inner = box(id);
      assert.ok(inner.x >= group.x && inner.y >= group.y && inner.x + inner.width <= group.x + group.width && inner.y + inner.height <= group.y + group.height, id);
    }
    assert.equal(scene.nodes[0]!.group, true, 'groups are drawn first');
    // Membership is shown by containment: no line from api to its own network.
    assert.ok(!scene.edges.some((edge) => edge.id === 'network:service:api->network:back'));
    assert.deepEqual(scene.nodes.find((node) => node.id === 'service:api')!.lines, ['example/api', 'back: 10.0.0.5']);
  });

  it('shows findings of an attachment drawn as containment on the service', async () => {
    const withTypo = graphFor('services:\n  web:\n    image: nginx\n    networks:\n      front:\n        ipv4_adress: 10.0.0.2\nnetworks:\n  front: {}\n');
    const { plan, elk } = planLayout(withTypo);
    const web = toScene(plan, await new ELK().layout(elk)).nodes.find((node) => node.id === 'service:web')!;
    assert.equal(web.severity, 'error');
    assert.deepEqual(web.findings.map((finding) => finding.code), ['schema-unknown-property']);
  });

  it('labels ports as written, with host IP, protocol and host mode', () => {
    const proxy = graph.nodes.find((node) => node.id === 'service:proxy')!;
    assert.ok(proxy.kind === 'service');
    assert.deepEqual(proxy.ports.map(portLabel), ['80→80', '127.0.0.1:8443→443/udp']);
    assert.equal(portLabel({ hostIp: '::1', published: '8080', target: '80', protocol: 'tcp', mode: 'host', range: proxy.range, findings: [] }), '[::1]:8080→80 host');
    assert.equal(portLabel({ target: '80', protocol: 'tcp', mode: 'ingress', range: proxy.range, findings: [] }), '80');
  });

  it('clips straight lines at box borders', () => {
    assert.deepEqual(straight({ x: 0, y: 0, width: 10, height: 10 }, { x: 100, y: 0, width: 10, height: 10 }), [{ x: 10, y: 5 }, { x: 100, y: 5 }]);
    assert.equal(truncate('abcdef', 4), 'abc…');
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
      '  n0["a#quot;#lt;b#gt;<br>x"]',
      '  n1(["default<br>bridge"])',
      '  n2["b<br>y"]',
      '  n0 --- n1',
      '  n0 --> n2',
      '  n2 --- n1',
      '',
    ].join('\n'));
  });
});
