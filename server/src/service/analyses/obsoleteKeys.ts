/**
 * Keys Compose still reads but no longer needs: the top-level `version` (compose-go warns "the
 * attribute `version` is obsolete, it will be ignored") and legacy `links` (service names resolve on
 * shared networks). Compose only: a stack file's `version` selects its schema, and the stack analysis
 * reports ignored keys such as `links`.
 */
import { composeFileDoc } from '../facts/composeFileDocs';
import type { ComposeDocument } from '../parse/model';
import { entry } from '../parse/tree';
import type { Finding } from '../types';
import type { Analysis, FixProvider } from './analysis';
import { removeEntry } from './edits';
import { perServiceFindings } from './serviceFindings';

const SERVICES = composeFileDoc('services');

export function obsoleteKeysAnalysis(): Analysis {
  return {
    name: 'obsoleteKeys',
    run: (doc) => (doc.mode === 'stack' ? [] : [...obsoleteVersion(doc), ...deprecatedLinks(doc)]),
    fixes: { 'version-obsolete': deleteVersion },
  };
}

function obsoleteVersion(doc: ComposeDocument): Finding[] {
  return doc.model.topLevel
    .filter((top) => top.key === 'version')
    .map((top) => ({
      code: 'version-obsolete',
      severity: 'information' as const,
      message: "The top-level 'version' is obsolete: Compose ignores it and always uses the latest Compose Specification.",
      span: { start: top.keySpan.start, end: Math.max(top.keySpan.end, top.node.span.end) },
      docUrl: composeFileDoc('version-and-name'),
      tags: ['deprecated' as const],
    }));
}

/** `links` in a service, once per written key with every use (serviceFindings.ts). */
const deprecatedLinks = perServiceFindings(function* (service) {
  const links = entry(service.node, 'links');
  if (!links) return;
  const finding: Finding = {
    code: 'links-deprecated',
    severity: 'information',
    message: "'links' is a legacy option: services on a shared network already reach each other by service name; use 'depends_on' for start order.",
    span: links.keySpan,
    docUrl: `${SERVICES}#links`,
    tags: ['deprecated'],
  };
  yield { finding, via: links.via };
});

/** Removes the `version` entry of the document it is in. */
const deleteVersion: FixProvider = (doc, finding) => {
  for (const { root } of doc.documents) {
    const version = entry(root, 'version');
    if (root && version?.keySpan.start === finding.span.start) {
      return [{ title: "Remove the obsolete 'version'", kind: 'quickfix', edits: [removeEntry(doc, version, root)], isPreferred: true }];
    }
  }
  return [];
};
