/**
 * "Run service" code lenses (setting shipshape.codeLens.run): shown only when docker is on the PATH, and they
 * type the command into a terminal. The terminal's PATH starts with a stand-in docker
 * (workspace/run/bin/docker) that records its arguments, so nothing is really started.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri, openFixture } from '../support/fixtures';
import { waitFor } from '../support/wait';

describe('9. run lenses', function () {
  const config = () => vscode.workspace.getConfiguration();
  after(async () => {
    await config().update('shipshape.codeLens.run', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('terminal.integrated.env.linux', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('offers Run all and Run service, and runs docker compose up for the service in a terminal', async function () {
    if (!process.env['PATH']?.split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, 'docker')))) this.skip();
    const folder = fixtureUri('run').fsPath;
    const log = path.join(folder, 'docker-calls.log');
    await config().update('terminal.integrated.env.linux', { PATH: `${path.join(folder, 'bin')}:\${env:PATH}`, SHIPSHAPE_E2E_DOCKER_LOG: log }, vscode.ConfigurationTarget.Workspace);
    const editor = await openFixture('run/compose.yaml');
    const lenses = () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.deepEqual((await lenses()).filter((lens) => lens.command?.command === 'shipshape.runFile'), [], 'off by default');

    await config().update('shipshape.codeLens.run', true, vscode.ConfigurationTarget.Workspace);
    const shown = await waitFor('the run lenses', async () => {
      const found = (await lenses()).filter((lens) => lens.command?.command === 'shipshape.runFile');
      return found.length === 3 && found;
    });
    assert.deepEqual(shown.map((lens) => [lens.range.start.line, lens.command!.title]), [
      [0, '$(play) Run all'],
      [1, '$(play) Run service'],
      [3, '$(play) Run service'],
    ]);
    const cache = shown[2]!.command!;
    await vscode.commands.executeCommand(cache.command, ...(cache.arguments ?? []));
    const terminal = await waitFor('the terminal', () => vscode.window.terminals.find((t) => t.name === 'Shipshape: cache'));
    await waitFor('the stand-in docker to be called', () => fs.existsSync(log) && fs.readFileSync(log, 'utf8') === 'compose up cache\n');
    terminal.dispose();
  });
});
