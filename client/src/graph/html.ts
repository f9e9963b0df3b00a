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
  // img-src data: lets the PNG export rasterise the SVG through an <img>; worker-src blob: runs the layout
  // worker, whose code the page's own script hands over as a blob (webview resources are cross-origin).
  const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `img-src ${cspSource} data:`, `font-src ${cspSource}`, `worker-src blob:`].join('; ');
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
  <div class="views" role="radiogroup" aria-label="View">
    <button id="view-networks" type="button" role="radio" data-view="networks" title="Services inside their networks">Networks</button>
    <button id="view-dependencies" type="button" role="radio" data-view="dependencies" title="depends_on as a left-to-right graph">Dependencies</button>
    <button id="view-ports" type="button" role="radio" data-view="ports" title="Published ports by host address">Ports</button>
  </div>
  <input id="filter" type="search" placeholder="Filter" title="Filter by name, image, port or subnet" aria-label="Filter by name, image, port or subnet">
  <div class="layers" aria-label="Layers">
    <label title="Volumes on services"><input id="layer-volumes" type="checkbox" data-layer="volumes" checked>Volumes</label>
    <label title="Secrets and configs on services"><input id="layer-secrets" type="checkbox" data-layer="secrets" checked>Secrets</label>
    <label title="depends_on edges"><input id="layer-dependencies" type="checkbox" data-layer="dependencies" checked>Depends</label>
  </div>
  <button id="fit" type="button" title="Fit the graph to the view">Fit</button>
  <button id="zoomIn" type="button" title="Zoom in" aria-label="Zoom in">+</button>
  <button id="zoomOut" type="button" title="Zoom out" aria-label="Zoom out">−</button>
  <button id="exportSvg" type="button" title="Save the graph as SVG">SVG</button>
  <button id="exportPng" type="button" title="Save the graph as PNG">PNG</button>
  <button id="exportMermaid" type="button" title="Save the graph as Mermaid text">Mermaid</button>
  <span id="status" class="status" aria-live="polite"></span>
</header>
<div id="banner" class="banner" role="status" hidden></div>
<main id="canvas" class="canvas" tabindex="0" aria-label="Network graph">
  <div id="message" class="message" role="status" hidden><span id="message-text"></span> <button id="show-output" type="button" hidden>Show Output</button></div>
  <aside id="card" class="card" aria-live="polite" hidden></aside>
  <div id="minimap" class="minimap" hidden></div>
</main>
<script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
