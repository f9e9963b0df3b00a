/**
 * The typed Compose model over the resolved YAML tree: the top-level sections with their named elements.
 * Elements keep their key span and value node, so every analysis can point at what the user wrote.
 */
import { decideMode } from '../mode/decide';
import type { ComposeMode, Finding, ModeChoice, ModeSource, Span } from '../types';
import { LineIndex } from './lineIndex';
import { Lineage } from './lineage';
import { reparse } from './incremental';
import { changedRange } from './textChange';
import { parseYaml, type ParsedYaml, type YamlDocument } from './parse';
import { parseInPieces } from './pieces';
import type { ComposeModel, Element } from './elements';
import { isSection, type SectionName } from './sections';
import { asMap, type MapNode, type Node } from './tree';

export type { ComposeModel, Element } from './elements';

/** One parsed version of a Compose or stack file: everything features need, computed once. */
export interface ComposeDocument {
  readonly text: string;
  readonly mode: ComposeMode;
  /** What decided `mode` (a modeline, the name, the content…); the mode-contradiction note reads it. */
  readonly modeSource: ModeSource;
  readonly lineIndex: LineIndex;
  readonly documents: readonly YamlDocument[];
  readonly syntaxFindings: readonly Finding[];
  readonly model: ComposeModel;
  /**
   * Set on the merged model of a whole Compose project: every name it uses is declared in it, so
   * nothing is left for "another file" to declare (references/partialFile.ts).
   */
  readonly whole?: boolean;
}

/**
 * Parses `text` and decides its mode from `choice` (mode/decide.ts). With the previous version of the same file, only the element an edit touched is
 * re-parsed when that is safe (see incremental.ts); a large text is parsed in pieces (pieces.ts). For a
 * text without YAML errors the result is the same as a full parse either way; in a large text a YAML
 * error is kept to the piece or element it is in.
 */
export function parseCompose(text: string, choice: ModeChoice, previous?: ComposeDocument): ComposeDocument {
  const before = previous && parses.get(previous);
  const large = text.length >= LARGE_TEXT;
  const change = before && before.text !== text ? changedRange(before.text, text) : undefined;
  const parsed = (before && reparse(before, text, large, change)) ?? (large ? parseInPieces(text) : undefined) ?? parseYaml(text);
  const model = buildModel(parsed.documents, previous?.model);
  const { mode, source } = decideMode(choice, text, model);
  const lineIndex = previous && change ? LineIndex.edited(previous.lineIndex, text, change) : (previous?.text === text ? previous.lineIndex : new LineIndex(text));
  const doc: ComposeDocument = { text, mode, modeSource: source, lineIndex, documents: parsed.documents, syntaxFindings: parsed.syntaxFindings, model };
  parses.set(doc, { ...parsed, text, lineage: before?.lineage ?? new Lineage() });
  return doc;
}

/** The state a parsed file's versions hand on (lineage.ts); none for derived and project documents. */
export function lineageOf(doc: ComposeDocument): Lineage | undefined {
  return parses.get(doc)?.lineage;
}

/**
 * The same parsed version seen with other trees (a project's environment applied): text, line index
 * and syntax findings are shared, the model is rebuilt over `documents`.
 */
export function deriveDocument(doc: ComposeDocument, documents: readonly YamlDocument[]): ComposeDocument {
  return { ...doc, documents, model: buildModel(documents) };
}

/**
 * The merged model of a project's files (project/effective.ts): `text` holds every file in the project's
 * offset space and the documents are the merged trees. Nothing in it is parsed, so it has no syntax findings.
 */
export function projectDocument(text: string, mode: ComposeMode, documents: readonly YamlDocument[], options: { readonly whole: boolean }): ComposeDocument {
  return { text, mode, modeSource: 'given', lineIndex: new LineIndex(text), documents, syntaxFindings: [], model: buildModel(documents), ...(options.whole ? { whole: true } : {}) };
}

/**
 * Text length (about 250 services) from which a file is parsed in pieces and YAML errors are kept to
 * the piece or element they are in. Below it a whole parse takes about 0.2 s, so even keystrokes with
 * an error open stay quick; above it, a whole parse per keystroke would take seconds and hundreds of
 * MB. Parsing in pieces costs about 5-10% more time than a whole parse.
 */
const LARGE_TEXT = 256 * 1024;

/** What the incremental parse of the next version needs, kept out of the public document shape. */
const parses = new WeakMap<ComposeDocument, ParsedYaml & { readonly text: string; readonly lineage: Lineage }>();

function buildModel(documents: readonly YamlDocument[], previous?: ComposeModel): ComposeModel {
  const sections: Record<SectionName, Map<string, Element>> = {
    services: new Map(),
    networks: new Map(),
    volumes: new Map(),
    secrets: new Map(),
    configs: new Map(),
  };
  const topLevel: { key: string; keySpan: Span; node: Node }[] = [];
  for (const document of documents) {
    const root = asMap(document.root);
    if (!root) continue;
    for (const { key, keySpan, value } of root.entries) {
      topLevel.push({ key, keySpan, node: value });
      if (!isSection(key)) continue;
      const section = asMap(value);
      if (!section) continue;
      // Later documents override earlier ones, as compose-go merges multi-document files.
      for (const element of elementsOf(key, section, previous?.[key])) sections[key].set(element.name, element);
    }
  }
  return { ...sections, topLevel };
}

/**
 * The elements of a section; one an edit left alone (the same entry at the same place) is the previous
 * version's element object, so what was derived from it for that version is reused as it is
 * (elementCache.ts checkedElements, serviceFacts.ts).
 */
function elementsOf(section: SectionName, map: MapNode, previous: ReadonlyMap<string, Element> | undefined): Element[] {
  return map.entries.map(({ key, keySpan, value, via }) => {
    const before = previous?.get(key);
    if (before && before.node === value && before.keySpan === keySpan && before.via === via) return before;
    return via ? { section, name: key, keySpan, node: value, via } : { section, name: key, keySpan, node: value };
  });
}

/** Top-level keys of the Compose Specification (besides `x-` extensions). */
const COMPOSE_TOP_LEVEL = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models']);

/**
 * Whether a YAML file is plausibly a Compose or stack file. Editors hand us every file matching a
 * stack pattern, and `*stack*.yaml` also matches Haskell Stack's `stack.yaml`; such files must not be
 * judged by Compose rules. An empty file counts as Compose (it is being written).
 */
export function looksLikeCompose(doc: ComposeDocument): boolean {
  const keys = doc.model.topLevel.map((entry) => entry.key).filter((key) => !key.startsWith('x-'));
  if (keys.length === 0) return true;
  return keys.some((key) => key === 'services' || key === 'include') || keys.every((key) => COMPOSE_TOP_LEVEL.has(key));
}
