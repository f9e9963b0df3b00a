/** 1. Compose and stack files activate the extension and are served by the language server. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, documentSymbols, EXTENSION_ID, openFixture } from '../support/fixtures';
import { screenshot } from '../support/ui';
import { waitFor } from '../support/wait';

describe('1. activation', function () {
  it('runs the extension built in dist/, not an installed copy', function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'Shipshape is loaded');
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', 'client.js')), 'the bundle is built');
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'client', 'src', 'extension.ts')), 'it is this checkout');
  });

  const files: [file: string, topLevel: string[]][] = [
    ['compose.yaml', ['services', 'networks']],
    ['docker-compose.yml', ['services', 'volumes']],
    ['docker-stack.yml', ['services', 'networks']],
  ];
  for (const [file, topLevel] of files) {
    it(`${file}: opens as a Compose file, activates Shipshape, the server answers`, async function () {
      const editor = await openFixture(file);
      assert.equal(editor.document.languageId, 'dockercompose');
      await activeExtension();
      // Only Shipshape's server provides document symbols for Compose files, so an outline proves it serves this file.
      const symbols = await waitFor(`document symbols of ${file}`, async () => {
        const found = await documentSymbols(editor.document.uri);
        return found.length > 0 ? found : undefined;
      });
      assert.deepEqual(symbols.map((symbol) => symbol.name), topLevel);
      await screenshot(`1-open-${file}`);
    });
  }
});
