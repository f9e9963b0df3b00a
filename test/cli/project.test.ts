/** `shipshape check` on Compose projects: -f sets, --env-file, no-operand discovery, findings in their own files. */
import * as assert from 'node:assert/strict';
import { runInProcess, scratchTree } from '../support/cli';

const BASE = 'services:\n  web:\n    image: nginx\n    ports: ["${WEB_PORT:-8080}:80"]\n  db:\n    image: postgres\n';
const OVERRIDE = 'services:\n  db:\n    ports: ["8080:5432"]\n';

describe('shipshape check on projects', () => {
  it('with no operand checks the folder project merged, and reports the clash in the override file', async () => {
    const dir = scratchTree({ 'compose.yaml': BASE, 'compose.override.yaml': OVERRIDE, 'docker-compose.prod.yml': 'services:\n  x:\n    image: a\n' });
    const run = await runInProcess(['check'], { cwd: dir });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^compose\.override\.yaml:3:\d+ error port-conflict /m);
    // Only the project's files: docker compose would not load docker-compose.prod.yml here.
    assert.doesNotMatch(run.stdout, /prod/);
  });

  it('uses .env for interpolation: a variable that moves the port away removes the clash', async () => {
    const dir = scratchTree({ 'compose.yaml': BASE, 'compose.override.yaml': OVERRIDE, '.env': 'WEB_PORT=9090\n' });
    const run = await runInProcess(['check', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).filter((f: { code: string }) => f.code === 'port-conflict'), []);
  });

  it('reads the process environment over .env, as docker compose does', async () => {
    const dir = scratchTree({ 'compose.yaml': BASE, 'compose.override.yaml': OVERRIDE, '.env': 'WEB_PORT=9090\n' });
    const run = await runInProcess(['check', '--format', 'json'], { cwd: dir, env: { WEB_PORT: '8080' } });
    assert.equal(run.status, 1, run.stdout);
  });

  it('-f names the files of one project in merge order; related locations name the other file', async () => {
    const dir = scratchTree({ 'deploy/base.yml': BASE, 'deploy/prod.yml': OVERRIDE });
    const run = await runInProcess(['check', '-f', 'deploy/base.yml', '-f', 'deploy/prod.yml', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(run.stdout) as { file: string; code: string; related: { file: string }[] }[];
    const clash = findings.find((f) => f.code === 'port-conflict' && f.file === 'deploy/prod.yml');
    assert.ok(clash, run.stdout + run.stderr);
    assert.deepEqual(clash.related.map((r) => r.file), ['deploy/base.yml']);
  });

  it('--env-file replaces the .env', async () => {
    const dir = scratchTree({ 'compose.yaml': BASE, 'compose.override.yaml': OVERRIDE, 'ci.env': 'WEB_PORT=7000\n', '.env': 'WEB_PORT=8080\n' });
    const moved = await runInProcess(['check', '--env-file', 'ci.env', '--format', 'json'], { cwd: dir });
    assert.equal(moved.status, 0, moved.stdout);
    const missing = await runInProcess(['check', '--env-file', 'nope.env'], { cwd: dir });
    assert.match(missing.stdout, /env-file-unreadable/);
    assert.equal(missing.status, 1);
  });

  it('refuses -f together with other operands', async () => {
    const run = await runInProcess(['check', '-f', 'a.yml', 'b.yml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /-f names the project's files/);
  });

  it('reports findings of an env file once, in that file', async () => {
    const dir = scratchTree({ 'compose.yaml': BASE, 'compose.override.yaml': OVERRIDE, '.env': 'WEB_PORT=9090\nBAD KEY=1\n' });
    const run = await runInProcess(['check'], { cwd: dir });
    assert.equal(run.stdout.match(/^\.env:2:\d+ \w+ env-file-invalid/gm)?.length, 1, run.stdout);
  });
});
