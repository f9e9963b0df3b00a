/** 4. Completion offers the file's services in `depends_on` and its networks in a service's `networks`. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, rangeOf } from '../support/fixtures';
import { hasUi, screenshot, texts } from '../support/ui';
import { waitFor } from '../support/wait';

async function labelsAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('4. completion', function () {
  // In completion/compose.yaml, service web has an empty `depends_on` item and an empty `networks` item
  // (`- ` on the line after the key), where the cursor goes.
  const cases: [list: string, offered: string[], notOffered: string[]][] = [
    ['depends_on', ['api', 'db'], ['web']],
    ['networks', ['front', 'back'], []],
  ];
  for (const [list, offered, notOffered] of cases) {
    it(`offers ${offered.join(', ')} in ${list}`, async function () {
      const editor = await openFixture('completion/compose.yaml');
      const item = editor.document.lineAt(rangeOf(editor.document, `${list}:`).start.line + 1).range.end;
      const labels = await waitFor(`completions in ${list}`, async () => {
        const found = await labelsAt(editor.document.uri, item);
        return offered.every((name) => found.includes(name)) ? found : undefined;
      });
      for (const name of notOffered) assert.ok(!labels.includes(name), `'${name}' is not offered in its own ${list}`);

      if (!hasUi) return;
      editor.selection = new vscode.Selection(item, item);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await waitFor('the suggest widget', async () => {
        const rows = (await texts('.editor-widget.suggest-widget .monaco-list-row')).join('\n');
        return offered.every((name) => rows.includes(name));
      });
      await screenshot(`4-completion-${list}`);
      await vscode.commands.executeCommand('hideSuggestWidget');
    });
  }
});
