/**
 * Stack or Compose (server/src/service/mode/): the decision from setting, modeline, name and content,
 * the note when the content contradicts the name, and the modeline's hover and quick fixes.
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_STACK_PATTERNS, mayBeStackFile, stackModeFor, type ModeChoice } from '../../server/src/service/index';
import { COMPOSE_ONLY_SERVICE_KEYS } from '../../server/src/service/mode/evidence';
import { applyFix, fixesAt } from '../support/fixes';
import { checkFindings, checkHover, ROOT, schema, service } from '../support/service';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const SWARM = 'services:\n  web:\n    image: nginx\n    deploy:\n      mode: global\n      placement: {constraints: [node.role == manager]}\n';
const COMPOSE = 'services:\n  web:\n    image: nginx\n    profiles: [debug]\n    depends_on:\n      db: {condition: service_healthy}\n  db:\n    image: postgres\n';
const NEUTRAL = 'version: "3.8"\nservices:\n  web:\n    image: nginx\n    ports: ["80:80"]\n';

describe('stack mode detection', () => {
  // Real file names (the repository they come from in the comment) with the content they carry.
  const cases: [path: string, text: string, mode: 'stack' | 'compose', source: string][] = [
    ['/r/example-voting-app/docker-stack.yml', NEUTRAL, 'stack', 'name'], // dockersamples/example-voting-app
    ['/r/cli/e2e/stack/testdata/stack-with-named-resources.yml', NEUTRAL, 'stack', 'name'], // docker/cli
    ['/r/app/stack.yml', NEUTRAL, 'stack', 'name'],
    ['/r/app/prod.stack.yaml', NEUTRAL, 'stack', 'name'],
    ['C:\\r\\app\\docker-stack.prod.yml', NEUTRAL, 'stack', 'name'],
    ['/r/app/compose.yaml', NEUTRAL, 'compose', 'name'],
    ['/r/app/docker-compose.override.yml', SWARM, 'compose', 'name'], // the name wins; a note says so
    ['/r/swarmprom/test-compose.yml', SWARM, 'stack', 'content'], // stefanprodan/swarmprom
    ['/r/container.training/stacks/dockercoins+gelf.yml', SWARM.replace('image: nginx', 'image: x\n    build: .'), 'stack', 'content'], // jpetazzo: build kept for `docker compose build`
    ['/r/fastapi/full-stack.yml', 'services:\n  web:\n    extends: {file: base.yml, service: web}\n', 'compose', 'content'],
    ['/r/kafka/kafka-stack.yml', COMPOSE, 'compose', 'content'],
    ['/r/kafka/kafka-stack.yml', NEUTRAL, 'compose', 'default'], // nothing says stack: the lenient reading
    ['/r/mixed/app.yml', SWARM + '    profiles: [x]\n', 'compose', 'default'], // both kinds of keys: undecided
    ['/r/app/stack.json', NEUTRAL, 'compose', 'default'],
    ['/r/app/docker-compose.yml', `# shipshape: stack\n${NEUTRAL}`, 'stack', 'modeline'],
    ['/r/app/docker-stack.yml', `# licence header\n\n---\n# shipshape: compose\n${COMPOSE}`, 'compose', 'modeline'],
    ['/r/app/docker-stack.yml', `services: {}\n# shipshape: compose\n`, 'stack', 'name'], // after the first key it is an ordinary comment
    ['/r/app/docker-compose.yml', `# shipshape: swarm\n${NEUTRAL}`, 'compose', 'name'], // names no mode
  ];
  for (const [file, text, mode, source] of cases) {
    it(`${file} (${text.split('\n')[0]}) is a ${mode} file, by ${source}`, () => {
      const doc = service.parse(text, { path: file });
      assert.deepEqual([doc.mode, doc.modeSource], [mode, source]);
    });
  }

  it('gives the caller and a user-set stack pattern the last word', () => {
    assert.deepEqual(pick(`# shipshape: compose\n${COMPOSE}`, 'stack'), ['stack', 'given']);
    assert.deepEqual(pick(`# shipshape: compose\n${NEUTRAL}`, stackModeFor('/w/deploy/prod.yml', undefined, ['**/deploy/*.yml'])), ['stack', 'setting']);
    assert.deepEqual(pick(NEUTRAL, stackModeFor('/w/prod.yml', undefined, ['**/deploy/*.yml'])), ['compose', 'default']);
    // A pattern that does not match leaves the rest to the modeline, the name and the content.
    assert.deepEqual(pick(NEUTRAL, stackModeFor('/w/docker-stack.yml', undefined, ['**/deploy/*.yml'])), ['stack', 'name']);
    assert.deepEqual(pick(NEUTRAL, stackModeFor('/w/swarm.yml', undefined, ['swarm.{yml,yaml}'])), ['stack', 'setting']);
  });

  it('hands every name with "stack" in it to Shipshape', () => {
    for (const file of ['/w/kafka-stack.yml', '/w/full-stack.yaml', '/w/docker-stack.yml', ...DEFAULT_STACK_PATTERNS.map((p) => `/w/${p.replace('**/', '').replace('*', 'x').replace('{yml,yaml}', 'yml')}`)]) assert.ok(mayBeStackFile(file), file);
    for (const file of ['/w/prod.yml', '/w/stack.json', '/stack/app.yml']) assert.ok(!mayBeStackFile(file), file);
  });

  it('counts as Compose-only exactly the service keys compose-go defines and the v3.13 stack schema lacks', () => {
    const stack = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'stack', 'config_schema_v3.13.json'), 'utf8')) as { definitions: { service: { properties: object } } };
    const compose = (schema as { $defs: { service: { properties: object } } }).$defs.service.properties;
    const expected = Object.keys(compose).filter((key) => !(key in stack.definitions.service.properties));
    assert.deepEqual([...COMPOSE_ONLY_SERVICE_KEYS].sort(), expected.sort());
  });
});

