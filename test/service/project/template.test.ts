/**
 * Substitution as each loader does it. Cases mirror compose-go `template/template_test.go`
 * (TestEscaped, TestSubstituteNoMatch, TestDefaultsWithNestedExpansion, TestMandatoryVariableErrors,
 * TestPresentVariables) and docker/cli `cli/compose/template/template_test.go`; checked against
 * `docker stack config` for the stack-only quirks. Inputs are our own.
 */
import * as assert from 'node:assert/strict';
import { substitute, type Dialect } from '../../../server/src/service/project/template';

const ENV: Record<string, string> = { FOO: 'first', BAR: '', PORT: '9090', NESTED: '${FOO}' };
const lookup = (name: string) => (Object.hasOwn(ENV, name) ? ENV[name] : undefined);

function check(dialect: Dialect, template: string, value: string, problems: readonly string[] = []): void {
  const result = substitute(template, lookup, dialect);
  assert.equal(result.value, value, `${dialect} ${template}`);
  assert.deepEqual(result.problems.map((p) => (p.kind === 'invalid' ? `invalid${p.operator ?? ''}@${p.start}-${p.end}` : p.kind === 'required' ? `required ${p.name}: ${p.message}` : `unset ${p.name}@${p.start}-${p.end}`)), problems, `${dialect} ${template}`);
}

describe('template substitution', () => {
  describe('compose (compose-go)', () => {
    const cases: [string, string, string[]?][] = [
      ['$FOO and ${FOO}', 'first and first'],
      ['$$FOO costs $$5', '$FOO costs $5'],
      ['${PORT:-8080}:80', '9090:80'],
      ['${MISSING:-8080}:80', '8080:80'],
      ['${BAR:-empty}', 'empty'],
      ['${BAR-empty}', ''],
      ['${MISSING-unset}', 'unset'],
      ['${FOO:+alt}/${BAR:+alt}/${BAR+alt}/${MISSING+alt}', 'alt//alt/'],
      ['${MISSING:-${FOO}}', 'first'],
      ['${MISSING:-${ALSO:-deep}}-x', 'deep-x'],
      ['${MISSING}', '', ['unset MISSING@0-10']],
      ['a $MISSING b', 'a  b', ['unset MISSING@2-10']],
      ['${MISSING:?set it}', '', ['required MISSING: set it']],
      ['${BAR:?must not be empty}', '', ['required BAR: must not be empty']],
      ['${BAR?}', ''],
      ['${MISSING?}', '', ['required MISSING: ']],
      ['cost $5 and $ alone', 'cost $5 and $ alone'],
      ['${}', '', ['invalid@0-3']],
      ['${FOO bar}', '', ['invalid@0-10']],
      ['${FOO', '', ['invalid@0-5']],
      // A value from the environment is not substituted again.
      ['${NESTED}', '${FOO}'],
    ];
    for (const [template, value, problems] of cases) it(template, () => check('compose', template, value, problems));
  });

  describe('stack (docker/cli)', () => {
    const cases: [string, string, string[]?][] = [
      ['$FOO and ${FOO}', 'first and first'],
      ['$$FOO', '$FOO'],
      ['${PORT:-8080}:80', '9090:80'],
      ['${MISSING:-8080}', '8080'],
      ['${MISSING}', ''],
      // No nesting: the default is used as written up to the first `}` (docker stack config prints `${C}`).
      ['${MISSING:-${FOO}}', '${FOO}'],
      // The unbraced form takes an operator too: `$FOO-bar` is FOO when set (docker stack config).
      ['$FOO-bar', 'first'],
      ['${MISSING:?set it}', '', ['required MISSING: set it']],
      // The deploy stops; the value docker/cli's replacement leaves behind does not matter.
      ['${FOO:+alt}', '{FOO:+alt}', ['invalid:+@0-11']],
      ['${FOO+alt}', '{FOO+alt}', ['invalid+@0-10']],
      ['x$1', 'x1', ['invalid@1-2']],
      ['trailing $', 'trailing ', ['invalid@9-10']],
    ];
    for (const [template, value, problems] of cases) it(template, () => check('stack', template, value, problems));
  });

  it('lists the variables it read', () => {
    assert.deepEqual(substitute('${FOO:-x} $MISSING ${BAR:+${PORT}}', lookup, 'compose').used, ['FOO', 'MISSING', 'BAR']);
  });
});
