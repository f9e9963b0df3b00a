/** `--rule`, `--fail-on`, `--max-warnings` and `--quiet`: what is reported and the exit status. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runInProcess, scratchTree } from '../support/cli';

// One error (schema-unknown-property), one warning (port-base60) and two notes (network-unused: a typo'd
// `imag:` is no override entry, so the unused network is reported; subnet-overlaps-default-pool).
const MIXED = `services:
  web:
    imag: nginx
    ports:
      - 22:22
networks:
  front:
    ipam:
      config:
        - subnet: 172.20.0.0/16
`;

describe('shipshape check rule options', () => {
  const dir = scratchTree({ 'compose.yaml': MIXED, 'clean/compose.yaml': 'services:\n  web:\n    image: nginx\n    ports:\n      - 22:22\n' });
  const file = path.join(dir, 'compose.yaml');
  const warningsOnly = path.join(dir, 'clean', 'compose.yaml');
  const codes = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => line.split(' ').slice(1, 3).join(' '));

  it('reports every severity by default and fails on errors only', async () => {
    const result = await runInProcess(['check', file]);
    assert.equal(result.status, 1);
    assert.deepEqual(codes(result.stdout), ['error schema-unknown-property', 'warning port-base60', 'information network-unused', 'information subnet-overlaps-default-pool']);
    assert.equal(result.stderr, '1 file checked: 1 error, 1 warning, 2 notes\n');
    assert.equal((await runInProcess(['check', warningsOnly])).status, 0, 'warnings alone do not fail by default');
  });

  it('--rule changes a severity or turns a rule off, repeatable, the last one winning', async () => {
    const result = await runInProcess(['check', file, '--rule', 'schema-unknown-property=warning', '--rule', 'subnet-overlaps-default-pool=off', '--rule=port-base60=off', '--rule', 'port-base60=hint']);
    assert.equal(result.status, 0);
    assert.deepEqual(codes(result.stdout), ['warning schema-unknown-property', 'hint port-base60', 'information network-unused']);
    assert.equal(result.stderr, '1 file checked: 0 errors, 1 warning, 2 notes\n');
  });

  it('--fail-on warning and information fail on less severe findings', async () => {
    assert.equal((await runInProcess(['check', warningsOnly, '--fail-on', 'warning'])).status, 1);
    assert.equal((await runInProcess(['check', warningsOnly, '--fail-on', 'information'])).status, 1);
    assert.equal((await runInProcess(['check', warningsOnly, '--fail-on', 'error'])).status, 0);
    const notesOnly = ['--rule', 'port-base60=information'];
    assert.equal((await runInProcess(['check', warningsOnly, ...notesOnly, '--fail-on', 'warning'])).status, 0);
    assert.equal((await runInProcess(['check', warningsOnly, ...notesOnly, '--fail-on', 'information'])).status, 1);
  });

  it('--max-warnings N fails when there are more than N warnings', async () => {
    assert.equal((await runInProcess(['check', warningsOnly, '--max-warnings', '1'])).status, 0);
    assert.equal((await runInProcess(['check', warningsOnly, '--max-warnings', '0'])).status, 1);
  });

  it('--quiet reports errors only, and what it hides neither prints nor counts', async () => {
    const result = await runInProcess(['check', file, '--quiet']);
    assert.deepEqual(codes(result.stdout), ['error schema-unknown-property']);
    assert.equal(result.stderr, '1 file checked: 1 error, 0 warnings, 0 notes\n');
    assert.equal((await runInProcess(['check', warningsOnly, '--quiet', '--max-warnings', '0'])).status, 0);
  });

  it('refuses bad values with one usage line and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--rule', 'port-base60'], /--rule takes CODE=LEVEL \(e\.g\. port-unquoted=off\), not 'port-base60'/],
      [['--rule', 'port-base60=loud'], /--rule port-base60 must be 'error', 'warning', 'information', 'hint' or 'off', not 'loud'/],
      [['--fail-on', 'hint'], /--fail-on must be 'error', 'warning' or 'information', not 'hint'/],
      [['--max-warnings=-1'], /--max-warnings takes a whole number of 0 or more, not '-1'/],
      [['--max-warnings', '-1'], /Option '--max-warnings' argument is ambiguous\. Did you forget .* use '--max-warnings=-XYZ'\./],
      [['--max-warnings'], /Option '--max-warnings <value>' argument missing/],
      [['--quiet=yes'], /Option '--quiet' does not take an argument/],
    ];
    for (const [args, message] of cases) {
      const result = await runInProcess(['check', file, ...args]);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, new RegExp(`^shipshape: ${message.source}\\nRun 'shipshape --help' for usage\\.\\n$`));
      assert.equal(result.stdout, '');
    }
  });
});