describe('mode notes', () => {
  it('notes once, at the top, a Compose-named file that only Swarm would read, and offers the modeline', () => {
    checkFindings(`⟦services⟧:\n  web:\n    image: nginx\n    deploy:\n      mode: global\n      placement: {constraints: [node.role == manager]}\n  db:\n    image: pg\n    deploy: {update_config: {parallelism: 1}}\n  ui:\n    image: ui\n    deploy: {endpoint_mode: dnsrr}\nnetworks:\n  net: {driver: overlay}\n`, ['mode-contradicted'], {
      mode: { path: '/r/swarmprom/docker-compose.yml' },
      messages: [
        "Checked as a Compose file because of its name, yet it uses keys only docker stack deploy reads (deploy.mode: global in service 'web', deploy.placement in service 'web', deploy.update_config in service 'db' and 2 more); docker compose ignores them. If this file is deployed with docker stack deploy, add '# shipshape: stack' as its first line.",
      ],
    });
    const fixed = applyFix(`<|>${SWARM}`, 'mode-contradicted', undefined, { path: '/r/docker-compose.yml' });
    assert.equal(fixed, `# shipshape: stack\n${SWARM}`);
    assert.deepEqual(service.parse(fixed, { path: '/r/docker-compose.yml' }).modeSource, 'modeline');
    // Not preferred: `shipshape check --fix` must not change how a file is checked.
    assert.deepEqual(fixesAt(`<|>${SWARM}`, 'mode-contradicted', { path: '/r/docker-compose.yml' }).actions.map((a) => a.isPreferred), [undefined]);
  });

  it('notes a stack-named file of Compose-only keys', () => {
    checkFindings(`⟦services⟧:\n  web:\n    image: nginx\n    profiles: [debug]\nname: shop\n`, ['mode-contradicted'], {
      mode: { path: '/r/docker-stack.yml' },
      messages: ["Checked as a stack file because of its name, yet docker stack deploy refuses its Compose-only keys (top-level 'name', 'profiles' in service 'web'). If this file is run with docker compose, add '# shipshape: compose' as its first line."],
    });
    assert.equal(applyFix(`<|>${COMPOSE}`, 'mode-contradicted', undefined, { path: '/r/docker-stack.yml' }), `# shipshape: compose\n${COMPOSE}`);
  });

  it('stays silent where the content agrees, is mixed, builds, or the mode was chosen on purpose', () => {
    const silent: [string, ModeChoice][] = [
      [SWARM, { path: '/r/docker-stack.yml' }],
      [COMPOSE, { path: '/r/compose.yaml' }],
      [SWARM + '    profiles: [x]\n', { path: '/r/compose.yaml' }], // both tools' keys (compose-go's using-variables.yaml)
      [SWARM.replace('image: nginx', 'image: x\n    build: .'), { path: '/r/docker-compose.yml' }], // builds: a Compose workflow
      [`# shipshape: compose\n${SWARM}`, { path: '/r/docker-compose.yml' }],
      [SWARM, { path: '/r/deploy/docker-compose.yml', stackBySetting: true }],
      [SWARM, 'compose'],
      [SWARM, { path: '/r/swarm/app.yml' }], // decided by the content
      [SWARM.replace('mode: global', 'mode: replicated').replace(/\n {6}placement.*\n/, '\n'), { path: '/r/docker-compose.yml' }],
      ['services:\n  web:\n    image: x\nnetworks:\n  swarm: {driver: overlay, external: true}\n', { path: '/r/docker-compose.yml' }], // Compose joins external overlays
    ];
    for (const [text, mode] of silent) checkFindings(text, ['mode-contradicted'], { mode });
  });

  it('warns about a modeline that names no mode, with fixes for both modes', () => {
    checkFindings('# shipshape: ⟦swarm⟧\nservices: {}\n', ['modeline-unknown'], {
      messages: ["'swarm' names no mode, so Shipshape ignores the modeline: write '# shipshape: stack' or '# shipshape: compose'."],
    });
    checkFindings('⟦# shipshape:⟧\nservices: {}\n', ['modeline-unknown']);
    checkFindings('# shipshape: stack\n# shipshape-disable-next-line port-unquoted\nservices: {}\n', ['modeline-unknown']);
    assert.equal(applyFix('# shipshape: <|>swarm\nservices: {}\n', 'modeline-unknown', "Write '# shipshape: stack'"), '# shipshape: stack\nservices: {}\n');
  });

  it('explains the modeline on hover: the mode in force and what overrides it', () => {
    checkHover('# shipshape: st<|>ack\nservices: {}\n', ['**Shipshape modeline**', 'checked as a stack file', '`# shipshape: compose` checks it the other way']);
    checkHover('# ship<|>shape: compose\nservices: {}\n', ['checked as a Compose file']);
    checkHover('# shipshape: sw<|>arm\nservices: {}\n', '`swarm` names no mode');
    checkHover('# shipshape: compose<|>\nservices: {}\n', 'a setting is stronger than the modeline', { mode: { path: '/w/deploy/a.yml', stackBySetting: true } });
  });
});

function pick(text: string, choice: ModeChoice): [string, string] {
  const doc = service.parse(text, choice);
  return [doc.mode, doc.modeSource];
}
