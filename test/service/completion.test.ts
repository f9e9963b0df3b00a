import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ComposeMode, Span } from '../../server/src/service/index';
import { expectJson, fixtureCases, lineColumn } from '../support/expect';
import { CURSOR, parseMarkers } from '../support/markers';
import { checkCompletion, service } from '../support/service';

interface Case {
  readonly name: string;
  readonly marked: string;
  readonly includes?: readonly string[];
  readonly excludes?: readonly string[];
  readonly mode?: ComposeMode;
  readonly trigger?: string;
}

const WEB = 'services:\n  web:\n    image: nginx\n';
const DB = '  db:\n    image: postgres\n';
const ENUMS = {
  restart: ['no', 'always', 'on-failure', 'unless-stopped'],
  deployMode: ['replicated', 'global', 'replicated-job', 'global-job'],
};

const cases: readonly Case[] = [
  // Keys from the schema, minus those present.
  { name: 'service keys', marked: WEB + '    <|>\n', includes: ['ports', 'networks', 'deploy', 'healthcheck', 'depends_on'], excludes: ['image', 'driver'] },
  { name: 'service keys in a stack file', marked: WEB + '    <|>\n', includes: ['ports', 'deploy', 'healthcheck'], excludes: ['profiles', 'pull_policy', 'scale'], mode: 'stack' },
  { name: 'ipam config keys in a stack file', marked: 'networks:\n  back:\n    ipam:\n      config:\n        - <|>\n', includes: ['subnet'], excludes: ['gateway', 'ip_range'], mode: 'stack' },
  { name: 'half-typed key below a key', marked: WEB + '    por<|>\n', includes: ['ports'], excludes: ['image'] },
  { name: 'half-typed first key of a service', marked: 'services:\n  web:\n    ima<|>\n' + DB, includes: ['image', 'build'] },
  { name: 'top-level keys', marked: WEB + '<|>\n', includes: ['networks', 'volumes', 'secrets', 'configs'], excludes: ['services', 'version'] },
  { name: 'empty file', marked: '<|>', includes: ['services', 'networks'] },
  { name: 'half-typed top-level key', marked: 'serv<|>', includes: ['services'] },
  { name: 'deploy keys', marked: WEB + '    deploy:\n      <|>\n', includes: ['mode', 'replicas', 'endpoint_mode', 'placement', 'resources', 'restart_policy', 'update_config', 'rollback_config', 'labels'] },
  { name: 'deploy keys not repeated', marked: WEB + '    deploy:\n      mode: global\n      <|>\n', includes: ['replicas'], excludes: ['mode'] },
  { name: 'network keys', marked: 'networks:\n  back:\n    <|>\n', includes: ['driver', 'ipam', 'attachable', 'internal', 'external'] },
  { name: 'ipam config keys', marked: 'networks:\n  back:\n    ipam:\n      config:\n        - subnet: 10.1.0.0/24\n          <|>\n', includes: ['gateway', 'ip_range', 'aux_addresses'], excludes: ['subnet'] },
  { name: 'first key of a new ipam config item', marked: 'networks:\n  back:\n    ipam:\n      config:\n        - <|>\n', includes: ['subnet', 'gateway', 'ip_range'] },
  { name: 'long port keys', marked: WEB + '    ports:\n      - target: 80\n        <|>\n', includes: ['published', 'protocol', 'mode', 'host_ip'], excludes: ['target'] },
  { name: 'merged keys count as present', marked: 'x-base: &base\n  image: nginx\nservices:\n  web:\n    <<: *base\n    <|>\n', includes: ['ports'], excludes: ['image'] },
  { name: 'keys in a flow mapping', marked: WEB + '    healthcheck: {interval: 10s, <|>}\n', includes: ['timeout', 'retries'], excludes: ['interval'] },
  // Snippets.
  { name: 'service snippet', marked: WEB + '  <|>\n', includes: ['service'] },
  { name: 'network snippet', marked: 'networks:\n  <|>\n', includes: ['network with subnet'] },
  { name: 'deploy and healthcheck snippets', marked: WEB + '    <|>\n', includes: ['deploy (restart + rolling update)', 'healthcheck'] },
  // Enum values and booleans.
  { name: 'network driver', marked: 'networks:\n  back:\n    driver: <|>\n', includes: ['bridge', 'overlay', 'macvlan', 'ipvlan'], excludes: ['host'] },
  { name: 'network driver, half typed', marked: 'networks:\n  back:\n    driver: ov<|>\n', includes: ['overlay'] },
  { name: 'restart', marked: WEB + '    restart: <|>\n', includes: ENUMS.restart },
  { name: 'restart_policy condition', marked: WEB + '    deploy:\n      restart_policy:\n        condition: <|>\n', includes: ['none', 'on-failure', 'any'] },
  { name: 'update failure_action', marked: WEB + '    deploy:\n      update_config:\n        failure_action: <|>\n', includes: ['continue', 'rollback', 'pause'] },
  { name: 'rollback failure_action', marked: WEB + '    deploy:\n      rollback_config:\n        failure_action: <|>\n', includes: ['continue', 'pause'], excludes: ['rollback'] },
  { name: 'update order', marked: WEB + '    deploy:\n      update_config:\n        order: <|>\n', includes: ['stop-first', 'start-first'] },
  { name: 'deploy mode', marked: WEB + '    deploy:\n      mode: <|>\n', includes: ENUMS.deployMode },
  { name: 'endpoint_mode', marked: WEB + '    deploy:\n      endpoint_mode: <|>\n', includes: ['vip', 'dnsrr'] },
  { name: 'port protocol', marked: WEB + '    ports:\n      - target: 80\n        protocol: <|>\n', includes: ['tcp', 'udp', 'sctp'] },
  { name: 'port mode', marked: WEB + '    ports:\n      - target: 80\n        mode: <|>\n', includes: ['ingress', 'host'] },
  { name: 'pull_policy', marked: WEB + '    pull_policy: <|>\n', includes: ['always', 'never', 'missing', 'build'] },
  { name: 'depends_on condition', marked: 'services:\n  web:\n    depends_on:\n      db:\n        condition: <|>\n' + DB, includes: ['service_started', 'service_healthy', 'service_completed_successfully'] },
  { name: 'schema enum', marked: WEB + '    cgroup: <|>\n', includes: ['host', 'private'] },
  { name: 'booleans', marked: 'networks:\n  back:\n    internal: <|>\n', includes: ['true', 'false'] },
  { name: 'no values for free text', marked: WEB + '    hostname: <|>\n', excludes: ['true'] },
  { name: 'driver options of the driver', marked: 'networks:\n  lan:\n    driver: macvlan\n    driver_opts:\n      <|>\n', includes: ['parent', 'macvlan_mode', 'com.docker.network.enable_ipv4'], excludes: ['ipvlan_mode', 'encrypted'] },
  { name: 'overlay options in a stack file', marked: 'networks:\n  mesh:\n    driver_opts:\n      <|>\n', includes: ['encrypted'], excludes: ['parent'], mode: 'stack' },
  { name: 'driver option values', marked: 'networks:\n  lan:\n    driver: macvlan\n    driver_opts:\n      macvlan_mode: <|>\n', includes: ['bridge', 'vepa', 'passthru', 'private'] },
  // References.
  { name: 'depends_on short form', marked: 'services:\n  web:\n    depends_on:\n      - <|>\n' + DB + '  cache:\n    image: redis\n', includes: ['db', 'cache'], excludes: ['web'] },
  { name: 'depends_on flow list', marked: 'services:\n  web:\n    depends_on: [<|>]\n' + DB, includes: ['db'] },
  { name: 'depends_on long form keys', marked: 'services:\n  web:\n    depends_on:\n      db:\n        condition: service_started\n      <|>\n' + DB + '  cache:\n    image: redis\n', includes: ['cache'], excludes: ['db', 'web'] },
  { name: 'depends_on with nothing under it', marked: 'services:\n  web:\n    depends_on:\n      <|>\n' + DB, includes: ['db'] },
  { name: 'links', marked: 'services:\n  web:\n    links:\n      - <|>\n' + DB, includes: ['db'] },
  { name: 'extends.service', marked: 'services:\n  web:\n    extends:\n      service: <|>\n' + DB, includes: ['db'] },
  { name: 'network_mode', marked: 'services:\n  web:\n    network_mode: <|>\n' + DB, includes: ['host', 'none', 'bridge', 'service:db', 'container:'], excludes: ['service:web'] },
  { name: 'network_mode half typed', marked: 'services:\n  web:\n    network_mode: "service:<|>"\n' + DB, includes: ['service:db'] },
  { name: 'service networks, list form', marked: WEB + '    networks:\n      - front\n      - <|>\nnetworks:\n  front: {}\n  back: {}\n', includes: ['back'], excludes: ['front'] },
  { name: 'service networks, map form', marked: WEB + '    networks:\n      front:\n      <|>\nnetworks:\n  front: {}\n  back: {}\n', includes: ['back'], excludes: ['front'] },
  { name: 'service networks, nothing under it', marked: WEB + '    networks:\n      <|>\nnetworks:\n  back: {}\n', includes: ['back'] },
  { name: 'volumes', marked: WEB + '    volumes:\n      - <|>\nvolumes:\n  data: {}\n', includes: ['data:'] },
  { name: 'secrets', marked: WEB + '    secrets:\n      - <|>\nsecrets:\n  token:\n    file: ./token\n', includes: ['token'] },
  { name: 'secret long form source', marked: WEB + '    secrets:\n      - source: <|>\nsecrets:\n  token:\n    file: ./token\n', includes: ['token'] },
  { name: 'configs', marked: WEB + '    configs:\n      - <|>\nconfigs:\n  app:\n    file: ./app.conf\n', includes: ['app'] },
  // Smart values.
  { name: 'placement constraints', marked: WEB + '    deploy:\n      placement:\n        constraints:\n          - <|>\n', includes: ['node.role == manager', 'node.role == worker', 'node.labels.<key> == <value>'] },
  { name: 'placement preference', marked: WEB + '    deploy:\n      placement:\n        preferences:\n          - spread: <|>\n', includes: ['node.labels.<key>'] },
  { name: 'ports with nothing under it', marked: WEB + '    ports:\n      <|>\n', includes: ['"8080:80"', '"127.0.0.1:8080:80"', 'target/published (long syntax)'] },
  { name: 'ports in a flow list', marked: WEB + '    ports: [<|>]\n', includes: ['"8080:80"'] },
  { name: 'port entries suggest a free host port', marked: WEB + '    ports:\n      - "8080:80"\n  api:\n    image: api\n    ports:\n      - <|>\n', includes: ['"8081:80"', '"127.0.0.1:8081:80"'], excludes: ['"8080:80"'] },
  { name: 'no loopback port entry in a stack file', marked: WEB + '    ports:\n      - <|>\n', includes: ['"8080:80"'], excludes: ['"127.0.0.1:8080:80"'], mode: 'stack' },
  { name: 'free published port', marked: WEB + '    ports:\n      - "8080:80"\n      - target: 81\n        published: <|>\n', includes: ['8081'] },
  { name: 'free udp published port', marked: WEB + '    ports:\n      - "8080:80"\n      - target: 81\n        protocol: udp\n        published: <|>\n', includes: ['8080'] },
  { name: 'free subnet', marked: 'networks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.16.0.0/24\n  b:\n    ipam:\n      config:\n        - subnet: <|>\n', includes: ['172.16.1.0/24'], excludes: ['172.16.0.0/24'] },
  { name: 'free IPv6 subnet when IPv6 is on', marked: 'networks:\n  b:\n    enable_ipv6: true\n    ipam:\n      config:\n        - subnet: <|>\n', includes: ['fd00::/64'] },
  // Broken documents.
  { name: 'YAML error further down', marked: WEB + '    restart: <|>\n  db:\n    image: [postgres\n    ports: : :\n', includes: ENUMS.restart },
  { name: 'after an unterminated quote', marked: 'services:\n  web:\n    image: "nginx\n    deploy:\n      mode: <|>\n', includes: ENUMS.deployMode },
  { name: 'inside an unterminated flow list', marked: 'services:\n  web:\n    depends_on: [db, <|>\n' + DB + '  cache:\n    image: redis\n', includes: ['cache'] },
  { name: 'tab-broken line below', marked: WEB + '    deploy:\n      <|>\n\t\tbad: [\n', includes: ['replicas'] },
  // Trigger characters: answer after `key: ` and `- `, stay quiet while indenting or inside values.
  { name: 'space after a key', marked: WEB + '    restart: <|>\n', includes: ['always'], trigger: ' ' },
  { name: 'space after a dash', marked: 'services:\n  web:\n    depends_on:\n      - <|>\n' + DB, includes: ['db'], trigger: ' ' },
  { name: 'colon right after a key', marked: WEB + '    restart:<|>\n', includes: ['always'], trigger: ':' },
  { name: 'space while indenting', marked: WEB + '    <|>\n', excludes: ['ports'], trigger: ' ' },
  { name: 'colon inside a port value', marked: WEB + '    ports:\n      - "80:<|>"\n', excludes: ['"8080:80"'], trigger: ':' },
];

