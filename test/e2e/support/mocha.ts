/** The `run()` VS Code calls in the extension host for `extensionTestsPath`: mocha over the bundled tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Runs every `*.test.js` bundle in `dir`, in name order; rejects when a test fails, so the host exits non-zero. */
export function runMocha(dir: string): Promise<void> {
  // Failures then point at the TypeScript sources rather than the bundles.
  process.setSourceMapsEnabled(true);
  const grep = process.env['VSCODE_E2E_GREP'];
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, ...(grep ? { grep } : {}) });
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
