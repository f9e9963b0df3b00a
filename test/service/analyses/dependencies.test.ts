import * as assert from 'node:assert/strict';
import { applyFix } from '../../support/fixes';
import { checkFindings, findingsOf } from '../../support/service';

describe('dependencies: waiting for health', () => {
  const code = ['depends-on-healthy-no-healthcheck'];

  it('warns when the dependency has no healthcheck, and errors when it disables it', () => {
    const [missing, disabled, none] = checkFindings(
      [
        'services:',
        '  web:',
        '    image: x',
        '    depends_on:',
        '      db: {condition: ⟦service_healthy⟧}',
        '      cache: {condition: ⟦service_healthy⟧}',
        '      queue:',
        '        condition: ⟦service_healthy⟧',
        '      ok: {condition: service_healthy}',
        '      started: {condition: service_started}',
        '  db: {image: postgres}',
        '  cache: {image: redis, healthcheck: {disable: true}}',
        '  queue: {image: rabbit, healthcheck: {test: ["NONE"]}}',
        '  ok: {image: x, healthcheck: {test: ["CMD", "true"]}}',
        '  started: {image: x}',
        '',
      ].join('\n'),
      code,
    );
    assert.equal(missing!.severity, 'warning');
    assert.equal(missing!.message, "Service 'web' waits for 'db' to be healthy, but 'db' has no healthcheck here; unless its image defines HEALTHCHECK, Compose fails to start 'web'.");
    assert.deepEqual([disabled!.severity, none!.severity], ['error', 'error']);
  });

  it('offers to wait for the start instead', () => {
    assert.equal(
      applyFix('services:\n  web:\n    image: x\n    depends_on: {db: {condition: <|>service_healthy}}\n  db: {image: postgres}\n', 'depends-on-healthy-no-healthcheck'),
      'services:\n  web:\n    image: x\n    depends_on: {db: {condition: service_started}}\n  db: {image: postgres}\n',
    );
  });

  it('fixes an unknown condition reported by the schema', () => {
    assert.equal(
      applyFix('services:\n  web:\n    image: x\n    depends_on:\n      db: {condition: <|>healthy}\n  db: {image: y}\n', 'schema-invalid-value'),
      'services:\n  web:\n    image: x\n    depends_on:\n      db: {condition: service_healthy}\n  db: {image: y}\n',
    );
    assert.equal(
      applyFix('services:\n  web:\n    image: x\n    depends_on:\n      db: {condition: <|>service_complete}\n  db: {image: y}\n', 'schema-invalid-value'),
      'services:\n  web:\n    image: x\n    depends_on:\n      db: {condition: service_completed_successfully}\n  db: {image: y}\n',
    );
  });

  it('trusts extends and override entries, and ignores stack files', () => {
    checkFindings('services:\n  web:\n    image: x\n    depends_on: {db: {condition: service_healthy}, base: {condition: service_healthy}}\n  db:\n    extends: base\n  base:\n    environment: [A=1]\n', code);
    assert.deepEqual(findingsOf('services:\n  web:\n    image: x\n    depends_on: [db]\n  db:\n    image: y\n', 'stack', code), []);
  });
});

describe('dependencies: profiles', () => {
  const code = ['profile-dependency-missing'];

  it('warns when the dependent can start without the profile of its dependency', () => {
    checkFindings(
      'services:\n  app:\n    image: x\n    depends_on: [⟦debug⟧]\n    links: [⟦debug⟧]\n  dev:\n    image: x\n    profiles: [dev, test]\n    depends_on: [⟦debug⟧]\n  debug:\n    image: x\n    profiles: [dev]\n',
      code,
      { messages: [
        "Service 'app' depends on 'debug', which only starts with profile 'dev'; 'app' has no profiles, so it starts without it and Compose refuses the dependency. Share a profile or mark the dependency 'required: false'.",
        "Service 'app' depends on 'debug', which only starts with profile 'dev'; 'app' has no profiles, so it starts without it and Compose refuses the dependency. Share a profile or mark the dependency 'required: false'.",
        "Service 'dev' depends on 'debug', which only starts with profile 'dev'; 'dev' starts with profile 'test' without it and Compose refuses the dependency. Share a profile or mark the dependency 'required: false'.",
      ] },
    );
  });

  it('accepts shared profiles, required: false and interpolated profiles', () => {
    checkFindings(
      'services:\n  a:\n    image: x\n    profiles: [dev]\n    depends_on: [debug]\n  b:\n    image: x\n    depends_on: {debug: {condition: service_started, required: false}}\n  c:\n    image: x\n    depends_on: [var]\n  debug:\n    image: x\n    profiles: [dev, test]\n  var:\n    image: x\n    profiles: ["${P}"]\n',
      code,
    );
  });
});