/**
 * Every item at every `<|>` of a fixture, in full (spans as `line:col`), so that a change to how items
 * are computed (schema walks, documentation, references) cannot alter what clients get unnoticed.
 */
function renderCompletions(marked: string, mode: ComposeMode): unknown {
  const parts = marked.split(CURSOR);
  const text = parts.join('');
  const doc = service.parse(text, mode);
  const span = ({ start, end }: Span) => `${lineColumn(doc, start)}-${lineColumn(doc, end)}`;
  let offset = 0;
  return parts.slice(0, -1).map((part) => {
    offset += part.length;
    return { at: lineColumn(doc, offset), items: service.completion(doc, offset).map((item) => ({ ...item, span: span(item.span) })) };
  });
}

/** Every folder under test/fixtures/completion holds a compose.yaml (or docker-stack.yml) with cursors and the items expected at each. */
describe('completion fixtures', () => {
  for (const { name, file, mode, expected } of fixtureCases('completion')) {
    it(name, () => expectJson(expected, renderCompletions(readFileSync(file, 'utf8'), mode)));
  }
});

describe('completion', () => {
  for (const { name, marked, includes, excludes, mode, trigger } of cases) {
    it(name, () => {
      checkCompletion(marked, { ...(includes ? { includes } : {}), ...(excludes ? { excludes } : {}) }, { ...(mode ? { mode } : {}), ...(trigger ? { trigger } : {}) });
    });
  }

  it('inserts keys with their value shape and documents them', () => {
    const items = checkCompletion(WEB + '    <|>\n', { includes: ['ports', 'deploy', 'restart'] });
    const byLabel = new Map(items.map((item) => [item.label, item]));
    assert.equal(byLabel.get('ports')!.insertText, 'ports:\n  - $0');
    assert.equal(byLabel.get('deploy')!.insertText, 'deploy:\n  $0');
    assert.equal(byLabel.get('restart')!.insertText, 'restart: $0');
    assert.match(byLabel.get('deploy')!.documentation!, /docker compose up/);
    assert.equal(byLabel.get('restart')!.detail, 'string');
  });

  it('replaces the word typed so far, and only the name when a colon follows', () => {
    const marked = WEB + '    deploy:\n      mo<|>de: global\n';
    const { text } = parseMarkers(marked);
    const mode = checkCompletion(marked, { includes: ['mode'] }).find((item) => item.label === 'mode')!;
    assert.equal(text.slice(mode.span.start, mode.span.end), 'mode');
    assert.equal(mode.insertText, 'mode');
  });

  it('replaces the whole value and quotes YAML 1.1 booleans', () => {
    const marked = WEB + '    restart: alw<|>ays\n';
    const { text } = parseMarkers(marked);
    const items = checkCompletion(marked, { includes: ['no'] });
    const no = items.find((item) => item.label === 'no')!;
    assert.equal(no.insertText, '"no"');
    assert.equal(text.slice(no.span.start, no.span.end), 'always');
  });

  it('matches a quoted value including its opening quote', () => {
    const items = checkCompletion('services:\n  web:\n    network_mode: "service:<|>"\n' + DB, { includes: ['service:db'] });
    assert.equal(items.find((item) => item.label === 'service:db')!.filterText, '"service:db');
  });

  it('puts a free subnet into the network snippet', () => {
    const items = checkCompletion('networks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.16.0.0/24\n  <|>\n', { includes: ['network with subnet'] });
    assert.match(items[0]!.insertText, /subnet: \$\{3:172\.16\.1\.0\/24\}/);
  });

  it('adds the space after a colon trigger and the dash under an empty list key', () => {
    const colon = checkCompletion(WEB + '    restart:<|>\n', { includes: ['always'] }, { trigger: ':' });
    assert.equal(colon.find((item) => item.label === 'always')!.insertText, ' always');
    const dash = checkCompletion('services:\n  web:\n    depends_on:\n      <|>\n' + DB, { includes: ['db'] });
    assert.equal(dash.find((item) => item.label === 'db')!.insertText, '- db');
  });
});
