/** The packaged extension works: a file missing from the .vsix or a wrong "files" list fails here. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, assertDiagnostics, EXTENSION_ID, openFixture, rangeOf } from '../support/fixtures';
import { showNetworkGraph, waitForNodes } from '../support/graph';
import { requireUi, screenshot } from '../support/ui';
import { diagnosticCode, waitForDiagnostics } from '../support/wait';

describe('packaged extension (.vsix)', function () {
  it('is installed from the .vsix, activates on a Compose file and reports a diagnostic', async function () {
    const installed = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(installed, 'Shipshape is installed');
    assert.equal(path.basename(installed.extensionPath), `${EXTENSION_ID}-${installed.packageJSON.version}`, 'it is the copy installed from the .vsix');

    const editor = await openFixture('problems/compose.yaml');
    await activeExtension();
    const diagnostics = await waitForDiagnostics(editor.document.uri, 'the typo diagnostic', (found) => found.some((d) => diagnosticCode(d) === 'schema-unknown-property'));
    assertDiagnostics(editor.document, diagnostics, [{ code: 'schema-unknown-property', range: rangeOf(editor.document, 'imag') }]);
    await screenshot('packaged-diagnostic');
  });

  it('draws the network graph with the packaged webview bundle', async function () {
    requireUi(this);
    await openFixture('compose.yaml');
    await showNetworkGraph();
    await waitForNodes(['web', 'api', 'db']);
    await screenshot('packaged-network-graph');
  });
});
