/** One table from command id to handler. */
import * as vscode from 'vscode';
import { askAboutPeers } from './coexistence';
import { GraphPanel, type GraphHost } from './graph/graphPanel';
import { SHOW_REFERENCES_COMMAND } from '../../server/src/protocol';
import type { Location, Position } from 'vscode-languageclient';

export function registerCommands(host: GraphHost, output: vscode.OutputChannel): void {
  const { context, client } = host;
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'shipshape.restartServer': async () => {
      await client.restart();
      void vscode.window.setStatusBarMessage('Shipshape language server restarted', 3000);
    },
    'shipshape.showOutput': () => output.show(true),
    'shipshape.reviewOverlappingExtensions': () => askAboutPeers(context, true),
    // From the editor title the clicked document's URI is passed; from the palette, the active editor's.
    'shipshape.showNetworkGraph': async (resource?: unknown) => {
      const document = resource instanceof vscode.Uri ? await vscode.workspace.openTextDocument(resource) : vscode.window.activeTextEditor?.document;
      GraphPanel.show(host, document);
    },
    // A "N references" lens: the server's LSP locations become VS Code's, for its reference peek.
    [SHOW_REFERENCES_COMMAND]: (uri: unknown, position: unknown, locations: unknown) =>
      vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(String(uri)),
        client.protocol2CodeConverter.asPosition(position as Position),
        (locations as Location[]).map((location) => client.protocol2CodeConverter.asLocation(location)),
      ),
  };
  for (const [id, handler] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, handler));
}
