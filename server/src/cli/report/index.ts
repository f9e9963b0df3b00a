/** The reporter for each `--format`. */
import type { Format } from '../args';
import type { CliEnvironment } from '../environment';
import { jsonReporter } from './json';
import type { Reporter } from './reporter';
import { textReporter, useColour } from './text';

export function createReporter(format: Format, io: CliEnvironment): Reporter {
  switch (format) {
    case 'text':
      return textReporter(io, useColour(io.env, io.isTTY));
    case 'json':
      return jsonReporter(io);
  }
}
