import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/service';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const dir = mkdtempSync(path.join(tmpdir(), 'shipshape-cli-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('shipshape check', () => {
  const broken = write('compose.yaml', 'services:\n  web:\n    imag: nginx\n');
  const clean = write('clean.yaml', 'services:\n  web:\n    image: nginx\n');

  it('prints file:line:col severity code message and exits 1 on errors', () => {
    const result = run('check', broken);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, `${broken}:3:5 error schema-unknown-property Unknown property 'imag' in service 'web'. Did you mean 'image'?\n`);
    assert.equal(result.stderr, '1 file checked: 1 error, 0 warnings, 0 notes\n');
  });

  it('exits 0 on a clean file', () => {
    const result = run('check', clean);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
  });

  it('prints one JSON array of LSP-shaped findings', () => {
    const result = run('check', '--format', 'json', broken, clean);
    assert.equal(result.status, 1);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        file: broken,
        range: { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } },
        severity: 'error',
        code: 'schema-unknown-property',
        source: 'shipshape',
        message: "Unknown property 'imag' in service 'web'. Did you mean 'image'?",
        related: [],
        docUrl: 'https://docs.docker.com/reference/compose-file/',
        fixable: true,
      },
    ]);
  });

  it('exits 2 with a clear message for usage errors and unreadable files, never a stack trace', () => {
    for (const args of [[], ['lint', clean], ['check'], ['check', '--format', 'xml', clean], ['check', '--bogus', clean]]) {
      const result = run(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^shipshape: /);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
    const missing = run('check', path.join(dir, 'missing.yaml'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /missing\.yaml: no such file or folder\n$/);
    const binary = run('check', write('binary.yml', 'a\0b'));
    assert.equal(binary.status, 2);
    assert.match(binary.stderr, /binary file/);
  });

  it('prints line:col on lines ended by a lone CR as on LF lines (issue 19 item 16)', () => {
    const cr = write('cr.yaml', 'services:\r  web:\r    image: nginx\r    ports:\r      - "80:80"\r      - "80:80"\r');
    const result = run('check', cr);
    assert.equal(result.stdout.split('\n').filter(Boolean).map((line) => line.split(' ').slice(0, 3).join(' ')).join('\n'), `${cr}:6:9 error schema-duplicate-item`);
  });

  it('checks *stack*.yml files, or any file with --stack, in stack mode', () => {
    assert.equal(run('check', write('docker-stack.yml', 'services:\n  web:\n    image: nginx\n')).status, 0);
    assert.equal(run('check', '--stack', clean).status, 0);
    // The modeline wins over the name, as in the editor: numeric cpus is a stack error.
    const cpus = 'services:\n  web:\n    image: nginx\n    deploy: {resources: {limits: {cpus: 0.5}}}\n';
    assert.equal(run('check', write('docker-compose.yml', cpus)).status, 0);
    assert.match(run('check', write('docker-compose.yml', `# shipshape: stack\n${cpus}`)).stdout, /stack-cpus-not-string/);
  });

  it('reports hostile files with exit status 1 or 2, never a hang or a stack trace', function () {
    this.timeout(120_000);
    const files: [string, string | Buffer, number][] = [
      ['huge.yaml', 'x: 1\n'.repeat(10_000_000), 1],
      ['binary.yaml', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 2],
      ['latin1.yaml', Buffer.from('services:\n  web:\n    image: caf\xe9\n    imag: x\n', 'latin1'), 1],
      ['deep.yaml', 'services: ' + '['.repeat(100_000), 1],
      ['bomb.yaml', 'a: &a [x,x,x,x,x,x,x,x,x]\n' + Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`).join('\n') + '\n', 1],
    ];
    for (const [name, content, status] of files) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const result = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
      assert.equal(result.status, status, `${name}: ${result.stderr.slice(0, 300)}`);
      assert.doesNotMatch(result.stderr + result.stdout.slice(0, 10_000), /\n\s+at /, name);
    }
  });

  it('prints help', () => {
    const result = run('--help');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage: shipshape check/);
  });
});
