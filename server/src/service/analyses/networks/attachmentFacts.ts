/**
 * What the network checks need from one service's attachments, extracted once per service content (see
 * serviceFacts.ts): the networks it names and its aliases, with spans relative to the service.
 */
import { joinsDefaultNetwork, networkMode, serviceNetworks, type NetworkModeKind } from '../../parse/compose';
import type { Element } from '../../parse/model';
import { text } from '../../parse/tree';
import type { Span } from '../../types';
import { perServiceFacts, type Frame } from '../serviceFacts';

export interface AttachmentFacts {
  /** The networks it names, with where each is named. */
  readonly networks: readonly { readonly name: string; readonly span: Span }[];
  readonly joinsDefault: boolean;
  /** Each alias it has on a network (once per network and alias), with where it is written and used. */
  readonly aliases: readonly { readonly network: string; readonly alias: string; readonly key: string; readonly span: Span; readonly via?: Span }[];
  /** The kind of its `network_mode`, when it sets one. */
  readonly networkMode: NetworkModeKind | undefined;
}

export const attachmentFacts = perServiceFacts((element: Element, _mode, frame: Frame): AttachmentFacts => {
  const attachments = serviceNetworks(element.node);
  const aliases: { network: string; alias: string; key: string; span: Span; via?: Span }[] = [];
  const seen = new Set<string>();
  for (const attachment of attachments) {
    for (const node of attachment.aliases) {
      const alias = text(node);
      const key = `${attachment.name}\n${alias}`;
      if (alias === undefined || seen.has(key)) continue;
      seen.add(key);
      aliases.push({ network: attachment.name, alias, key, span: frame.span(node.span), ...(node.via ? { via: frame.span(node.via) } : {}) });
    }
  }
  return { networks: attachments.map((a) => ({ name: a.name, span: frame.span(a.span) })), joinsDefault: joinsDefaultNetwork(element.node), aliases, networkMode: networkMode(element.node)?.kind };
});
