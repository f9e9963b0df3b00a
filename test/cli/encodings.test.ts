/**
 * Files in the encodings Docker reads (issue 19 item 16): UTF-16 with a byte order mark is YAML to
 * Compose and docker stack deploy (go-yaml decodes it), so it is checked like its UTF-8 twin, and
 * `--fix` writes it back in its encoding; UTF-16 without the mark, and UTF-16 env files, which Docker
 * refuses, are refused with their encoding named.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { encodeText, type TextEncoding } from '../../server/src/service/index';
import { ONE_ERROR, runInProcess, scratchTree } from '../support/cli';

const FIXABLE = 'services:\n  web:\n    image: nginx\n    ports:\n      - 8080:80\n';

const bytes = (text: string, encoding: TextEncoding) => Buffer.from(encodeText(text, encoding));

describe('encodings of the files checked', () => {
  const encodings: TextEncoding[] = ['utf-8-bom', 'utf-16le', 'utf-16be'];

  for (const encoding of encodings) {
    it(`checks a ${encoding} file as its UTF-8 twin: the same findings at the same line:col`, async () => {
      const dir = scratchTree({ 'plain/compose.yaml': ONE_ERROR, 'other/compose.yaml': bytes(ONE_ERROR, encoding) });
      const plain = await runInProcess(['check', 'compose.yaml'], { cwd: path.join(dir, 'plain') });
      const other = await runInProcess(['check', 'compose.yaml'], { cwd: path.join(dir, 'other') });
      assert.equal(other.status, 1, other.stderr);
      assert.match(other.stdout, /^compose\.yaml:3:5 error schema-unknown-property /);
      assert.equal(other.stdout, plain.stdout);
    });

    it(`--fix writes a ${encoding} file back in ${encoding}`, async () => {
      const dir = scratchTree({ 'compose.yaml': bytes(FIXABLE, encoding) });
      const result = await runInProcess(['check', '--fix', 'compose.yaml'], { cwd: dir });
      assert.match(result.stderr, /^fixed compose\.yaml: /m);
      assert.deepEqual(readFileSync(path.join(dir, 'compose.yaml')), bytes(FIXABLE.replace('- 8080:80', '- "8080:80"'), encoding));
    });
  }

  it('reads a UTF-16 override as the project file it is', async () => {
    const dir = scratchTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'compose.override.yaml': bytes('services:\n  web:\n    imag: x\n', 'utf-16le') });
    const result = await runInProcess(['check', 'compose.yaml'], { cwd: dir });
    assert.match(result.stdout, /^compose\.override\.yaml:3:5 error schema-unknown-property /m);
  });

  it('refuses UTF-16 without a byte order mark, naming the encoding (Docker reads it as UTF-8 and stops at its NUL bytes)', async () => {
    const little = bytes(ONE_ERROR, 'utf-16le').subarray(2);
    const big = bytes(ONE_ERROR, 'utf-16be').subarray(2);
    const dir = scratchTree({ 'le.yaml': little, 'be.yaml': big, 'bin.yaml': Buffer.from('a: \0\x01\x02') });
    const result = await runInProcess(['check', 'le.yaml', 'be.yaml', 'bin.yaml'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.deepEqual(result.stderr.split('\n').slice(0, 3), [
      'shipshape: le.yaml: it looks like UTF-16 (little endian) without a byte order mark, which Docker reads as UTF-8 and refuses ("control characters are not allowed"): save it as UTF-8, or as UTF-16 (little endian) with a byte order mark',
      'shipshape: be.yaml: it looks like UTF-16 (big endian) without a byte order mark, which Docker reads as UTF-8 and refuses ("control characters are not allowed"): save it as UTF-8, or as UTF-16 (big endian) with a byte order mark',
      'shipshape: bin.yaml: it is a binary file (it holds NUL bytes)',
    ]);
  });

  it('refuses broken UTF-16 with the byte where go-yaml stops', async () => {
    const lone = Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0xdc]);
    const dir = scratchTree({ 'lone.yaml': lone });
    const result = await runInProcess(['check', 'lone.yaml'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.equal(result.stderr.split('\n')[0], 'shipshape: lone.yaml: it is UTF-16 (little endian), broken at byte 4 ("unexpected low surrogate area"), and Docker refuses it');
  });

  it('reports a UTF-16 .env, which Compose stops at, rather than reading its variables', async () => {
    const dir = scratchTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n', '.env': bytes('TAG=1\n', 'utf-16le') });
    const result = await runInProcess(['check', 'compose.yaml'], { cwd: dir });
    assert.match(result.stdout, /env-file-unreadable The env file .*\.env cannot be read: it is UTF-16 \(what Windows PowerShell 5 writes with `>`\), and Compose reads env files as UTF-8 only/);
  });
});
