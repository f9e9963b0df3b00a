/**
 * 6. `Shipshape: Show Network Graph` opens the webview, which draws the file's services, follows edits
 *    (part of 7), and reveals a service's YAML when it is clicked.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, rangeOf, restore } from '../support/fixtures';
import { itWhenLanded } from '../support/pending';
import { frameClick, frameTexts, requireUi, screenshot } from '../support/ui';
import { waitFor } from '../support/wait';

/** A playwright selector for a service node in the graph webview (matched by its label). */
const serviceNode = (name: string) => `text="${name}"`;

describe('6. network graph', function () {
  let editor: vscode.TextEditor | undefined;
  after(async function () {
    if (editor) await restore(editor.document);
  });

  itWhenLanded('networkGraph')('shows the services, follows edits and reveals the YAML of a clicked node', async function () {
    requireUi(this);
    editor = await openFixture('compose.yaml');
    await vscode.commands.executeCommand('shipshape.showNetworkGraph');
    await waitFor('the graph panel', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview && /graph/i.test(tab.label)),
    );
    // The webview draws only after it has posted `ready` and received the graph, so drawn names prove both.
    const drawn = async (names: string[]) => {
      const text = (await frameTexts('body')).join('\n');
      return names.every((name) => text.includes(name));
    };
    await waitFor('the services drawn in the graph', () => drawn(['web', 'api', 'db', 'front', 'back']));
    await screenshot('6-network-graph');

    const document = editor.document;
    assert.ok(await editor.edit((edit) => edit.insert(rangeOf(document, 'networks:\n  front').start, '  cache:\n    image: redis:7\n\n')));
    await waitFor('the added service in the graph', () => drawn(['cache']));
    await screenshot('7-network-graph-after-edit');

    assert.ok(await frameClick(serviceNode('db')), 'the db node can be clicked');
    const db = rangeOf(document, 'db:');
    await waitFor('the db service revealed in the editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document === document && active.selection.start.line === db.start.line;
    });
    await screenshot('6-network-graph-revealed-db');
  });
});
