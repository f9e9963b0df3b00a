/** Bytes to text as go-yaml's reader decodes them (server/src/service/encoding.ts), and back. */
import * as assert from 'node:assert/strict';
import { decodeBytes, encodeText, type FileRead, type TextEncoding } from '../../server/src/service/index';

const reasonOf = (read: FileRead) => (read.kind === 'refused' ? read.reason : read.kind);

describe('decoding files as Docker does', () => {
  it('round-trips every encoding, astral characters and a second byte order mark included', () => {
    const text = 'a: "\u{1F433} caf\u00e9"\n\uFEFFb: 1\r\n';
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as TextEncoding[]) {
      assert.deepEqual(decodeBytes(encodeText(text, encoding)), { kind: 'text', text, encoding }, encoding);
    }
  });

  it('stops at broken UTF-16 where go-yaml does, naming the byte and go-yaml\'s words', () => {
    const cases: [number[], string][] = [
      [[0xff, 0xfe, 0x61, 0x00, 0x62], 'broken at byte 4 ("incomplete UTF-16 character")'],
      [[0xff, 0xfe, 0x00, 0xdc], 'broken at byte 2 ("unexpected low surrogate area")'],
      [[0xff, 0xfe, 0x3d, 0xd8, 0x61, 0x00], 'broken at byte 4 ("expected low surrogate area")'],
      [[0xfe, 0xff, 0xd8, 0x3d], 'broken at byte 2 ("incomplete UTF-16 surrogate pair")'],
    ];
    for (const [bytes, reason] of cases) assert.ok(reasonOf(decodeBytes(Uint8Array.from(bytes))).includes(reason), `${bytes.join(' ')}: ${reasonOf(decodeBytes(Uint8Array.from(bytes)))}`);
  });

  it('calls NUL bytes binary, in UTF-8 and after UTF-16 decoding alike', () => {
    assert.equal(reasonOf(decodeBytes(Uint8Array.from([0x61, 0x00, 0x00, 0x62]))), 'it is a binary file (it holds NUL bytes)');
    assert.equal(reasonOf(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0x00]))), 'it is a binary file (it holds NUL bytes)');
  });
});
