/**
 * Network drivers and modes: top-level network definitions (drivers, driver options, external networks)
 * and how services attach (network_mode, the predefined host/none networks, aliases). The checks live in
 * networks/; this module registers them and their quick fixes.
 */
import type { ComposeDocument } from '../parse/model';
import type { Finding } from '../types';
import type { Analysis } from './analysis';
import { checkAttachments } from './networks/attachments';
import { checkNetworkDefinitions } from './networks/definitions';
import { removeKeyFix } from './edits';
import { addMacvlanParent, removeNetworks, replaceHostDriver, rewriteExternalName } from './networks/fixes';

export const networksAnalysis: Analysis = {
  name: 'networks',
  run(doc: ComposeDocument): Finding[] {
    return [...checkNetworkDefinitions(doc), ...checkAttachments(doc)];
  },
  fixes: {
    'network-mode-conflict': removeNetworks,
    'external-name-deprecated': rewriteExternalName,
    'macvlan-missing-parent': addMacvlanParent,
    'shared-netns-option': removeKeyFix,
    'shared-netns-option-ignored': removeKeyFix,
    'links-with-host-network': removeKeyFix,
    'driver-host-null-none': replaceHostDriver,
  },
};
