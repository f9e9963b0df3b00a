/**
 * Glob patterns from settings (server/src/service/mode/glob.ts): what they match, and that a hostile
 * pattern costs no more than a plain one (issue 19 item 11: compiled to a regular expression,
 * `**` then eight `*a` segments took 20 s on a 40-character name, and twelve never ended).
 */
import * as assert from 'node:assert/strict';
import { compileGlob, globProblem, MAX_GLOB_LENGTH } from '../../server/src/service/mode/glob';

const CASES: [glob: string, path: string, matches: boolean][] = [
  ['**/docker-stack*.{yml,yaml}', 'a/b/docker-stack.prod.yml', true],
  ['**/docker-stack*.{yml,yaml}', 'docker-stack.yaml', true],
  ['**/docker-stack*.{yml,yaml}', 'docker-stack.json', false],
  ['**/stack.{yml,yaml}', 'ops/my-stack.yml', false],
  ['*.stack.yml', 'deploy/web.stack.yml', true],
  ['deploy/*.yml', 'deploy/a.yml', true],
  ['deploy/*.yml', 'deploy/sub/a.yml', false],
  ['deploy/*.yml', 'repo/deploy/a.yml', true],
  ['deploy/**/*.yml', 'deploy/a.yml', true],
  ['deploy/**/*.yml', 'deploy/sub/deeper/a.yml', true],
  ['deploy/**/*.yml', 'deployed/a.yml', false],
  ['build/**', 'build/a/b.yml', true],
  ['a?c.yml', 'abc.yml', true],
  ['a?c.yml', 'a/c.yml', false],
  ['{x,{y,z}}.yml', 'z.yml', true],
  ['{x,{y,z}}.yml', 'w.yml', false],
  ['node_modules', 'app/node_modules', true],
  ['node_modules', 'app/node_modules_old', false],
  ['a,b.yml', 'a,b.yml', true],
  ['**/*stack*.{yml,yaml}', 'c:/work/kafka-stack.yaml', true],
];

describe('glob patterns from settings', () => {
  for (const [glob, path, matches] of CASES) {
    it(`${glob} ${matches ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(compileGlob(glob)!.test(path), matches);
    });
  }

  it('answers at once for a pattern of many stars on a long name that does not match', () => {
    const glob = '**/' + '*a'.repeat(40) + '*.yml';
    assert.equal(compileGlob(glob)!.test('x/' + 'a'.repeat(400) + '.yaml'), false);
    assert.equal(compileGlob(glob)!.test('x/' + 'a'.repeat(400) + '.yml'), true);
  });

  it('refuses a pattern it cannot use, saying why', () => {
    assert.equal(globProblem('{a,b'), "has a '{' without its '}'");
    assert.equal(globProblem('a}'), "has a '}' without its '{'");
    assert.equal(globProblem('x'.repeat(MAX_GLOB_LENGTH + 1)), `is longer than ${MAX_GLOB_LENGTH} characters`);
    assert.equal(globProblem('{a,b}'.repeat(9)), 'has more than 256 alternatives in its braces');
    assert.equal(globProblem('{a,b}'.repeat(8)), undefined);
    assert.equal(compileGlob('{a,b'), undefined);
  });
});
