/**
 * The graph webview's HTML: a fixed page with a strict Content-Security-Policy. No project data is ever
 * put in it; the graph arrives by postMessage. Free of `vscode` imports so the browser tests load the very
 * page the panel shows.
 */
export interface GraphHtmlOptions {
  /** The webview's `cspSource` (where its local resources are served from). */
  readonly cspSource: string;
  /** Fresh per load; the only script allowed to run carries it. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function graphHtml({ cspSource, nonce, scriptUri, styleUri }: GraphHtmlOptions): string {
  // img-src data: lets the PNG export rasterise the SVG through an <img>.
  const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">
<title>Network graph</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Graph tools">
  <input id="filter" type="search" placeholder="Filter services, networks, ports…" aria-label="Filter">
  <button id="fit" type="button" title="Fit the graph to the view">Fit</button>
  <button id="zoomIn" type="button" title="Zoom in">+</button>
  <button id="zoomOut" type="button" title="Zoom out">−</button>
  <span class="separator"></span>
  <button id="exportSvg" type="button" title="Save the graph as SVG">SVG</button>
  <button id="exportPng" type="button" title="Save the graph as PNG">PNG</button>
  <button id="exportMermaid" type="button" title="Save the graph as Mermaid text">Mermaid</button>
  <span id="status" class="status" aria-live="polite"></span>
</header>
<main id="canvas" class="canvas" tabindex="0" aria-label="Network graph"></main>
<script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
