/**
 * `build-target-missing`: a `build.target` that names no stage of the Dockerfile the service builds.
 * BuildKit's Dockerfile frontend stops the build with `target stage "x" could not be found`
 * (moby/buildkit `frontend/dockerfile/dockerfile2llb/convert.go`); stage names match case-insensitively
 * (`instructions/parse.go` lowercases them). Only judged when the Dockerfile can be read and has stages.
 */
import { dirname, type FileHost } from '../host';
import type { ComposeDocument } from '../parse/model';
import { dockerfileStages } from '../parse/dockerfile';
import { get, isInterpolated, text, type Node } from '../parse/tree';
import { perDocument } from '../perDocument';
import type { Finding } from '../types';
import { readDockerfile } from '../features/localFiles';

const DOCS = 'https://docs.docker.com/reference/compose-file/build/#target';

export function checkBuildTargets(doc: ComposeDocument, path: string, host: FileHost): Finding[] {
  const findings: Finding[] = [];
  for (const { build, targetNode, target } of writtenTargets(doc)) {
    const dockerfile = readDockerfile(build, dirname(path), host);
    if (!dockerfile) continue;
    const stages = dockerfileStages(dockerfile.text);
    const names = stages.flatMap((stage) => (stage.name === undefined ? [] : [stage.name]));
    if (stages.length === 0 || names.some((name) => name.toLowerCase() === target.toLowerCase())) continue;
    const known = names.length === 0 ? 'it has no named stages' : `its stages are ${names.map((name) => `'${name}'`).join(', ')}`;
    findings.push({
      code: 'build-target-missing',
      severity: 'warning',
      message: `No stage '${target}' in ${dockerfile.label} (${known}): the build stops with "target stage could not be found".`,
      span: targetNode.span,
      docUrl: DOCS,
    });
  }
  return findings;
}

/**
 * The services' `build.target`s written as plain text, found once per version: every hover and completion
 * checks them, and finding them walks every service (issue 18). The Dockerfiles are read on each call, as
 * they change on disk without the document changing.
 */
const writtenTargets = perDocument((doc: ComposeDocument) => {
  const targets: { readonly build: Node; readonly targetNode: Node; readonly target: string }[] = [];
  for (const { node } of doc.model.services.values()) {
    const build = get(node, 'build');
    const targetNode = get(build, 'target');
    const target = text(targetNode);
    if (!build || !targetNode || target === undefined || isInterpolated(targetNode) || targetNode.via) continue;
    targets.push({ build, targetNode, target });
  }
  return targets;
});
