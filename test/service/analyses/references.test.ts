import * as assert from 'node:assert/strict';
import { applyFix, fixesAt } from '../../support/fixes';
import { checkFindings, findingsOf } from '../../support/service';

const UNDEFINED = ['network-undefined', 'volume-undefined', 'secret-undefined', 'config-undefined', 'depends-on-undefined', 'links-undefined', 'network-mode-service-undefined', 'ipc-service-undefined', 'pid-service-undefined', 'volumes-from-undefined', 'extends-undefined'];

import { MAX_FINDINGS } from '../../../server/src/service/features/diagnostics';

describe('references: undefined names', () => {
  it('reports undefined networks in list and map form, with a suggestion, but not `default`', () => {
    checkFindings(
      'services:\n  web:\n    image: x\n    networks: [⟦bak⟧, default, front]\n  api:\n    image: x\n    networks:\n      "⟦frnt⟧":\n        aliases: [a]\nnetworks:\n  back: {}\n  front: {}\n',
      UNDEFINED,
      { messages: ["Service 'web' refers to network 'bak', which is not declared under top-level 'networks'. Did you mean 'back'?", "Service 'api' refers to network 'frnt', which is not declared under top-level 'networks'. Did you mean 'front'?"] },
    );
  });

  it('reads named volumes in short and long form and ignores bind mounts and anonymous volumes', () => {
    checkFindings(
      'services:\n  db:\n    image: x\n    volumes:\n      - ⟦dta⟧:/var/lib/data\n      - "⟦logs⟧:/logs:ro"\n      - ./data:/x\n      - /abs:/y\n      - ~/home:/z\n      - /anonymous\n      - type: volume\n        source: ⟦cache⟧\n        target: /cache\n      - type: bind\n        source: other\n        target: /other\n      - type: volume\n        target: /anon\nvolumes:\n  data: {}\n',
      UNDEFINED,
    );
  });

  it('reads secrets and configs in short and long form, and build secrets', () => {
    checkFindings(
      'services:\n  web:\n    image: x\n    build:\n      context: .\n      secrets: [⟦npmrc⟧]\n    secrets:\n      - ⟦token⟧\n      - source: ⟦key⟧\n        target: /k\n      - ok\n    configs:\n      - ⟦conf⟧\n      - source: ⟦other⟧\nsecrets:\n  ok: {file: ./ok}\n',
      UNDEFINED,
    );
  });

  it('reads every way a service names another service', () => {
    checkFindings(
      [
        'services:',
        '  a:',
        '    image: x',
        '    depends_on: [⟦nope⟧, b]',
        '    links: [⟦gone⟧, "⟦lost⟧:alias", "b:alias"]',
        '    volumes_from: [⟦vf⟧, "⟦service⟧:b", "container:c1", "b:ro"]',
        '  b:',
        '    image: x',
        '    depends_on:',
        '      ⟦missing⟧: {condition: service_started}',
        '      ⟦optional⟧: {condition: service_started, required: false}',
        '    network_mode: "service:⟦nobody⟧"',
        '  c:',
        '    extends: ⟦base⟧',
        '  d:',
        '    extends: {service: ⟦base2⟧}',
        '  e:',
        '    extends: {file: other.yml, service: elsewhere}',
        '    network_mode: container:abc',
        '    ipc: service:⟦shm⟧',
        '    pid: "service:⟦init⟧"',
        '  f:',
        '    image: x',
        '    ipc: host',
        '    pid: service:a',
        '',
      ].join('\n'),
      UNDEFINED,
    );
  });

  it('explains that volumes_from has no service: prefix (Compose reads it as a service named service)', () => {
    const [finding] = findingsOf('services:\n  a:\n    image: x\n    volumes_from: ["service:b"]\n  b:\n    image: x\n', 'compose', UNDEFINED);
    assert.equal(finding!.message, "Service 'a' mounts volumes from 'service', which is not a service in this file: 'volumes_from' takes the service name alone ('db' or 'db:ro'), not 'service:db'.");
  });

  it('does not judge interpolated names', () => {
    assert.deepEqual(findingsOf('services:\n  web:\n    image: x\n    networks: ["${NET}"]\n    volumes: ["${VOL:-data}:/x"]\n    depends_on: [$DEP]\n', 'compose', UNDEFINED), []);
  });

  it('reports a name written in an anchor once, with every use site', () => {
    const [finding, ...rest] = checkFindings(
      'x-net: &net\n  networks: [⟦bak⟧]\nservices:\n  a:\n    image: x\n    <<: *net\n  b:\n    image: x\n    <<: *net\nnetworks:\n  back: {}\n',
      UNDEFINED,
    );
    assert.equal(rest.length, 0);
    assert.deepEqual(finding!.related?.map((r) => r.message), ["Used here by service 'a'", "Used here by service 'b'"]);
  });

  it('reports service references in compose mode only (`docker stack deploy` ignores them)', () => {
    const text = 'services:\n  a:\n    image: x\n    depends_on: [nope]\n    networks: [nonet]\n';
    assert.deepEqual(findingsOf(text, 'stack', UNDEFINED).map((f) => f.code), ['network-undefined']);
  });

  it('downgrades to a warning in a file that is evidently part of a multi-file set-up', () => {
    // No top-level `networks` at all: the network is declared in another file.
    const [fragment] = findingsOf('services:\n  a:\n    image: x\n    networks: [elk]\n    depends_on: [db]\n', 'compose', UNDEFINED);
    assert.equal(fragment!.severity, 'warning');
    assert.match(fragment!.message, /only if another Compose file merged with this one declares it/);
    // An override entry (no image, build or extends) may name what another file declares; another
    // service's references keep their error (issue 13 item 9).
    assert.deepEqual(findingsOf('services:\n  a:\n    ports: ["80:80"]\n    depends_on: [db]\n  b:\n    image: x\n    depends_on: [db]\n', 'compose', UNDEFINED).map((f) => f.severity), ['warning', 'error']);
    // A service that lost its image to a typo is no override entry.
    assert.deepEqual(findingsOf('services:\n  a:\n    imgae: nginx\n    depends_on: [databse]\n', 'compose', UNDEFINED).map((f) => f.severity), ['error']);
    // A self-contained file keeps the error.
    assert.deepEqual(findingsOf('services:\n  a:\n    image: x\n    networks: [elk]\nnetworks:\n  other: {}\n', 'compose', UNDEFINED).map((f) => f.severity), ['error']);
  });
});

