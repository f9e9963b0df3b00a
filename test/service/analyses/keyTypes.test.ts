import * as assert from 'node:assert/strict';
import { applyFix } from '../../support/fixes';
import { checkFindings } from '../../support/service';

describe('non-string keys', () => {
  // compose-go loader_test.go TestNonStringKeys; docker/cli refuses the same files (test/corpus/stackConfig.test.ts).
  it('reports keys YAML reads as numbers, booleans, null or dates, in both modes', () => {
    const marked = 'services:\n  web:\n    image: x\n    environment:\n      ⟦1⟧: FOO\n    labels:\n      ⟦true⟧: a\n      ⟦1.5⟧: b\n      ⟦~⟧: c\n      ⟦2024-01-01⟧: d\n      ⟦0x1F⟧: e\n  ⟦123⟧:\n    image: busybox\n';
    for (const mode of ['compose', 'stack'] as const) checkFindings(marked, ['key-not-string'], { mode });
    checkFindings('services:\n  web:\n    image: x\n    environment:\n      ⟦80⟧: x\n', ['key-not-string'], {
      messages: ['YAML reads the key 80 as a number, and Compose and docker stack deploy accept only string keys ("non-string key in services.web.environment: 80"): quote it, \'80\'.'],
    });
  });

  it('leaves strings alone: quoted keys, YAML 1.1 booleans (strings to go-yaml v3), dotted names, versions', () => {
    checkFindings('services:\n  web:\n    image: x\n    labels:\n      "1": a\n      \'true\': b\n      yes: c\n      on: d\n      1.2.3: e\n      net.core.somaxconn: f\n      80/tcp: g\n      v1: h\n      "null": i\n', ['key-not-string']);
  });

  it('quotes the key', () => {
    assert.equal(applyFix('services:\n  web:\n    image: x\n    labels:\n      <|>true: a\n', 'key-not-string'), "services:\n  web:\n    image: x\n    labels:\n      'true': a\n");
  });
});
