/** `build.target`: the named stages of the Dockerfile the service builds (see localFiles.ts for which one). */
import type { FileHost } from '../../host';
import { dirname } from '../../host';
import type { ComposeDocument } from '../../parse/model';
import type { CursorContext } from '../../parse/path';
import { get } from '../../parse/tree';
import type { Span } from '../../types';
import { readDockerfile } from '../localFiles';
import { dockerfileStages } from '../../parse/dockerfile';
import type { CompletionItem } from './item';

/** The stage names, or undefined when the cursor is not on a `build.target` value. */
export function buildTargetItems(doc: ComposeDocument, cursor: CursorContext, span: Span, prefix: string, files: { host: FileHost; path: string }): CompletionItem[] | undefined {
  const [section, name, build, key] = cursor.path;
  if (cursor.role !== 'value' || section !== 'services' || typeof name !== 'string' || build !== 'build' || key !== 'target' || cursor.path.length !== 4) return undefined;
  const dockerfile = readDockerfile(get(doc.model.services.get(name)?.node, 'build'), dirname(files.path), files.host);
  if (!dockerfile) return [];
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const stage of dockerfileStages(dockerfile.text)) {
    if (stage.name === undefined || seen.has(stage.name.toLowerCase())) continue;
    seen.add(stage.name.toLowerCase());
    items.push({ label: stage.name, kind: 'value', detail: `FROM ${stage.from}`, documentation: `Stage of ${dockerfile.label}, line ${stage.line + 1}.`, insertText: prefix + stage.name, snippet: false, span, sortText: String(items.length).padStart(4, '0') });
  }
  return items;
}
