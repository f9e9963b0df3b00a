/** `driver_opts` of a network: the options its driver understands, and their values. */
import { defaultDriver, DRIVER_OPTION_DOCS, networkDriver } from '../../facts/networkDrivers';
import type { ComposeDocument } from '../../parse/model';
import { at, text, type MapNode } from '../../parse/tree';
import type { Span } from '../../types';
import { colonFollows, writtenKeys, type CompletionItem } from './item';

/** Option keys for the `driver_opts` of network `network`, minus those written. */
export function driverOptionKeys(doc: ComposeDocument, network: string, map: MapNode | undefined, span: Span): CompletionItem[] {
  const driver = text(at(doc.model.networks.get(network)?.node, 'driver')) ?? defaultDriver(doc.mode);
  const present = writtenKeys(map, span);
  const hasColon = colonFollows(doc, span);
  return (networkDriver(driver)?.options ?? [])
    .filter((option) => !present.has(option))
    .map((option): CompletionItem => ({
      label: option,
      kind: 'property',
      ...(DRIVER_OPTION_DOCS[option] ? { detail: DRIVER_OPTION_DOCS[option].summary } : {}),
      // Overlay encryption is switched on by the key's presence; Docker's docs write it with an empty value.
      insertText: hasColon ? option : `${option}: ${option === 'encrypted' ? '""' : '$0'}`,
      snippet: !hasColon,
      span,
    }));
}

/** Values of an enumerated driver option. */
export function driverOptionValues(option: string, span: Span, prefix: string): CompletionItem[] {
  const fact = DRIVER_OPTION_DOCS[option];
  return (fact?.values ?? []).map((value) => ({ label: value, kind: 'enum', ...(fact?.valueSummaries?.[value] ? { detail: fact.valueSummaries[value] } : {}), insertText: prefix + (value === 'true' || value === 'false' ? `"${value}"` : value), snippet: false, span, filterText: value }));
}
