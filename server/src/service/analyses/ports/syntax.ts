/**
 * How port items are written: parser problems (invalid numbers, ranges, protocols, addresses), plain
 * scalars that YAML 1.1 reads as base-60 numbers, unquoted mappings and unbracketed IPv6 host addresses.
 */
import type { PortSpec } from '../../parse/ports';
import type { Finding } from '../../types';
import { DOCS } from './docs';

/** YAML 1.1 sexagesimal int and float (https://yaml.org/type/int.html, https://yaml.org/type/float.html). */
const BASE60_INT = /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/;

function isBase60(raw: string): boolean {
  return BASE60_INT.test(raw) || BASE60_FLOAT.test(raw);
}

/** The number a YAML 1.1 parser reads from a base-60 scalar, e.g. 22:22 -> 1342. */
function base60Value(raw: string): number {
  const sign = raw.startsWith('-') ? -1 : 1;
  const value = raw.replace(/^[-+]/, '').replace(/_/g, '').split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return sign * value;
}

/** Findings about one written port item (items used through aliases are judged once, where written). */
export function syntaxFindings(spec: PortSpec): Finding[] {
  const findings: Finding[] = spec.problems.map((problem) => ({ code: problem.code, severity: 'error', message: problem.message, span: problem.span, docUrl: DOCS.ports }));
  const node = spec.node;
  if (node.kind !== 'scalar') return findings;
  if (node.style === 'plain' && node.raw.includes(':')) {
    findings.push(
      isBase60(node.raw)
        ? { code: 'port-base60', severity: 'warning', message: `YAML 1.1 tools read the unquoted ${node.raw} as the base-60 number ${base60Value(node.raw)}: quote it as "${node.raw}".`, span: node.span, docUrl: DOCS.ports }
        : { code: 'port-unquoted', severity: 'information', message: `Quote the port mapping ${node.raw}: the Compose specification recommends quoting HOST:CONTAINER values.`, span: node.span, docUrl: DOCS.ports },
    );
  }
  const ip = spec.hostIp;
  if (ip && ip.address.includes(':') && !node.interpolation && !node.raw.includes('[')) {
    findings.push({ code: 'port-ipv6-unbracketed', severity: 'information', message: `Write the IPv6 host address ${ip.address} in brackets, [${ip.address}], so the host port after it stands out.`, span: ip.span, docUrl: DOCS.ports });
  }
  return findings;
}
