/** The reporter for each `--format`. */
import type { Format } from '../args';
import type { CliEnvironment } from '../environment';
import { codeclimateReporter } from './codeclimate';
import { githubReporter } from './github';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import { sarifReporter } from './sarif';
import { summaryLine, type Reporter } from './reporter';
import { textReporter, useColour } from './text';

export function createReporter(format: Format | 'summary', io: CliEnvironment, version: string): Reporter {
  switch (format) {
    case 'summary':
      return { file: () => {}, end: (totals) => totals.files > 0 && io.err(summaryLine(totals)) };
    case 'text':
      return textReporter(io, useColour(io.env, io.isTTY));
    case 'json':
      return jsonReporter(io);
    case 'sarif':
      return sarifReporter(io, { cwd: io.cwd, version });
    case 'github':
      return githubReporter(io);
    case 'junit':
      return junitReporter(io);
    case 'codeclimate':
      return codeclimateReporter(io);
  }
}
