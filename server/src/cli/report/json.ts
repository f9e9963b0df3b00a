/**
 * One JSON array of findings with 0-based LSP ranges, related locations, the docs URL and whether a quick
 * fix exists. Streamed: the array is opened at once and each file's findings are written as it is checked.
 */
import type { Output, Reporter } from './reporter';

export function jsonReporter(output: Output): Reporter {
  let first = true;
  return {
    file({ display, findings }) {
      let text = '';
      for (const finding of findings) {
        const item = {
          file: display,
          range: finding.range,
          severity: finding.severity,
          code: finding.code,
          source: 'shipshape',
          message: finding.message,
          related: finding.related.map((related) => ({ file: related.path ?? display, range: related.range, message: related.message })),
          ...(finding.docUrl ? { docUrl: finding.docUrl } : {}),
          fixable: finding.fixable,
        };
        text += `${first ? '[\n' : ',\n'}${JSON.stringify(item)}`;
        first = false;
      }
      if (text) output.out(text);
    },
    end() {
      output.out(first ? '[]\n' : '\n]\n');
    },
  };
}