describe('references: quick fixes', () => {
  it('replaces a misspelt name with the declared one (preferred)', () => {
    assert.equal(applyFix('services:\n  web:\n    image: x\n    networks: [b<|>ak]\nnetworks:\n  back: {}\n', 'network-undefined'), 'services:\n  web:\n    image: x\n    networks: [back]\nnetworks:\n  back: {}\n');
    assert.equal(applyFix('services:\n  web:\n    image: x\n    depends_on: ["d<|>bb"]\n  db:\n    image: y\n', 'depends-on-undefined'), 'services:\n  web:\n    image: x\n    depends_on: ["db"]\n  db:\n    image: y\n');
  });

  it('declares the missing name in the existing section, at its indentation', () => {
    const marked = 'services:\n    web:\n        image: x\n        networks: [<|>front]\nnetworks:\n    back:\n        driver: bridge\n';
    assert.equal(
      applyFix(marked, 'network-undefined', "Declare network 'front' under top-level 'networks'"),
      'services:\n    web:\n        image: x\n        networks: [front]\nnetworks:\n    back:\n        driver: bridge\n    front: {}\n',
    );
    assert.equal(
      applyFix(marked, 'network-undefined', "Declare network 'front' as external (created outside this file)"),
      'services:\n    web:\n        image: x\n        networks: [front]\nnetworks:\n    back:\n        driver: bridge\n    front: {external: true}\n',
    );
  });

  it('creates the section when it is missing or empty, and fills a flow mapping', () => {
    assert.equal(
      applyFix('services:\n  web:\n    image: x\n    volumes: [<|>data:/d]', 'volume-undefined', "Declare volume 'data' under top-level 'volumes'"),
      'services:\n  web:\n    image: x\n    volumes: [data:/d]\nvolumes:\n  data: {}\n',
    );
    assert.equal(
      applyFix('services:\n  web:\n    image: x\n    secrets: [<|>token]\nsecrets:\nconfigs: {}\n', 'secret-undefined', "Declare secret 'token' under top-level 'secrets'"),
      'services:\n  web:\n    image: x\n    secrets: [token]\nsecrets:\n  token: {file: ./token}\nconfigs: {}\n',
    );
    assert.equal(
      applyFix('services:\n  web:\n    image: x\n    configs: [<|>conf]\nconfigs: {a: {file: ./a}}\n', 'config-undefined', "Declare config 'conf' as external (created outside this file)"),
      'services:\n  web:\n    image: x\n    configs: [conf]\nconfigs: {a: {file: ./a}, conf: {external: true}}\n',
    );
  });

  it('offers no declaration for services and no replacement without a close name', () => {
    assert.deepEqual(fixesAt('services:\n  web:\n    image: x\n    depends_on: [<|>zzzzzz]\n  db:\n    image: y\n', 'depends-on-undefined').actions, []);
  });
});

