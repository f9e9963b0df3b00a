import { checkFindings } from '../../support/service';

describe('secrets and configs without content', () => {
  const codes = ['secret-source-missing', 'config-source-missing'];

  it('requires file or environment (compose)', () => {
    checkFindings(
      'services:\n  a: {image: x}\nsecrets:\n  ⟦s1⟧: {name: x}\n  s2: {file: ./s}\n  s3: {environment: TOKEN}\n  s4: {external: true}\n  s5: {external: {name: y}}\n  ⟦s6⟧: {external: false}\nconfigs:\n  ⟦c1⟧: {}\n  c2: {content: hello}\n',
      codes,
    );
  });

  // A source stacks refuse (environment, content) is reported as stack-unsupported-key, not as "no content".
  it('requires file, driver or external in stack files', () => {
    checkFindings('services:\n  a: {image: x}\nsecrets:\n  ⟦s0⟧: {labels: {a: b}}\n  s1: {environment: TOKEN}\n  s2: {driver: vault}\nconfigs:\n  c1: {content: hello}\n  ⟦c2⟧: {name: x}\n', codes, { mode: 'stack' });
  });
});
