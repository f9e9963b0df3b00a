/**
 * `--fix` and `--fix-dry-run`: the editor's preferred quick fixes applied until stable, written
 * atomically with the file's mode kept; a second run changes nothing; YAML errors leave a file alone.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import type { ComposeMode } from '../../server/src/service/index';
import { runInProcess, scratchTree } from '../support/cli';
import { applyEdits } from '../support/fixes';
import { ROOT, service } from '../support/service';

const SAMPLE = readFileSync(path.join(ROOT, 'samples', 'broken-compose.yaml'), 'utf8');

/**
 * The editor's way: ask for the code actions at each finding (what the server's codeAction handler
 * returns), apply the preferred one of the first finding that has exactly one, re-check, repeat.
 */
function fixLikeTheEditor(text: string, mode: ComposeMode = 'compose'): string {
  for (let round = 0; round < 100; round++) {
    const doc = service.parse(text, mode);
    let next: string | undefined;
    for (const finding of service.diagnostics(doc)) {
      const preferred = service.codeActions(doc, finding.span).filter((a) => a.isPreferred && a.fixes?.code === finding.code && a.fixes.span.start === finding.span.start && a.fixes.message === finding.message);
      if (preferred.length === 1) {
        next = applyEdits(text, preferred[0]!.edits);
        break;
      }
    }
    if (next === undefined || next === text) return text;
    text = next;
  }
  throw new Error('did not settle');
}

const codesOf = (text: string) => service.diagnostics(service.parse(text, 'compose')).map((f) => f.code);

describe('shipshape check --fix', () => {
  it('repairs the fixable findings of samples/broken-compose.yaml and reports the rest', async () => {
    const dir = scratchTree({ 'compose.yaml': SAMPLE });
    const file = path.join(dir, 'compose.yaml');
    const result = await runInProcess(['check', '--fix', 'compose.yaml'], { cwd: dir });
    const fixed = readFileSync(file, 'utf8');
    assert.notEqual(fixed, SAMPLE);
    assert.match(result.stderr, /^fixed compose\.yaml: \d+ fix(es)?: /m);
    // An unknown key with a close valid key ('imag') is fixable too, since the editor offers that fix.
    for (const code of ['port-base60', 'port-conflict', 'ip-outside-subnet', 'subnet-overlap', 'schema-unknown-property']) {
      assert.ok(codesOf(SAMPLE).includes(code), `the sample has ${code}`);
      assert.ok(!codesOf(fixed).includes(code), `${code} is fixed`);
    }
    // What is printed is the check of the fixed file.
    assert.deepEqual(result.stdout.split('\n').filter(Boolean).map((line) => line.split(' ')[2]), codesOf(fixed));
    assert.ok(codesOf(fixed).length > 0, 'what has no fix stays reported');
  });

  it('gives the same text as applying the quick fixes one by one through the code actions the editor gets', async () => {
    const stack = 'services:\n  web:\n    image: nginx\n    restart: always\n    deploy:\n      resources:\n        limits:\n          cpus: 0.5\n';
    for (const [name, text] of [['compose.yaml', SAMPLE], ['docker-stack.yml', stack]] as const) {
      const dir = scratchTree({ [name]: text });
      await runInProcess(['check', '--fix', name], { cwd: dir });
      assert.equal(readFileSync(path.join(dir, name), 'utf8'), fixLikeTheEditor(text, name.includes('stack') ? 'stack' : 'compose'), name);
    }
  });

  it('a second --fix changes nothing and says so', async () => {
    const dir = scratchTree({ 'compose.yaml': SAMPLE });
    await runInProcess(['check', '--fix', 'compose.yaml'], { cwd: dir });
    const once = readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
    const second = await runInProcess(['check', '--fix', 'compose.yaml'], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), once);
    assert.doesNotMatch(second.stderr, /^fixed /m);
  });

  it('leaves a file with YAML errors byte-identical and says why', async () => {
    const broken = `${SAMPLE}\nx-broken: [unclosed\n`;
    const dir = scratchTree({ 'compose.yaml': broken });
    const result = await runInProcess(['check', '--fix', 'compose.yaml'], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), broken);
    assert.match(result.stderr, /^shipshape: compose\.yaml: not fixed: it has YAML errors; fix those first\n/m);
    assert.equal(result.status, 1);
  });

  it('writes atomically: the mode is kept, no temporary file is left, a symlink stays a symlink', async () => {
    const dir = scratchTree({ 'real/compose.yaml': SAMPLE });
    chmodSync(path.join(dir, 'real', 'compose.yaml'), 0o640);
    symlinkSync(path.join(dir, 'real', 'compose.yaml'), path.join(dir, 'compose.yaml'));
    await runInProcess(['check', '--fix', 'compose.yaml'], { cwd: dir });
    assert.equal(statSync(path.join(dir, 'real', 'compose.yaml')).mode & 0o777, 0o640);
    assert.notEqual(readFileSync(path.join(dir, 'real', 'compose.yaml'), 'utf8'), SAMPLE);
    assert.deepEqual(readdirSync(path.join(dir, 'real')), ['compose.yaml']);
    assert.ok(lstatSync(path.join(dir, 'compose.yaml')).isSymbolicLink());
  });

  it('--fix-dry-run prints the diff and writes nothing', async () => {
    const dir = scratchTree({ 'compose.yaml': SAMPLE });
    const result = await runInProcess(['check', '--fix-dry-run', 'compose.yaml'], { cwd: dir });
    assert.equal(readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), SAMPLE);
    assert.match(result.stdout, /^--- compose\.yaml\n\+\+\+ compose\.yaml \(fixed\)\n@@ /m);
    assert.match(result.stdout, /^- {6}- 22:22 .*\n(?:.*\n)*\+ {6}- "22:22" /m);
    // The diff applied gives what --fix writes.
    await runInProcess(['check', '--fix', 'compose.yaml'], { cwd: dir });
    const written = readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
    const added = result.stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1));
    for (const line of added) assert.ok(written.split('\n').includes(line), line);
  });

  it('refuses --fix on standard input and with --fix-dry-run at once', async () => {
    const stdin = await runInProcess(['check', '--fix', '-'], { input: SAMPLE });
    assert.equal(stdin.status, 2);
    assert.match(stdin.stderr, /^shipshape: -: standard input cannot be fixed in place; use --fix-dry-run to see the fixes\n/m);
    const both = await runInProcess(['check', '--fix', '--fix-dry-run', 'x.yaml']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /^shipshape: --fix and --fix-dry-run exclude each other\n/);
  });
});