describe('references: unused networks', () => {
  it('reports declared networks no service uses', () => {
    checkFindings('services:\n  web:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n  ⟦back⟧: {}\n', ['network-unused']);
  });

  it('counts the implicit use of a customised default network', () => {
    checkFindings('services:\n  web:\n    image: x\nnetworks:\n  default: {name: shared}\n', ['network-unused']);
    checkFindings('services:\n  web:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n  ⟦default⟧: {name: shared}\n', ['network-unused']);
    checkFindings('services:\n  web:\n    image: x\n    network_mode: host\nnetworks:\n  ⟦default⟧: {name: shared}\n', ['network-unused']);
  });

  it('stays quiet in networks-only fragments, partial files and with interpolated attachments', () => {
    checkFindings('networks:\n  shared: {external: true}\n', ['network-unused']);
    checkFindings('services:\n  web:\n    ports: ["80:80"]\nnetworks:\n  front: {}\n', ['network-unused']);
    checkFindings('services:\n  web:\n    image: x\n    networks: ["${NET}"]\nnetworks:\n  front: {}\n', ['network-unused']);
  });

  it('is tagged unnecessary', () => {
    assert.deepEqual(findingsOf('services:\n  web:\n    image: x\nnetworks:\n  n: {}\n', 'compose', ['network-unused'])[0]!.tags, ['unnecessary']);
  });
});

describe('references: dependency cycles', () => {
  it('reports every edge of a cycle with the path', () => {
    checkFindings('services:\n  a:\n    image: x\n    depends_on: [⟦b⟧]\n  b:\n    image: x\n    depends_on:\n      ⟦a⟧: {condition: service_started}\n  c:\n    image: x\n    depends_on: [a]\n', ['depends-on-cycle'], {
      messages: ['Dependency cycle: a -> b -> a. Compose cannot decide which service to start first.', 'Dependency cycle: a -> b -> a. Compose cannot decide which service to start first.'],
    });
  });

  it('follows links, network_mode and volumes_from, and finds self-dependencies through anchors', () => {
    checkFindings('services:\n  a:\n    image: x\n    links: ["⟦b⟧:alias"]\n  b:\n    image: x\n    network_mode: "service:⟦c⟧"\n  c:\n    image: x\n    volumes_from: ["⟦a⟧:ro"]\n', ['depends-on-cycle']);
    const [self] = checkFindings('x-links: &links\n  links: [⟦foo⟧]\nservices:\n  foo:\n    image: x\n    <<: *links\n  bar:\n    image: x\n    <<: *links\n', ['depends-on-cycle']);
    assert.equal(self!.message, 'Dependency cycle: foo -> foo. Compose cannot decide which service to start first.');
    assert.equal(self!.related?.[0]?.message, "Used here by service 'foo'");
  });

  it('ignores acyclic graphs, container: targets and stack files', () => {
    checkFindings('services:\n  a:\n    image: x\n    depends_on: [b, c]\n  b:\n    image: x\n    depends_on: [c]\n  c:\n    image: x\n    volumes_from: ["container:a"]\n', ['depends-on-cycle']);
    assert.deepEqual(findingsOf('services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n', 'stack', ['depends-on-cycle']), []);
  });

  it('handles a 5,000-service chain without deep recursion', () => {
    const lines = ['services:'];
    for (let i = 0; i < 5000; i++) lines.push(`  s${i}:`, '    image: x', `    depends_on: [s${(i + 1) % 5000}]`);
    const cycles = findingsOf(lines.join('\n') + '\n', 'compose', ['depends-on-cycle']);
    assert.equal(cycles.length, MAX_FINDINGS, 'one per service, up to the findings cap');
    assert.equal(cycles[0]!.message, 'Dependency cycle: s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> s6 -> … -> s4999 -> s0 (5000 services). Compose cannot decide which service to start first.');
  });
});

describe('references: extends cycles', () => {
  it('reports each extends of a cycle, in both forms, with the chain (issue 19 item 4)', () => {
    checkFindings('services:\n  a:\n    image: x\n    extends: ⟦b⟧\n  b:\n    extends: {service: ⟦a⟧}\n  c:\n    extends: a\n', ['extends-cycle'], {
      messages: ['Circular reference in extends: a → b → a. Compose refuses the file.', 'Circular reference in extends: a → b → a. Compose refuses the file.'],
    });
  });

  it('reports a service that extends itself, and points at the next step', () => {
    const [self] = checkFindings('services:\n  c:\n    image: x\n    extends: ⟦c⟧\n', ['extends-cycle'], { messages: ['Circular reference in extends: c → c. Compose refuses the file.'] });
    assert.equal(self!.related, undefined);
    const [first] = checkFindings('services:\n  a:\n    extends: ⟦b⟧\n  b:\n    extends:\n      service: ⟦a⟧\n', ['extends-cycle']);
    assert.deepEqual(first!.related?.map((r) => r.message), ["'b' extends 'a'"]);
  });

  it('ignores chains that end, extends through another file, and stack files', () => {
    checkFindings('services:\n  a:\n    image: x\n  b:\n    extends: a\n  c:\n    extends: {service: b}\n  d:\n    extends: {file: other.yaml, service: d}\n', ['extends-cycle']);
    assert.deepEqual(findingsOf('services:\n  a:\n    extends: a\n', 'stack', ['extends-cycle']), []);
  });
});
