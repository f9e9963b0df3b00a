/** The configuration file in `shipshape check`: found upwards, merged under the flags, bad values refused. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ONE_ERROR, runInProcess, scratchTree } from '../support/cli';

// One error (schema-unknown-property) and one warning (port-base60).
const TWO = 'services:\n  web:\n    imag: nginx\n    ports:\n      - 22:22\n';
const codes = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => line.split(' ').slice(1, 3).join(' '));

describe('shipshape check configuration file', () => {
  it('applies the nearest .shipshape.yaml above each file, and --rule overrides it', async () => {
    const dir = scratchTree({ '.git/HEAD': '', '.shipshape.yaml': 'rules:\n  port-base60: off\n', 'app/deep/compose.yaml': TWO, 'other/.shipshape.yml': 'rules: { schema-unknown-property: warning }\n', 'other/compose.yaml': TWO });
    const result = await runInProcess(['check', 'app/deep/compose.yaml', 'other/compose.yaml'], { cwd: dir });
    assert.equal(result.stderr, '2 files checked: 1 error, 2 warnings, 0 notes\n');
    assert.deepEqual(codes(result.stdout), ['error schema-unknown-property', 'warning schema-unknown-property', 'warning port-base60']);
    const flagged = await runInProcess(['check', 'app/deep/compose.yaml', '--rule', 'port-base60=error'], { cwd: dir });
    assert.deepEqual(codes(flagged.stdout), ['error schema-unknown-property', 'error port-base60']);
  });

  it('does not look above the repository root', async () => {
    const dir = scratchTree({ '.shipshape.yaml': 'rules: { port-base60: off }\n', 'repo/.git/HEAD': '', 'repo/compose.yaml': TWO });
    assert.deepEqual(codes((await runInProcess(['check', 'compose.yaml'], { cwd: path.join(dir, 'repo') })).stdout), ['error schema-unknown-property', 'warning port-base60']);
  });

  it("reads package.json's shipshape key", async () => {
    const dir = scratchTree({ '.git/HEAD': '', 'package.json': JSON.stringify({ name: 'x', shipshape: { rules: { 'schema-unknown-property': 'off' } } }, null, 2), 'compose.yaml': TWO });
    assert.deepEqual(codes((await runInProcess(['check'], { cwd: dir })).stdout), ['warning port-base60']);
  });

  it('--config names the file for every operand', async () => {
    const dir = scratchTree({ '.git/HEAD': '', '.shipshape.yaml': 'rules: { port-base60: off }\n', 'ci/strict.yml': 'rules: { port-base60: error }\n', 'compose.yaml': TWO });
    assert.deepEqual(codes((await runInProcess(['check', '--config', 'ci/strict.yml', 'compose.yaml'], { cwd: dir })).stdout), ['error schema-unknown-property', 'error port-base60']);
    const missing = await runInProcess(['check', '--config', 'nope.yml', 'compose.yaml'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'shipshape: nope.yml: no such file\n');
  });

  it('leaves out what exclude names and checks stackFilePatterns as stack files', async () => {
    const dir = scratchTree({
      '.git/HEAD': '',
      '.shipshape.yaml': 'exclude: [legacy]\nstackFilePatterns: ["deploy/*.yml"]\n',
      'compose.yaml': ONE_ERROR,
      'legacy/compose.yaml': ONE_ERROR,
      'deploy/prod.yml': 'services:\n  web:\n    image: nginx\n    restart: "no"\n',
    });
    const result = await runInProcess(['check', '.'], { cwd: dir });
    assert.deepEqual(result.stdout.split('\n').filter(Boolean).map((line) => line.replace(/:\d+:\d+ (\S+) (\S+).*/, ' $2')), ['compose.yaml schema-unknown-property', 'deploy/prod.yml stack-restart-no-ignored']);
  });

  it('a bad value: file, line, column and key on standard error, exit 2, nothing checked', async () => {
    const dir = scratchTree({ '.git/HEAD': '', '.shipshape.yaml': 'rules:\n  port-base60: of\n', 'compose.yaml': TWO });
    const result = await runInProcess(['check', 'compose.yaml'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, [
      "shipshape: .shipshape.yaml:2:16: error: rules.port-base60 must be error, warning, information, hint or off, not 'of'. (config-invalid)",
      'shipshape: .shipshape.yaml: the configuration has errors; the files it configures are not checked',
      '',
    ].join('\n'));
  });

  it('an unknown rule code is a warning naming the closest code, and the run goes on', async () => {
    const dir = scratchTree({ '.git/HEAD': '', '.shipshape.yaml': 'rules:\n  port-base06: off\n', 'compose.yaml': TWO });
    const result = await runInProcess(['check', 'compose.yaml'], { cwd: dir });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^shipshape: \.shipshape\.yaml:2:3: warning: rules: unknown rule 'port-base06'\. Did you mean 'port-base60'\? \(config-unknown-rule\)\n1 file checked/);
  });
});
