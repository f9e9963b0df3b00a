/**
 * Keeps the heap close to its live data while the server holds a large document. By default V8 lets
 * the old generation grow up to four times what survived the last full collection before collecting
 * again. An edit in a 5,000-service file allocates a few hundred MB (a shifted tree, fresh findings),
 * so the server would sit near 1 GB with 150-250 MB live; growing by 30% keeps its peak near 400 MB
 * (`npm run bench`). At 1,000 services, typing with YAML errors open (fresh parses of broken text)
 * peaked anywhere from 290 to 820 MB by the luck of collection timing (bench/typing.ts over 15 seeds),
 * and at 220 to 270 MB with tight growth, for a few ms more per edit. Small files keep V8's own
 * growth: there, frequent full collections cost up to a quarter of an edit's time for no memory worth
 * saving. Unlike `--max-old-space-size`, no ceiling is set, so any file still gets all the memory it
 * needs. V8 reads the flag whenever it sets a new heap limit, so it may change at run time.
 */
import { setFlagsFromString } from 'node:v8';

/** Parsed text from which the heap is kept tight: about 500 generated services. */
const LARGE_TEXT = 500_000;
const TIGHT_GROWING_PERCENT = 30;

let current = 0;

/** V8's heap growth for the total length of the texts the server holds parsed; 0 is V8's own (1.1 to 4, by collection speed). */
export function heapGrowingPercent(parsedTextLength: number): number {
  return parsedTextLength >= LARGE_TEXT ? TIGHT_GROWING_PERCENT : 0;
}

/** Sets V8's heap growth for the total length of the texts the server holds parsed. */
export function fitHeapGrowth(parsedTextLength: number): void {
  const percent = heapGrowingPercent(parsedTextLength);
  if (percent === current) return;
  current = percent;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
