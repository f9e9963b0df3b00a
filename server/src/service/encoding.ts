/**
 * A file's bytes as the text Docker reads from them. Compose (compose-go with go.yaml.in/yaml/v4,
 * internal/libyaml/reader.go `determineEncoding`) and docker stack deploy (docker/cli with go-yaml v3,
 * readerc.go `yaml_parser_determine_encoding`) look at the first bytes only: FF FE is UTF-16 little
 * endian, FE FF UTF-16 big endian, EF BB BF or anything else UTF-8; the mark itself is not text. A file
 * in UTF-16 without a mark is read as UTF-8, and its NUL bytes stop the parser ("control characters
 * are not allowed"). Both bindings read bytes through this, so the CLI and the editor agree; `--fix`
 * writes a file back in the encoding it found.
 */
import type { FileRead, TextEncoding } from './host';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const BINARY = 'it is a binary file (it holds NUL bytes)';

/** The text in `bytes`, or why Docker would not read it as text. */
export function decodeBytes(bytes: Uint8Array): FileRead {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (bytes.includes(0)) {
    const guess = utf16Guess(bytes);
    if (!guess) return { kind: 'refused', reason: BINARY };
    return { kind: 'refused', reason: `it looks like ${guess} without a byte order mark, which Docker reads as UTF-8 and refuses ("control characters are not allowed"): save it as UTF-8, or as ${guess} with a byte order mark` };
  }
  const bom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  // The decoder drops the mark; invalid sequences become U+FFFD, which later checks point at.
  return { kind: 'text', text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

/** UTF-16, which Docker's YAML parser reads and its env file and Dockerfile readers do not (they read UTF-8). */
export function isUtf16(encoding: TextEncoding | undefined): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

/** `text` as bytes in `encoding`, with the byte order mark it calls for. */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const body = new TextEncoder().encode(text);
    if (encoding === 'utf-8') return body;
    const bytes = new Uint8Array(UTF8_BOM.length + body.length);
    bytes.set(UTF8_BOM);
    bytes.set(body, UTF8_BOM.length);
    return bytes;
  }
  const little = encoding === 'utf-16le';
  const bytes = new Uint8Array(2 + 2 * text.length);
  for (let i = -1; i < text.length; i++) {
    const unit = i < 0 ? 0xfeff : text.charCodeAt(i);
    const at = 2 + 2 * i;
    bytes[at] = little ? unit & 0xff : unit >> 8;
    bytes[at + 1] = little ? unit >> 8 : unit & 0xff;
  }
  return bytes;
}

/**
 * UTF-16 after its byte order mark, checked as go-yaml's reader checks it: an odd byte at the end, a
 * low surrogate first, or a high one without its low one stops it, each with go-yaml's own words.
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): FileRead {
  const name = encoding === 'utf-16le' ? 'UTF-16 (little endian)' : 'UTF-16 (big endian)';
  const broken = (problem: string, at: number): FileRead => ({ kind: 'refused', reason: `it is ${name}, broken at byte ${at} ("${problem}"), and Docker refuses it` });
  const body = bytes.subarray(2);
  // TextDecoder knows UTF-16 little endian everywhere; big endian is swapped into it.
  const little = encoding === 'utf-16le' ? body : swapped(body);
  for (let at = 0; at < little.length; at += 2) {
    if (at + 1 === little.length) return broken('incomplete UTF-16 character', at + 2);
    const unit = little[at]! | (little[at + 1]! << 8);
    if (unit === 0) return { kind: 'refused', reason: BINARY };
    if ((unit & 0xfc00) === 0xdc00) return broken('unexpected low surrogate area', at + 2);
    if ((unit & 0xfc00) !== 0xd800) continue;
    if (at + 3 >= little.length) return broken('incomplete UTF-16 surrogate pair', at + 2);
    if ((little[at + 3]! & 0xfc) !== 0xdc) return broken('expected low surrogate area', at + 4);
    at += 2;
  }
  return { kind: 'text', text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(little), encoding };
}

function swapped(bytes: Uint8Array): Uint8Array {
  const result = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    result[i] = bytes[i + 1]!;
    result[i + 1] = bytes[i]!;
  }
  if (bytes.length % 2) result[bytes.length - 1] = bytes[bytes.length - 1]!;
  return result;
}

/** 'UTF-16' when the first characters read as ASCII in UTF-16 (every other byte NUL), else undefined. */
function utf16Guess(bytes: Uint8Array): string | undefined {
  const pairs = Math.min(8, bytes.length >> 1);
  if (pairs < 2) return undefined;
  let little = true;
  let big = true;
  for (let i = 0; i < pairs; i++) {
    const [a, b] = [bytes[2 * i]!, bytes[2 * i + 1]!];
    little &&= a !== 0 && b === 0;
    big &&= a === 0 && b !== 0;
  }
  return little ? 'UTF-16 (little endian)' : big ? 'UTF-16 (big endian)' : undefined;
}
