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

});

/** Runs the built server on `input` as its whole standard input; resolves when it exits (the suite's timeout is the hang guard). */
function serve(input: Buffer): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => undefined); // the server may exit before it has read everything
  child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('malformed framing against the server process (issue 19 item 6)', () => {
  // Each ends with the process exiting on its own: refused with one line (exit 1), or, where the input
  // simply ends early, quietly at the end of its input (exit 0).
  const cases: [string, Buffer, number, RegExp | undefined][] = [
    ['4 MB of garbage without a line break', Buffer.alloc(4 << 20, 'x'), 1, /a message header longer than 8192 bytes/],
    ['a Content-Length beyond any message', Buffer.from('Content-Length: 99999999999\r\n\r\n{}'), 1, /a message of 99999999999 bytes, over the 256 MB limit/],
    ['a negative Content-Length', Buffer.from('Content-Length: -5\r\n\r\n{}'), 1, /a message header with an invalid Content-Length \("-5"\)/],
    ['a Content-Length that is no number', Buffer.from('Content-Length: 1e3\r\n\r\n{}'), 1, /a message header with an invalid Content-Length \("1e3"\)/],
    ['a header without Content-Length', Buffer.from('Content-Type: x\r\n\r\n{}'), 1, /a message header without Content-Length/],
    ['a body cut short by the end of input', Buffer.from('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0"'), 0, undefined],
    ['the end of input in the middle of a header', Buffer.from('Content-Len'), 0, undefined],
    ['the end of input between messages', frame(JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} })), 0, undefined],
  ];
  for (const [name, input, expectedCode, message] of cases) {
    it(`ends on ${name}`, async () => {
      const { code, stdout, stderr } = await serve(input);
      assert.equal(code, expectedCode, stderr);
      assert.equal(stdout, '');
      if (message) {
        assert.equal(stderr.trim().split('\n').length, 1, stderr);
        assert.match(stderr, message);
      } else assert.equal(stderr, '');
    });
  }
});
