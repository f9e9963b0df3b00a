/**
 * Editor settings of the wrong shape (issue 19 item 13): each wrong key falls back to its default, the
 * rest applies, and the messages name the setting as the user writes it.
 */
import { strict as assert } from 'node:assert';
import { checkSettings } from '../../../server/src/service/index';

describe('editor settings validation', () => {
  const cases: { name: string; raw: unknown; value: object; messages: string[] }[] = [
    { name: 'rules as a string', raw: { rules: 'off', enable: false }, value: { enable: false }, messages: ["shipshape.rules must be a mapping, not 'off'."] },
    { name: 'a severity that does not exist', raw: { rules: { 'port-unquoted': 'of', 'port-base60': 'hint' } }, value: { rules: { 'port-base60': 'hint' } }, messages: ["shipshape.rules.port-unquoted must be error, warning, information, hint or off, not 'of'."] },
    { name: 'debounceMs as a string', raw: { diagnostics: { debounceMs: 'x' } }, value: { diagnostics: {} }, messages: ["shipshape.diagnostics.debounceMs must be a number, not 'x'."] },
    { name: 'a negative debounceMs', raw: { diagnostics: { debounceMs: -1 } }, value: { diagnostics: {} }, messages: ['shipshape.diagnostics.debounceMs must be 0 or more, not -1.'] },
    { name: 'stackFilePatterns as a number', raw: { stackFilePatterns: 5 }, value: {}, messages: ['shipshape.stackFilePatterns must be a list, not 5.'] },
    { name: 'stackFilePatterns as one string', raw: { stackFilePatterns: '**/*stack*.yml' }, value: {}, messages: ["shipshape.stackFilePatterns must be a list, not '**/*stack*.yml'."] },
    { name: 'stackFilePatterns with a number and null', raw: { stackFilePatterns: [42, null] }, value: {}, messages: ['shipshape.stackFilePatterns[0] must be a string, not 42.'] },
    { name: 'a pattern with an unbalanced brace', raw: { stackFilePatterns: ['**/*.yml', '{'] }, value: {}, messages: ["shipshape.stackFilePatterns[1] has a '{' without its '}'."] },
    { name: 'an inlay hint flag as a string', raw: { inlayHints: { ports: 'yes', variables: false } }, value: { inlayHints: { variables: false } }, messages: ["shipshape.inlayHints.ports must be true or false, not 'yes'."] },
    { name: 'settings that are not a mapping', raw: 'x', value: {}, messages: ["the shipshape settings must be a mapping, not 'x'."] },
    { name: 'a rule code that does not exist (kept)', raw: { rules: { 'port-unqoted': 'off' } }, value: { rules: { 'port-unqoted': 'off' } }, messages: ["shipshape.rules: unknown rule 'port-unqoted'. Did you mean 'port-unquoted'?"] },
    { name: 'valid settings, with what the client adds', raw: { enable: true, stackFilePatterns: ['deploy/*.yml'], peers: { keyCompletion: true } }, value: { enable: true, stackFilePatterns: ['deploy/*.yml'], peers: { keyCompletion: true } }, messages: [] },
    { name: 'no settings at all', raw: undefined, value: {}, messages: [] },
  ];
  for (const item of cases) {
    it(item.name, () => {
      const checked = checkSettings(item.raw);
      assert.deepEqual(checked.problems.map((problem) => problem.message), item.messages);
      assert.deepEqual(checked.value, item.value);
    });
  }

  it('does not change what it was given', () => {
    const raw = { rules: { 'port-unquoted': 'of' } };
    checkSettings(raw);
    assert.deepEqual(raw, { rules: { 'port-unquoted': 'of' } });
  });
});
