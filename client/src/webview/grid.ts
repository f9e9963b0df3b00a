/** Packing boxes into a grid whose shape is close to a target aspect ratio. No DOM; O(n) per call. */
import type { Point } from './scene';

export interface Sized {
  readonly width: number;
  readonly height: number;
}

export interface GridOptions {
  /** Width over height the packed block should approach. */
  readonly aspect: number;
  readonly gapX: number;
  readonly gapY: number;
}

/**
 * Column-major: items fill a column top to bottom before the next one starts, so an order (dependency
 * rank) reads left to right. Columns are as wide as their widest item, rows as tall as their tallest.
 * Returns offsets from the block's top-left corner and the block's size.
 */
export function packGrid(items: readonly Sized[], { aspect, gapX, gapY }: GridOptions): { placed: Point[]; width: number; height: number } {
  const n = items.length;
  if (n === 0) return { placed: [], width: 0, height: 0 };
  let widest = 0;
  let heights = 0;
  for (const item of items) {
    widest = Math.max(widest, item.width);
    heights += item.height;
  }
  const meanHeight = heights / n;
  // The column count whose estimated block is closest to the aspect ratio (compared in log space).
  let columns = 1;
  let best = Infinity;
  for (let c = 1; c <= n; c++) {
    const rows = Math.ceil(n / c);
    const width = c * (widest + gapX);
    const height = rows * (meanHeight + gapY);
    const miss = Math.abs(Math.log(width / height / aspect));
    if (miss < best) {
      best = miss;
      columns = c;
    }
    if (width / height > aspect * 2) break;
  }
  const rows = Math.ceil(n / columns);
  columns = Math.ceil(n / rows);
  const columnWidths = new Array<number>(columns).fill(0);
  const rowHeights = new Array<number>(rows).fill(0);
  items.forEach((item, i) => {
    const column = Math.floor(i / rows);
    const row = i % rows;
    columnWidths[column] = Math.max(columnWidths[column]!, item.width);
    rowHeights[row] = Math.max(rowHeights[row]!, item.height);
  });
  const xs = offsets(columnWidths, gapX);
  const ys = offsets(rowHeights, gapY);
  const placed = items.map((_, i) => ({ x: xs[Math.floor(i / rows)]!, y: ys[i % rows]! }));
  return { placed, width: xs[columns - 1]! + columnWidths[columns - 1]!, height: ys[rows - 1]! + rowHeights[rows - 1]! };
}

function offsets(sizes: readonly number[], gap: number): number[] {
  const result: number[] = [];
  let at = 0;
  for (const size of sizes) {
    result.push(at);
    at += size + gap;
  }
  return result;
}

/**
 * Shelves: items left to right, wrapping at a width chosen so the whole approaches `aspect`. For the
 * top-level boxes of the quick layout, whose sizes differ a lot.
 */
export function packShelves(items: readonly Sized[], { aspect, gapX, gapY }: GridOptions): { placed: Point[]; width: number; height: number } {
  let area = 0;
  let widest = 0;
  for (const item of items) {
    area += (item.width + gapX) * (item.height + gapY);
    widest = Math.max(widest, item.width);
  }
  const limit = Math.max(widest, Math.sqrt(area * aspect));
  const placed: Point[] = [];
  let x = 0;
  let y = 0;
  let shelf = 0;
  let width = 0;
  for (const item of items) {
    if (x > 0 && x + item.width > limit) {
      x = 0;
      y += shelf + gapY;
      shelf = 0;
    }
    placed.push({ x, y });
    x += item.width + gapX;
    width = Math.max(width, x - gapX);
    shelf = Math.max(shelf, item.height);
  }
  return { placed, width, height: y + shelf };
}
