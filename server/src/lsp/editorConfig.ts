/**
 * The configuration files in the editor: each document's `.shipshape.yaml` (or package.json key) found
 * upwards, no higher than its workspace folder, through the server's FileHost. The editor settings the
 * user set override the file (rules code by code, stack patterns as a whole). A configuration's problems
 * are published as diagnostics on the configuration file at the bad key, the place a user looks; the
 * valid keys still apply meanwhile. Lookups are kept until a watched file changes (`changed()`).
 */
import type { ConfigFile, FileHost, Finding, LineIndex, ModeChoice, ServiceSettings } from '../service/index';
import { ConfigLookup, isExcluded, rulesWith, stackModeFor } from '../service/index';
import { filePath, uriPath } from './uri';

export type PublishConfigFindings = (path: string, findings: readonly Finding[], lineIndex: LineIndex | undefined) => void;

export class EditorConfig {
  private readonly lookup: ConfigLookup;
  /** Configuration path → the parse whose findings were published last. */
  private readonly published = new Map<string, ConfigFile>();

  constructor(host: FileHost, roots: () => readonly string[], private readonly publish: PublishConfigFindings) {
    this.lookup = new ConfigLookup(host, (folder) => roots().includes(folder));
  }

  /** The configuration of the document at `uri` (none for untitled documents). */
  forDocument(uri: string): ConfigFile | undefined {
    const path = filePath(uri);
    const file = path === undefined ? undefined : this.lookup.forFile(path);
    if (file && this.published.get(file.path) !== file) {
      this.published.set(file.path, file);
      this.publish(file.path, file.findings, file.lineIndex);
    }
    return file;
  }

  /** A configuration file may have been created, changed or deleted: look again, publish afresh. */
  changed(): void {
    this.lookup.clear();
    for (const path of this.published.keys()) this.publish(path, [], undefined);
    this.published.clear();
  }

  /** What decides stack or Compose: the `stackFilePatterns` setting when the user set it, else the configuration's; then the core. */
  modeOf(uri: string, settingPatterns: readonly string[] | undefined): ModeChoice {
    return stackModeFor(filePath(uri) ?? uriPath(uri), this.forDocument(uri), settingPatterns);
  }

  /** The settings for one document: the configuration's rules under the editor's. */
  settingsFor(uri: string, settings: ServiceSettings): ServiceSettings {
    const file = this.forDocument(uri);
    return file ? { ...settings, rules: rulesWith(file, settings.rules) } : settings;
  }

  /** Left out by the configuration's `exclude`: no diagnostics. */
  excludes(uri: string): boolean {
    const path = filePath(uri);
    return path !== undefined && isExcluded(this.forDocument(uri), path);
  }
}
