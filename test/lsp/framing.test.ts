/**
 * Malformed JSON-RPC framing on standard input (issue 19 item 6): the server must end at once with
 * one line, never keep buffering a header that never ends; valid framing passes the guard unchanged,
 * however the input is split into chunks.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { FramingGuard, MAX_HEADER_BYTES } from '../../server/src/lsp/framing';
import { ROOT } from '../support/service';
import { below, random } from '../support/random';

function through(chunks: readonly Buffer[]): { output: Buffer; refused: string[] } {
  const refused: string[] = [];
  const guard = new FramingGuard((reason) => refused.push(reason));
  const out: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => out.push(chunk));
  for (const chunk of chunks) guard.write(chunk);
  return { output: Buffer.concat(out), refused };
}

function frame(body: string): Buffer {
  return Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

describe('framing guard on standard input', () => {
  it('passes valid messages unchanged, split at random places', () => {
    const rnd = random(6);
    const input = Buffer.concat(Array.from({ length: 50 }, (_, i) => frame(JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'y\r\n\r\n'.repeat(i) } }))));
    const chunks: Buffer[] = [];
    for (let at = 0; at < input.length; ) {
      const size = 1 + below(rnd, 40);
      chunks.push(input.subarray(at, at + size));
      at += size;
    }
    const { output, refused } = through(chunks);
    assert.deepEqual(refused, []);
    assert.ok(output.equals(input));
  });

  it('refuses a header that never ends, and one without Content-Length', () => {
    assert.match(through([Buffer.alloc(MAX_HEADER_BYTES + 1, 'x')]).refused[0] ?? '', /longer than/);
    assert.match(through([Buffer.from('Content-Type: x\r\n\r\n{}')]).refused[0] ?? '', /without Content-Length/);
  });

  it('ends the server with one line when 4 MB of garbage without a line break arrive', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => undefined); // the server may exit before it has read everything
    child.stdin.end(Buffer.alloc(4 << 20, 'x'));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /header longer than/);
  });
});
