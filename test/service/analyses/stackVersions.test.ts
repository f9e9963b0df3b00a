import * as assert from 'node:assert/strict';
import { parseMarkers } from '../../support/markers';
import { checkCompletion, checkFindings, checkHover, findingsOf } from '../../support/service';
import { previousVersion, STACK_VERSION_CASES } from '../../support/stackVersionCases';

const SCHEMA_CODES = ['stack-key-needs-version', 'stack-unsupported-key', 'schema-unknown-property', 'schema-invalid-type', 'schema-invalid', 'schema-invalid-value', 'stack-version-unsupported'];

describe('stack files against the schema of their version', () => {
  for (const { since, marked } of STACK_VERSION_CASES) {
    const before = previousVersion(since);
    it(`needs ${since} for what ${since} added, and accepts it from ${since} on`, () => {
      const [found] = checkFindings(`version: "${before}"\n${marked}`, SCHEMA_CODES, { mode: 'stack' });
      assert.equal(found?.code, 'stack-key-needs-version');
      assert.match(found.message, new RegExp(`needs version ${since.replace('.', '\\.')} or later; this file declares ${before.replace('.', '\\.')}\\.`));
      const { text } = parseMarkers(marked);
      assert.deepEqual(findingsOf(`version: "${since}"\n${text}`, 'stack', SCHEMA_CODES), []);
      assert.deepEqual(findingsOf(text, 'stack', SCHEMA_CODES), [], 'no version means 3.13');
    });
  }

  it('says which key needs which version, in the words of the finding', () => {
    checkFindings('version: "3.7"\nservices:\n  web:\n    image: x\n    deploy:\n      resources:\n        limits:\n          ⟦pids⟧: 10\n', ['stack-key-needs-version'], {
      mode: 'stack',
      messages: [
        `'pids' in 'deploy.resources.limits' of service 'web' needs version 3.9 or later; this file declares 3.7. docker stack deploy validates with the schema its version names: raise version to "3.9" or later, or remove it for 3.13.`,
      ],
    });
  });

  it('still reports what no version allows as unsupported or a typo', () => {
    checkFindings('version: "3.7"\nservices:\n  web:\n    image: x\n    ⟦pull_policy⟧: always\n    ⟦imag⟧: y\n', ['stack-unsupported-key', 'schema-unknown-property', 'stack-key-needs-version'], { mode: 'stack' });
  });

  it('reads "3" as 3.13 and refuses a number (docker/cli: "version must be a string")', () => {
    assert.deepEqual(findingsOf('version: "3"\nservices:\n  web:\n    image: x\n    oom_score_adj: 1\n', 'stack', SCHEMA_CODES), []);
    // loader_test.go TestInvalidVersion; 3.8 as a number still picks the 3.8 schema (Go's %v).
    checkFindings('version: ⟦3.8⟧\nservices:\n  web:\n    image: x\n', SCHEMA_CODES, { mode: 'stack', messages: ["'version' must be a string."] });
    checkFindings('version: ⟦3.10⟧\nservices:\n  web:\n    image: x\n    ⟦init⟧: true\n    ⟦cgroupns_mode⟧: host\n', SCHEMA_CODES, { mode: 'stack' });
  });

  it('refuses an empty version as docker/cli does ("unsupported Compose file version: <nil>")', () => {
    const found = findingsOf('version:\nservices:\n  web:\n    image: x\n', 'stack', ['stack-version-unsupported']);
    assert.match(found[0]?.message ?? '', /<nil>/);
  });

  it('completes only the keys the declared version has', () => {
    checkCompletion('version: "3.8"\nservices:\n  web:\n    image: x\n    <|>\n', { includes: ['init', 'deploy'], excludes: ['oom_score_adj', 'cgroupns_mode'] }, { mode: 'stack' });
    checkCompletion('services:\n  web:\n    image: x\n    <|>\n', { includes: ['oom_score_adj'] }, { mode: 'stack' });
  });

  it('shows no Compose "Deprecated" badge on version in stack files', () => {
    const stack = checkHover('ver<|>sion: "3.8"\nservices:\n  web:\n    image: x\n', 'version', { mode: 'stack' });
    assert.ok(!stack?.includes('Deprecated'), stack);
    const compose = checkHover('ver<|>sion: "3.8"\nservices:\n  web:\n    image: x\n', 'version');
    assert.ok(compose?.includes('Deprecated'), compose);
  });
});
