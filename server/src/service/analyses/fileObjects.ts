/**
 * Secrets and configs that give Compose nothing to read: a non-external secret needs `file` or
 * `environment` (compose-go `checkConsistency` and `validation.checkFileObject`), a config `file`,
 * `environment` or `content`. `docker stack deploy` reads `file` unless the object is external or,
 * for secrets, has a `driver` (docker/cli `convert/compose.go`).
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import type { ComposeDocument, Element } from '../parse/model';
import { get, text } from '../parse/tree';
import type { Finding } from '../types';
import type { Analysis } from './analysis';

export function fileObjectsAnalysis(): Analysis {
  return { name: 'fileObjects', run: findSourcelessObjects };
}

function findSourcelessObjects(doc: ComposeDocument): Finding[] {
  const findings: Finding[] = [];
  const check = (element: Element, code: string, sources: readonly string[]) => {
    const node = element.node;
    const external = get(node, 'external');
    if (element.via || (external && text(external) !== 'false') || sources.some((key) => get(node, key) !== undefined)) return;
    const kind = element.section === 'secrets' ? 'Secret' : 'Config';
    findings.push({
      code,
      severity: 'error',
      message: `${kind} '${element.name}' has no content: set ${sources.map((s) => `'${s}'`).join(' or ')}, or mark it 'external: true'.`,
      span: element.keySpan,
      docUrl: composeFileDoc(element.section),
    });
  };
  const stack = doc.mode === 'stack';
  for (const secret of doc.model.secrets.values()) check(secret, 'secret-source-missing', stack ? ['file', 'driver'] : ['file', 'environment']);
  for (const config of doc.model.configs.values()) check(config, 'config-source-missing', stack ? ['file'] : ['file', 'environment', 'content']);
  return findings;
}
