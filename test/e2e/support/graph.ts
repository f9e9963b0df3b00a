/** The network-graph webview, seen through the UI bridge. */
import * as vscode from 'vscode';
import { frameTexts } from './ui';
import { waitFor } from './wait';

/** The graph's SVG node of a service (ids are `service:<name>`, as in the compose/networkGraph result). */
export const serviceNode = (name: string) => `[data-id="service:${name}"]`;

/** Runs `Shipshape: Show Network Graph` for the active editor and waits for its panel. */
export async function showNetworkGraph(): Promise<void> {
  // Room for the graph beside the editor: earlier tests leave the Problems panel open.
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('shipshape.showNetworkGraph');
  await waitFor('the graph panel', () =>
    vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('shipshape.networkGraph')),
  );
}

/**
 * Waits until the graph shows nodes with these names. The webview draws only after it has posted `ready`
 * and received the graph, so drawn nodes prove both.
 */
export function waitForNodes(names: readonly string[]): Promise<true> {
  return waitFor(`${names.join(', ')} drawn in the graph`, async () => {
    const titles = await frameTexts('[data-id] .title');
    return names.every((name) => titles.includes(name));
  });
}
