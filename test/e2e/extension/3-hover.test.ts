/** 3. Hovers over a network driver and over deploy keys show Shipshape's documentation. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, rangeOf } from '../support/fixtures';
import { hasUi, screenshot, texts } from '../support/ui';
import { waitFor } from '../support/wait';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await waitFor(`a hover at ${position.line + 1}:${position.character + 1}`, async () => {
    const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    return found.length > 0 ? found : undefined;
  });
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

describe('3. hover', function () {
  const cases: [needle: string, topic: RegExp, docsPage: RegExp][] = [
    ['overlay', /multi-host/i, /docs\.docker\.com\/engine\/network\/drivers\/overlay\//],
    // In a stack file the deploy hovers say what `docker stack deploy` does with the key.
    ['deploy', /docker stack deploy/, /docs\.docker\.com\/reference\/compose-file\/deploy\//],
    ['replicas', /docker stack deploy/, /docs\.docker\.com\/reference\/compose-file\/deploy\//],
  ];
  for (const [needle, topic, docsPage] of cases) {
    it(`on '${needle}' in docker-stack.yml explains it and links the Docker docs`, async function () {
      const editor = await openFixture('docker-stack.yml');
      const word = rangeOf(editor.document, needle);
      const text = await hoverText(editor.document.uri, word.start.translate(0, 1));
      assert.match(text, topic);
      assert.match(text, docsPage);

      if (!hasUi) return;
      editor.selection = new vscode.Selection(word.start, word.start);
      await vscode.commands.executeCommand('editor.action.showHover');
      const shown = await waitFor('the hover widget', async () => (await texts('.monaco-hover')).find((t) => topic.test(t)));
      assert.match(shown, topic);
      await screenshot(`3-hover-${needle}`);
      await vscode.commands.executeCommand('editor.action.hideHover');
    });
  }
});
