/**
 * The `.env` format of compose-go `dotenv/parser.go`; cases after its `parser_test.go` and
 * `godotenv_test.go` (TestParsing, TestLinesToIgnore, TestErrorParsing, TestExpanding), with our own inputs.
 */
import * as assert from 'node:assert/strict';
import { parseEnvFile } from '../../../server/src/service/project/dotenv';

const PROCESS: Record<string, string> = { HOME: '/home/me', OVERRIDDEN: 'from-shell' };
const outer = (name: string) => PROCESS[name];

function values(text: string): Record<string, string> {
  const parsed = parseEnvFile(text, outer);
  assert.deepEqual(parsed.problems, [], JSON.stringify(parsed.problems));
  return Object.fromEntries(parsed.entries.map((entry) => [entry.name, entry.value]));
}

describe('.env parsing', () => {
  it('reads plain, exported, colon and commented lines', () => {
    assert.deepEqual(values('# comment\nA=1\nexport B = two \nC: three # trailing\n\n  D=4#not-a-comment\nE=\n'), { A: '1', B: 'two', C: 'three', D: '4#not-a-comment', E: '' });
  });

  it('keeps single quotes literal and expands double quotes', () => {
    assert.deepEqual(values(`A='$HOME \\n x'\nB="$HOME\\tend"\nC="say \\"hi\\""\nD="\\$HOME"`), { A: '$HOME \\n x', B: '/home/me\tend', C: 'say "hi"', D: '$HOME' });
  });

  it('reads quoted values over several lines', () => {
    const parsed = parseEnvFile('KEY="line one\nline two"\nNEXT=3\n', outer);
    assert.deepEqual(parsed.entries.map((e) => [e.name, e.value, e.line]), [['KEY', 'line one\nline two', 1], ['NEXT', '3', 3]]);
  });

  it('expands references to earlier lines, the process environment first', () => {
    assert.deepEqual(values('BASE=/srv\nDATA=${BASE}/data\nOVERRIDDEN=file\nUSE=${OVERRIDDEN}\nDEF=${NOPE:-fallback}'), { BASE: '/srv', DATA: '/srv/data', OVERRIDDEN: 'file', USE: 'from-shell', DEF: 'fallback' });
  });

  it('copies a bare name from the process environment', () => {
    assert.deepEqual(values('HOME\nNOT_IN_SHELL\n'), { HOME: '/home/me' });
  });

  it('reports each bad line once and reads on', () => {
    const text = 'GOOD=1\nBAD KEY=2\nwhat?=3\nQ="open\nAFTER=4\n';
    const parsed = parseEnvFile(text, outer);
    assert.deepEqual(parsed.problems.map((p) => [text.slice(p.span.start, p.span.end), p.message]), [
      ['BAD KEY', 'A variable name cannot contain a space.'],
      ['what?=3', 'Unexpected character "?" in variable name "what?=3".'],
      ['"open', 'Unterminated quoted value "open.'],
    ]);
    assert.deepEqual(parsed.entries.map((e) => e.name), ['GOOD', 'AFTER']);
  });

  it('skips a UTF-8 byte order mark and keeps offsets', () => {
    const parsed = parseEnvFile('\ufeffA=1', outer);
    assert.deepEqual(parsed.entries.map((e) => [e.name, e.value, e.keySpan.start]), [['A', '1', 1]]);
  });
});
