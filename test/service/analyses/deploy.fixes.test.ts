import * as assert from 'node:assert/strict';
import { applyFix, checkFix, checkNoFix } from '../../support/fixes';
import { parseMarkers } from '../../support/markers';
import { service } from '../../support/service';

const stack = { mode: 'stack' as const };

describe('deploy and stack quick fixes', () => {
  it('replaces an invalid enumeration value with the closest valid one', () => {
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: on-failu<|>r}\n', 'deploy-invalid-value', 'services:\n  a:\n    image: x\n    deploy:\n      restart_policy: {condition: on-failure}\n', { ...stack, title: "Replace with 'on-failure'" });
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      update_config:\n        order: start-fir<|>s\n', 'deploy-invalid-value', 'services:\n  a:\n    image: x\n    deploy:\n      update_config:\n        order: start-first\n');
    // Nothing close: every valid value is offered.
    const { text, cursor } = parseMarkers('services:\n  a:\n    image: x\n    deploy:\n      endpoint_mode: r<|>r\n');
    assert.deepEqual(service.codeActions(service.parse(text, 'stack'), { start: cursor!, end: cursor! }).map((a) => a.title), ["Replace with 'vip'", "Replace with 'dnsrr'"]);
  });

  it('quotes cpus', () => {
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      resources:\n        limits:\n          cpus: 0.<|>5\n', 'stack-cpus-not-string', "services:\n  a:\n    image: x\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n", stack);
  });

  it('adds a unit to a bare-number duration', () => {
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      restart_policy:\n        delay: <|>5\n', 'duration-invalid', 'services:\n  a:\n    image: x\n    deploy:\n      restart_policy:\n        delay: 5s\n', { title: "Add a unit: '5s'" });
    checkFix('services:\n  a:\n    image: x\n    healthcheck:\n      interval: "3<|>0"\n', 'duration-invalid', 'services:\n  a:\n    image: x\n    healthcheck:\n      interval: "30s"\n', stack);
    checkNoFix('services:\n  a:\n    image: x\n    healthcheck:\n      interval: fa<|>st\n', 'duration-invalid');
  });

  it('moves restart to deploy.restart_policy.condition', () => {
    checkFix('services:\n  a:\n    image: x\n    res<|>tart: always\n    ports: ["80:80"]\n', 'stack-restart-fallback', 'services:\n  a:\n    image: x\n    deploy:\n      restart_policy:\n        condition: any\n    ports: ["80:80"]\n', stack);
    checkFix('services:\n    a:\n        image: x\n        res<|>tart: on-failure:3\n        deploy:\n            replicas: 2\n', 'stack-restart-fallback', 'services:\n    a:\n        image: x\n        deploy:\n            restart_policy:\n                condition: on-failure\n                max_attempts: 3\n            replicas: 2\n', stack);
    assert.equal(
      applyFix('services:\n  a:\n    image: x\n    <|>restart: "no"\n', 'stack-restart-no-ignored', 'Move to deploy.restart_policy (condition: none)', 'stack'),
      'services:\n  a:\n    image: x\n    deploy:\n      restart_policy:\n        condition: none\n',
    );
    checkNoFix('services:\n  a:\n    image: x\n    deploy: {replicas: 2}\n    res<|>tart: always\n', 'stack-restart-fallback', 'stack');
  });

  it("rewrites '=' as '==' in a placement constraint", () => {
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      placement:\n        constraints: ["node.role <|>= manager"]\n', 'placement-constraint-invalid', 'services:\n  a:\n    image: x\n    deploy:\n      placement:\n        constraints: ["node.role == manager"]\n', stack);
    checkFix('services:\n  a:\n    image: x\n    deploy:\n      placement:\n        constraints:\n          - node.role=<|>worker\n', 'placement-constraint-invalid', 'services:\n  a:\n    image: x\n    deploy:\n      placement:\n        constraints:\n          - node.role == worker\n', stack);
  });

  it('removes keys stacks refuse or ignore, with their lines', () => {
    checkFix('services:\n  a:\n    image: x\n    mem_<|>limit: 1g\n    ports: ["80:80"]\n', 'stack-forbidden-key', 'services:\n  a:\n    image: x\n    ports: ["80:80"]\n', { ...stack, title: "Remove 'mem_limit'" });
    checkFix('services:\n  a:\n    image: x\n    <|>security_opt:\n      - no-new-privileges\n    # keep\n', 'stack-ignored-key', 'services:\n  a:\n    image: x\n    # keep\n', stack);
    checkFix('services:\n  a:\n    image: x\n    contai<|>ner_name: a\n', 'stack-deprecated-key', 'services:\n  a:\n    image: x\n', stack);
    checkNoFix('services:\n  a: {image: x, contai<|>ner_name: a}\n', 'stack-deprecated-key', 'stack');
    checkFix('services:\n  a:\n    image: x\n    ports:\n      - target: 80\n        host<|>_ip: 127.0.0.1\n', 'stack-unsupported-key', 'services:\n  a:\n    image: x\n    ports:\n      - target: 80\n', stack);
  });

  it('turns long-form depends_on into the list form', () => {
    checkFix('services:\n  a:\n    image: x\n    depends<|>_on:\n      b:\n        condition: service_healthy\n      c: {condition: service_started}\n  b: {image: y}\n  c: {image: z}\n', 'stack-depends-on-long-form', 'services:\n  a:\n    image: x\n    depends_on: [b, c]\n  b: {image: y}\n  c: {image: z}\n', stack);
  });
});
