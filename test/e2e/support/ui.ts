/**
 * Client of the runner's UI bridge (run-in-code-server.mjs): what the workbench has rendered, and screenshots
 * saved as CI artifacts. Only the code-server route has a bridge; tests of rendered UI skip without it.
 */
const base = process.env['VSCODE_E2E_UI_URL'];

export const hasUi = base !== undefined;

async function ask<T>(route: string, params: Record<string, string>): Promise<T> {
  const response = await fetch(`${base}${route}?${new URLSearchParams(params)}`);
  if (!response.ok) throw new Error(`UI bridge ${route} failed: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Saves test-artifacts/e2e/<name>.png; a no-op on routes without a bridge, so steps can always call it. */
export async function screenshot(name: string): Promise<void> {
  if (hasUi) await ask<string>('/screenshot', { name });
}

/** Number of workbench elements matching a CSS selector. */
export const count = (selector: string) => ask<number>('/count', { selector });
/** innerText of each workbench element matching a CSS selector. */
export const texts = (selector: string) => ask<string[]>('/text', { selector });
/** textContent of each element matching a CSS selector in any frame (webviews live in nested iframes). */
export const frameTexts = (selector: string) => ask<string[]>('/frame-text', { selector });
/** Clicks the first element matching a CSS selector in any frame; false when there is none. */
export const frameClick = (selector: string) => ask<boolean>('/frame-click', { selector });

/** For `this.skip()` in tests that look at rendered UI. */
export function requireUi(context: Mocha.Context): void {
  if (!hasUi) context.skip();
}
