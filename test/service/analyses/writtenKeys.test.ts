import * as assert from 'node:assert/strict';
import { applyFix } from '../../support/fixes';
import { checkFindings, service } from '../../support/service';

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

describe('implicit keys over 1,024 characters', () => {
  const key = (length: number) => 'k'.repeat(length);

  it('reports the key whose colon is more than 1,024 characters from its start: an error in a stack file, a warning in a Compose file', () => {
    const marked = `services:\n  web:\n    image: x\n    labels:\n      ⟦${key(1025)}⟧: a\n      ${key(1024)}: b\n      ⟦${key(1020)}⟧     : c\n      ⟦"${key(1024)}"⟧: d\n      e: {⟦${key(1030)}⟧: f}\n`;
    const stack = checkFindings(marked, ['yaml-key-too-long'], { mode: 'stack' });
    assert.deepEqual(stack.map((f) => f.severity), ['error', 'error', 'error', 'error']);
    assert.match(stack[0]!.message, /^This key runs 1,025 characters to its ':'; docker stack deploy refuses an implicit key over 1,024 \("could not find expected ':'"\)/);
    const compose = checkFindings(marked, ['yaml-key-too-long'], { mode: 'compose' });
    assert.deepEqual(compose.map((f) => f.severity), ['warning', 'warning', 'warning', 'warning']);
    assert.match(compose[0]!.message, /Docker Compose before 5\.1 and docker stack deploy refuse/);
  });

  it('counts characters, not UTF-16 units, and leaves explicit (?) keys and multi-line ones alone', () => {
    checkFindings(`x-a:\n  ${'\u{1F433}'.repeat(1024)}: a\n  ? ${key(2000)}\n  : b\n  ? |\n    ${key(2000)}\n  : c\n`, ['yaml-key-too-long'], { mode: 'stack' });
  });

  it('is found the same whether the fast reader or `yaml` reads the file', () => {
    for (const length of [999, 1024, 1025, 3000]) {
      const text = `services:\n  web:\n    image: x\n    labels:\n      ${key(length)}: a\n`;
      // A tab in a comment sends the text to `yaml`; without it the fast reader takes plain files.
      const fast = findings(text);
      assert.deepEqual(findings(`${text}#\t\n`), fast, `${length}`);
      assert.equal(fast.length, length > 1024 ? 1 : 0, `${length}`);
    }
  });
});

function findings(text: string): string[] {
  return service.diagnostics(service.parse(text, 'stack')).filter((f) => f.code === 'yaml-key-too-long').map((f) => `${f.span.start}-${f.span.end} ${f.message}`);
}
