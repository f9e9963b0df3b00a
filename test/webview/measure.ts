/**
 * Measurements of the drawn graph, taken in the page (as expression strings: the test project has no DOM
 * types, and the webview's CSP forbids eval-based helpers) and judged in Node: font sizes on screen,
 * node boxes, mount lines, and colours for contrast ratios.
 */
import type { Page } from 'playwright-core';

export interface DrawnText {
  readonly text: string;
  readonly cls: string;
  /** Font size times the current zoom: the size on screen in CSS px. */
  readonly screenPx: number;
  /** Whether any part of it is inside the canvas. */
  readonly visible: boolean;
  readonly fill: string;
  /** The fills behind it, nearest first (chip box, node box, group box…), ending with the page background. */
  readonly behind: readonly { readonly fill: string; readonly opacity: number }[];
}

/** Every SVG text in the graph, with what lies behind it. */
export function drawnTexts(page: Page): Promise<DrawnText[]> {
  return page.evaluate<DrawnText[]>(`(() => {
    const canvas = document.getElementById('canvas').getBoundingClientRect();
    const bodyFill = getComputedStyle(document.body).backgroundColor;
    const opacityOf = (el) => { const s = getComputedStyle(el); return Number(s.fillOpacity || 1) * Number(s.opacity || 1); };
    const boxes = [...document.querySelectorAll('.viewport .box')].map((rect) => ({ rect, r: rect.getBoundingClientRect() }));
    return [...document.querySelectorAll('.viewport text')].map((text) => {
      const style = getComputedStyle(text);
      const r = text.getBoundingClientRect();
      const behind = [];
      const own = text.parentElement.querySelector(':scope > .chip-box, :scope > .label-box');
      if (own) behind.push({ fill: getComputedStyle(own).fill, opacity: opacityOf(own) });
      // Node boxes under the text's centre, innermost (drawn last) first.
      const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
      const under = boxes.filter(({ r: b }) => cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom).reverse();
      for (const { rect } of under) behind.push({ fill: getComputedStyle(rect).fill, opacity: opacityOf(rect) });
      behind.push({ fill: bodyFill, opacity: 1 });
      return {
        text: text.textContent, cls: text.getAttribute('class') ?? '',
        screenPx: parseFloat(style.fontSize) * text.getScreenCTM().a,
        visible: r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom,
        fill: style.fill, behind,
      };
    });
  })()`);
}

/** HTML text (toolbar, card, banner, message) with its colour and the backgrounds up the tree. */
export function htmlTexts(page: Page, selector: string): Promise<{ text: string; color: string; behind: { fill: string; opacity: number }[] }[]> {
  return page.evaluate(`(() => [...document.querySelectorAll(${JSON.stringify(selector)})].filter((el) => el.offsetParent !== null && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).map((el) => {
    const behind = [];
    for (let at = el; at; at = at.parentElement) {
      const bg = getComputedStyle(at).backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') behind.push({ fill: bg, opacity: 1 });
    }
    behind.push({ fill: getComputedStyle(document.documentElement).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.documentElement).backgroundColor, opacity: 1 });
    return { text: el.textContent.trim().slice(0, 40), color: getComputedStyle(el).color, behind };
  }))()`);
}

/** The drawn node boxes in scene coordinates. */
export function nodeBoxes(page: Page): Promise<{ id: string; group: boolean; x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(`[...document.querySelectorAll('.viewport .node')].map((g) => {
    const rect = g.querySelector(':scope > .box');
    return { id: g.getAttribute('data-id'), group: g.classList.contains('group'), x: +rect.getAttribute('x'), y: +rect.getAttribute('y'), width: +rect.getAttribute('width'), height: +rect.getAttribute('height') };
  })`);
}

/** Points along each drawn edge of the given kinds, in scene coordinates. */
export function edgeSamples(page: Page, kinds: readonly string[]): Promise<{ id: string; points: { x: number; y: number }[] }[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(kinds.map((kind) => `.viewport .edge.${kind} > .stroke`).join(', '))})].map((path) => {
    const length = path.getTotalLength();
    const points = [];
    for (let i = 1; i < 40; i++) { const p = path.getPointAtLength((length * i) / 40); points.push({ x: p.x, y: p.y }); }
    return { id: path.parentElement.getAttribute('data-id'), points };
  })`);
}

// ---- colour maths (WCAG 2.x) ----

type Rgba = [number, number, number, number];

export function parseColour(text: string): Rgba {
  const match = /rgba?\(([^)]+)\)/.exec(text);
  if (!match) throw new Error(`not a computed colour: ${text}`);
  const parts = match[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

function over(top: Rgba, bottom: [number, number, number]): [number, number, number] {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a)];
}

/** The opaque colour of a stack of fills, nearest first, the last being opaque. */
export function flatten(behind: readonly { fill: string; opacity: number }[]): [number, number, number] {
  const last = parseColour(behind[behind.length - 1]!.fill);
  let colour: [number, number, number] = [last[0], last[1], last[2]];
  for (let i = behind.length - 2; i >= 0; i--) {
    const fill = parseColour(behind[i]!.fill);
    colour = over([fill[0], fill[1], fill[2], fill[3] * behind[i]!.opacity], colour);
  }
  return colour;
}

function luminance([r, g, b]: readonly number[]): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

export function contrast(foreground: string, behind: readonly { fill: string; opacity: number }[]): number {
  const bg = flatten(behind);
  const fg = over(parseColour(foreground), bg);
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}
