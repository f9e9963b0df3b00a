import * as assert from 'node:assert/strict';
import { applyFix } from '../../support/fixes';
import { checkFindings, findingsOf } from '../../support/service';

describe('service definitions: image or build', () => {
  const code = ['image-or-build-missing'];

  it('hints at services without image, build, extends or provider', () => {
    const [finding] = checkFindings('services:\n  ⟦web⟧:\n    ports: ["80:80"]\n  a: {image: x}\n  b: {build: .}\n  c: {extends: a}\n  d: {provider: {type: model}}\n', code);
    assert.equal(finding!.severity, 'information');
  });

  it('leaves a misspelt image key to the schema', () => {
    checkFindings('services:\n  web:\n    imgae: nginx\n', code);
  });
});

describe('service definitions: healthcheck test', () => {
  it('requires CMD, CMD-SHELL or NONE first in the list form', () => {
    checkFindings(
      'services:\n  a:\n    image: x\n    healthcheck:\n      test: [⟦"RUN"⟧, "curl"]\n  b:\n    image: x\n    healthcheck: {test: ["CMD-SHELL", "curl"]}\n  c:\n    image: x\n    healthcheck: {test: "curl -f localhost"}\n  d:\n    image: x\n    healthcheck: {test: ["${KIND}", "x"]}\n',
      ['healthcheck-test-invalid'],
      { messages: ['A healthcheck \'test\' list must start with "CMD", "CMD-SHELL" or "NONE", not \'RUN\'.'] },
    );
  });
});

describe('service definitions: restart', () => {
  const codes = ['restart-no-unquoted', 'restart-invalid'];

  it('flags the unquoted YAML 1.1 boolean and unknown policies', () => {
    const found = checkFindings(
      'services:\n  a: {image: x, restart: ⟦no⟧}\n  b: {image: x, restart: "no"}\n  c: {image: x, restart: ⟦sometimes⟧}\n  d: {image: x, restart: on-failure:3}\n  e: {image: x, restart: ⟦"always:3"⟧}\n  f: {image: x, restart: unless-stopped}\n  g: {image: x, restart: "${RESTART:-always}"}\n  h: {image: x, restart: $R}\n',
      codes,
    );
    assert.deepEqual(found.map((f) => [f.code, f.severity]), [['restart-no-unquoted', 'warning'], ['restart-invalid', 'error'], ['restart-invalid', 'error']]);
  });

  it('follows docker stack deploy in stack files: counts allowed, ignored next to deploy.restart_policy', () => {
    checkFindings('services:\n  a: {image: x, restart: "always:3"}\n  b: {image: x, restart: ⟦sometimes⟧}\n  c: {image: x, restart: sometimes, deploy: {restart_policy: {condition: any}}}\n', codes, { mode: 'stack' });
  });

  it('quotes no, and replaces a misspelt policy', () => {
    assert.equal(applyFix('services:\n  a:\n    image: x\n    restart: <|>no\n', 'restart-no-unquoted'), 'services:\n  a:\n    image: x\n    restart: "no"\n');
    assert.equal(applyFix('services:\n  a:\n    image: x\n    restart: <|>alway\n', 'restart-invalid'), 'services:\n  a:\n    image: x\n    restart: always\n');
  });

  it('reports an anchored policy once where it is written', () => {
    const [finding, ...rest] = findingsOf('x-r: &r\n  restart: no\nservices:\n  a:\n    image: x\n    <<: *r\n  b:\n    image: x\n    <<: *r\n', 'compose', codes);
    assert.equal(rest.length, 0);
    assert.equal(finding!.related?.length, 2);
  });
});
