/**
 * What `shipshape check` reads: files, folders, quoted globs, `-`, `--exclude`, no operand; special files
 * refused at once (issue 19 item 1); many large files checked one at a time (issue 19 item 14).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, filesReported, ONE_ERROR, runCli, runInProcess, scratchTree } from '../support/cli';

const HASKELL_STACK = 'resolver: lts-22.0\npackages:\n  - .\n';

describe('shipshape check inputs', () => {
  const tree = scratchTree({
    'compose.yaml': ONE_ERROR,
    'app/docker-compose.prod.yml': ONE_ERROR,
    'app/docker-compose-tls.yaml': ONE_ERROR,
    'deploy/docker-stack.yml': ONE_ERROR,
    'deploy/eu/monitoring-stack.yaml': ONE_ERROR,
    'tool/stack.yaml': HASKELL_STACK,
    'app/config.yml': ONE_ERROR,
    'node_modules/pkg/compose.yaml': ONE_ERROR,
    '.git/compose.yaml': ONE_ERROR,
    '.gitignore': 'generated/\n*.local.yml\n',
    'generated/compose.yaml': ONE_ERROR,
    'app/compose.local.yml': ONE_ERROR,
  });
  mkdirSync(path.join(tree, '.git', 'objects'), { recursive: true });
  // A folder's files come before its subfolders, each in name order.
  const nested = ['compose.yaml', 'app/docker-compose-tls.yaml', 'app/docker-compose.prod.yml', 'deploy/docker-stack.yml', 'deploy/eu/monitoring-stack.yaml'];

  it('walks a folder for Compose and stack files by the names users give them, skipping node_modules, .git and .gitignore', async () => {
    const result = await runInProcess(['check', '.'], { cwd: tree });
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(filesReported(result.stdout), nested);
    assert.match(result.stderr, /^5 files checked: 5 errors, 0 warnings, 0 notes\n$/);
  });

  it('shows walked files under the folder as it was named', async () => {
    const result = await runInProcess(['check', 'deploy'], { cwd: tree });
    assert.deepEqual(filesReported(result.stdout), ['deploy/docker-stack.yml', 'deploy/eu/monitoring-stack.yaml']);
  });

  it('checks a file named explicitly whatever its name, and each file once', async () => {
    const result = await runInProcess(['check', 'app/config.yml', 'compose.yaml', '.'], { cwd: tree });
    assert.deepEqual(filesReported(result.stdout), ['app/config.yml', ...nested]);
  });

  it('expands a quoted glob itself, under the same skipping rules', async () => {
    const result = await runInProcess(['check', '**/*.yml'], { cwd: tree });
    assert.deepEqual(filesReported(result.stdout), ['app/config.yml', 'app/docker-compose.prod.yml', 'deploy/docker-stack.yml']);
    const braces = await runInProcess(['check', 'deploy/**/*.{yml,yaml}'], { cwd: tree });
    assert.deepEqual(filesReported(braces.stdout), ['deploy/docker-stack.yml', 'deploy/eu/monitoring-stack.yaml']);
  });

  it('leaves out --exclude globs (repeatable): paths, folder names at any depth, explicit files too', async () => {
    const result = await runInProcess(['check', '.', '--exclude', 'deploy/eu/**', '--exclude', 'app'], { cwd: tree });
    assert.deepEqual(filesReported(result.stdout), ['compose.yaml', 'deploy/docker-stack.yml']);
    const explicit = await runInProcess(['check', 'compose.yaml', 'app/config.yml', '--exclude=*.yml'], { cwd: tree });
    assert.deepEqual(filesReported(explicit.stdout), ['compose.yaml']);
  });

  it('reads standard input for -, as a Compose file or with --stack as a stack file', async () => {
    const compose = await runInProcess(['check', '-'], { input: ONE_ERROR });
    assert.equal(compose.status, 1);
    assert.match(compose.stdout, /^-:3:5 error schema-unknown-property /);
    const stackOnly = 'services:\n  web:\n    image: nginx\n    mem_limit: 1g\n';
    assert.doesNotMatch((await runInProcess(['check', '-'], { input: stackOnly })).stdout, /stack-/);
    assert.match((await runInProcess(['check', '--stack', '-'], { input: stackOnly })).stdout, /-:4:5 \w+ stack-/);
  });

  it('with no operand checks the Compose files of the current folder only', async () => {
    const result = await runInProcess(['check'], { cwd: tree });
    assert.deepEqual(filesReported(result.stdout), ['compose.yaml']);
    const app = await runInProcess(['check'], { cwd: path.join(tree, 'app') });
    assert.deepEqual(filesReported(app.stdout), ['docker-compose-tls.yaml', 'docker-compose.prod.yml']);
  });

  it('checks a stack-named file found in a folder only when it looks like Compose (not Haskell stack.yaml)', async () => {
    const result = await runInProcess(['check', 'tool'], { cwd: tree });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^$/);
    assert.equal((await runInProcess(['check', 'tool/stack.yaml'], { cwd: tree })).status, 1, 'named explicitly, it is checked');
  });

  describe('operands that name nothing checkable end at once with exit 2 and one line', () => {
    const special = scratchTree({ 'empty/README.md': 'no compose here\n' });
    const fifo = path.join(special, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(path.join(special, 'loop-b.yaml'), path.join(special, 'loop-a.yaml'));
    symlinkSync(path.join(special, 'loop-a.yaml'), path.join(special, 'loop-b.yaml'));
    // Special files under the names a folder walk looks for, and a folder link back to itself.
    const decoys = path.join(special, 'decoys');
    mkdirSync(path.join(decoys, 'compose.yaml'), { recursive: true });
    execFileSync('mkfifo', [path.join(decoys, 'docker-compose.yml')]);
    symlinkSync('/dev/zero', path.join(decoys, 'zero-compose.yml'));
    symlinkSync(decoys, path.join(decoys, 'again'));
    const cases: [string, string[], RegExp][] = [
      ['/dev/zero', ['/dev/zero'], /^shipshape: \/dev\/zero: is a device, not a regular file\n$/],
      ['a FIFO nobody writes to', [fifo], /^shipshape: .*pipe\.yaml: is a FIFO \(named pipe\), not a regular file\n$/],
      ['a folder without Compose files', [path.join(special, 'empty')], /^shipshape: .*empty: no Compose or stack files found in this folder \(looked for .*\)\n$/],
      ['a symlink loop', [path.join(special, 'loop-a.yaml')], /^shipshape: .*loop-a\.yaml: too many levels of symbolic links \(a symlink loop\?\)\n$/],
      ['a folder holding a folder, a FIFO and /dev/zero under Compose names and a link to itself', [decoys], /^shipshape: .*decoys: no Compose or stack files found in this folder \(looked for .*\)\n$/],
      ['a missing file', [path.join(special, 'missing.yaml')], /^shipshape: .*missing\.yaml: no such file or folder\n$/],
      ['a glob matching nothing', ['nothing/**/*.yml'], /^shipshape: nothing\/\*\*\/\*\.yml: no files match this pattern\n$/],
      ['an empty current folder', [], /^shipshape: \.: no Compose files in the current folder \(looked for .*\); name the files or folders to check\n$/],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const result = runCli(['check', ...args], { cwd: path.join(special, 'empty'), timeout: 20_000 });
        assert.equal(result.signal, null, 'ended on its own, not killed by the timeout');
        assert.equal(result.status, 2);
        assert.match(result.stderr, message);
        assert.equal(result.stdout, '');
      });
    }

    it('/dev/zero on standard input: refused at the size limit, not read forever', function () {
      this.timeout(60_000);
      const devZero = openSync('/dev/zero', 'r');
      const result = runCli(['check', '-'], { stdio: [devZero, 'pipe', 'pipe'], timeout: 40_000 });
      closeSync(devZero);
      assert.equal(result.signal, null);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^shipshape: -: over 64 MB: Compose files that large are not checked\n$/);
    });

    it('a special file among good ones is reported in line and the rest are still checked', () => {
      const good = scratchTree({ 'compose.yaml': ONE_ERROR });
      const result = runCli(['check', '/dev/zero', path.join(good, 'compose.yaml')]);
      assert.equal(result.status, 2);
      assert.equal(filesReported(result.stdout).length, 1);
      assert.match(result.stderr, /^shipshape: \/dev\/zero: is a device/);
    });

    it('a FIFO: refused without waiting for a writer (the open does not block)', async () => {
      // If the CLI opened the FIFO in blocking mode it would wait here forever; give it a writer only late.
      const child = spawn(process.execPath, [CLI, 'check', fifo], { stdio: ['ignore', 'pipe', 'pipe'] });
      const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(status, 2);
    });
  });

  it('checks many large files with memory for one at a time (190 files of 1 MB once exhausted the heap)', function () {
    this.timeout(180_000);
    // Six 0.5 MB files under a 64 MB heap: keeping every parsed file (about 23 MB per MB of input) until
    // printing, as the CLI once did, runs out of heap on the fourth; one at a time, all six are checked.
    let text = 'services:\n';
    for (let i = 0; text.length < 512 * 1024; i++) text += `  svc${i}:\n    image: nginx:1.${i}\n    ports:\n      - "${10_000 + i}:80"\n    environment:\n      A: b\n    networks: [front]\n`;
    text += 'networks:\n  front: {}\n  unused: {}\n';
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}/compose.yaml`, text]));
    const dir = scratchTree(files);
    const result = runCli(['check', dir], { nodeArgs: ['--max-old-space-size=64'], timeout: 170_000 });
    assert.equal(result.signal, null, result.stderr.slice(0, 500));
    assert.equal(result.status, 0, result.stderr.slice(0, 500));
    assert.match(result.stderr, /^6 files checked: 0 errors, 0 warnings, 6 notes\n$/);
    // Reported as each file is checked: six findings, in walk order.
    assert.deepEqual(filesReported(result.stdout), Array.from({ length: 6 }, (_, i) => path.join(dir, `p${i}`, 'compose.yaml')));
  });
});
