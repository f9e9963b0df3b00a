/**
 * 6. `Shipshape: Show Network Graph` opens the webview, which draws the file's services, follows edits
 *    (part of 7), and reveals a service's YAML when it is clicked.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, rangeOf, restore } from '../support/fixtures';
import { serviceNode, showNetworkGraph, waitForNodes } from '../support/graph';
import { frameClick, requireUi, screenshot } from '../support/ui';
import { waitFor } from '../support/wait';

describe('6. network graph', function () {
  let editor: vscode.TextEditor | undefined;
  after(async function () {
    if (editor) await restore(editor.document);
  });

  it('shows the services, follows edits and reveals the YAML of a clicked node', async function () {
    requireUi(this);
    editor = await openFixture('compose.yaml');
    const document = editor.document;
    await showNetworkGraph();
    await waitForNodes(['web', 'api', 'db', 'front', 'back']);
    await screenshot('6-network-graph');

    assert.ok(await editor.edit((edit) => edit.insert(rangeOf(document, 'networks:\n  front').start, '  cache:\n    image: redis:7\n\n')));
    await waitForNodes(['cache']);
    await screenshot('7-network-graph-after-edit');

    // Fit the whole graph into the panel, so the node to click is on screen.
    assert.ok(await frameClick('#fit'), 'the Fit button can be clicked');
    assert.ok(await frameClick(serviceNode('db')), 'the db node can be clicked');
    const db = rangeOf(document, 'db:');
    await waitFor('the db service revealed in the editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document === document && active.selection.start.line === db.start.line;
    });
    await screenshot('6-network-graph-revealed-db');
  });
});
