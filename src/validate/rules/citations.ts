/**
 * Citations and quotes: each source document the module declares is read and split into its
 * parts (numbered paragraphs, or articles, principles, sections or rules with their numbered
 * paragraphs); every citation must name a declared document and one of its parts, and every
 * quote must be word for word in the part it cites.
 */
import { readBoundedFile } from '../../fs-read.js';
import { MAX_CONTENT_FILE_BYTES, readProblemDiagnostic } from '../../load/json-file.js';
import {
  explainQuoteMismatch,
  findHeadings,
  normalizeWhitespace,
  numberingOf,
  type SourceParts,
  splitSource,
} from '../../load/source-text.js';
import type { SourceDocument } from '../../model/content.generated.js';
import {
  type Citation,
  citedUnit,
  type Lesson,
  type SourceText,
  UNIT_KINDS,
  UNIT_LISTS,
  type UnitKind,
  unitName,
} from '../../model/course.js';
import { isWithinUnit } from '../../shared/units.js';
import { PLACEHOLDERS, placeholderIn } from '../placeholders.js';
import { closest } from '../suggest.js';
import { type At, citationJson, describeNumbers, type Located, type RuleContext, unitValue } from './context.js';
import { explainMissing } from './media-paths.js';

export interface Citations {
  sources: SourceText[];
  sourceByDocument: Map<string, SourceText>;
  /** Reports a citation that does not resolve; true when it does. */
  check(citation: Citation, at: At): boolean;
  /** How many citations did not resolve (already reported): coverage and draw counts built on them would mislead. */
  unresolved(): number;
}

/** Reads the declared source documents, and returns the checker every citation goes through. */
export async function readSources(context: RuleContext): Promise<Citations> {
  const { meta, broken, report, moduleAt } = context;
  const sources: SourceText[] = [];
  const seenDocuments = new Map<string, number>();
  // Citations of a source that is broken (its declaration, or its numbering) cannot be checked;
  // that is reported once, where the source is declared.
  const declarations: unknown[] = Array.isArray(meta.sources) ? meta.sources : [];
  const brokenDocuments = new Set<string>();
  /** A broken declaration that does not even name its document: any unknown document may be that one. */
  let unnamedBroken = !Array.isArray(meta.sources);
  for (const [index, entry] of declarations.entries()) {
    if (!broken.moduleTrusts(`/sources/${index}`)) {
      const document = (entry as { document?: unknown } | null)?.document;
      if (typeof document === 'string') brokenDocuments.add(document);
      else unnamedBroken = true;
      continue;
    }
    const declared = entry as SourceDocument;
    const earlier = seenDocuments.get(declared.document);
    if (earlier !== undefined) {
      report(
        'duplicate-id',
        moduleAt(`/sources/${index}/document`),
        `the document ${declared.document} is declared twice (sources ${earlier + 1} and ${index + 1}).`,
        {
          hint: 'Declare each document once, listing all the parts the module covers in its "paragraphs" (or "articles", …).',
        },
      );
      continue;
    }
    seenDocuments.set(declared.document, index);
    const source = await readSource(context, declared, index);
    if (source) sources.push(source);
    else brokenDocuments.add(declared.document);
  }
  const sourceByDocument = new Map(sources.map((s) => [s.document, s]));
  const declaredDocuments = [...seenDocuments.keys()];

  const resolve = (citation: Citation, at: At): boolean => {
    if (brokenDocuments.has(citation.document)) return false;
    if (!seenDocuments.has(citation.document)) {
      if (unnamedBroken) return false;
      const suggestion = closest(citation.document, declaredDocuments);
      report(
        'unknown-source',
        { ...at, pointer: `${at.pointer}/document` },
        `"${citation.document}" is not one of the module's source documents (${declaredDocuments.join(', ')}).`,
        {
          hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
        },
      );
      return false;
    }
    const source = sourceByDocument.get(citation.document);
    if (!source) return false;
    const { kind, id } = citedUnit(citation);
    const unitAt = { ...at, pointer: `${at.pointer}/${kind}` };
    if (kind !== source.unit) {
      report(
        'citation-unit-mismatch',
        unitAt,
        `${source.document} is divided into ${UNIT_LISTS[source.unit]}, so a citation of it names ${article(source.unit)}, not ${article(kind)}.`,
        {
          hint: `Write ${citationJson(source.document, source.unit, id)}: "${source.unit}" in place of "${kind}", in every citation of ${source.document}.`,
          atKey: true,
        },
      );
      return false;
    }
    if (!source.units.has(id)) {
      report(
        'unknown-paragraph',
        unitAt,
        `${source.document} has no ${unitName(kind, id)} in ${source.file} (${describeParts(source, id)}).`,
        {
          hint: `Cite one of those. ${partRule(source, id)}`,
        },
      );
      return false;
    }
    if (!source.declared.some((declared) => isWithinUnit(id, declared))) {
      report(
        'paragraph-not-declared',
        unitAt,
        `${unitName(kind, id)} of ${citation.document} is not among the module's declared ${UNIT_LISTS[kind]} (${describeNumbers(source.declared)}).`,
        {
          hint: `Add ${unitValue(id)} to "${UNIT_LISTS[kind]}" in module.json, or cite one of the declared ${UNIT_LISTS[kind]}.`,
        },
      );
    }
    return true;
  };
  let unresolved = 0;
  return {
    sources,
    sourceByDocument,
    check(citation, at) {
      const resolved = resolve(citation, at);
      if (!resolved) unresolved++;
      return resolved;
    },
    unresolved: () => unresolved,
  };
}

/** One declared source: its file read and split into parts. Undefined when its citations cannot be checked (reported). */
async function readSource(context: RuleContext, declared: SourceDocument, index: number): Promise<SourceText | undefined> {
  const { loaded, report, moduleAt } = context;
  if (declared.document === PLACEHOLDERS.document) {
    report(
      'placeholder-text',
      moduleAt(`/sources/${index}/document`),
      `the document symbol is still \`coursekit new\`'s placeholder ${PLACEHOLDERS.document}.`,
      {
        hint: `Write the symbol of your source document (such as A/58/275), here and in every citation: search the module for "${PLACEHOLDERS.document}".`,
      },
    );
  }
  const at = moduleAt(`/sources/${index}/file`);
  const resolved = await context.paths.resolve(declared.file);
  if (resolved.kind === 'outside') {
    report('media-outside-module', at, `the source document path "${declared.file}" leaves the module folder.`);
    return undefined;
  }
  if (resolved.kind === 'missing') {
    const { problem, hint } = explainMissing(resolved);
    const place = `${loaded.displayFolder}/${declared.file}`;
    const why = problem === 'does not exist' ? '' : `: the file ${problem}`;
    report('source-file-missing', at, `the text of ${declared.document} is not at ${place}${why}.`, { hint });
    return undefined;
  }
  if (resolved.kind === 'not-a-file') {
    report('source-file-missing', at, `the text of ${declared.document}, ${declared.file}, is ${resolved.what}, not a text file.`);
    return undefined;
  }
  const read = readBoundedFile(resolved.path, { maxBytes: MAX_CONTENT_FILE_BYTES, within: loaded.realFolder });
  if (!read.ok) {
    const problem = readProblemDiagnostic(read, `${loaded.displayFolder}/${declared.file}`, MAX_CONTENT_FILE_BYTES);
    report(problem.code, at, `the text of ${declared.document}: ${problem.message}`, { hint: problem.hint });
    return undefined;
  }
  const text = decodeUtf8Text(read.bytes);
  if (text === undefined) {
    report(
      'file-not-utf8',
      at,
      `the text of ${declared.document} (${declared.file}) is not UTF-8 text, so its paragraphs cannot be matched.`,
    );
    return undefined;
  }
  const placeholderText = placeholderIn(text);
  if (placeholderText)
    report('placeholder-text', at, `${declared.file} still has the placeholder "${placeholderText}" that \`coursekit new\` wrote.`, {
      hint: `Put the text of ${declared.document} in ${declared.file}, in place of the placeholder: quotes are checked against it, and learners see it.`,
    });

  const unit = UNIT_KINDS.find((kind) => declared[UNIT_LISTS[kind]] !== undefined) ?? 'paragraph';
  const list = UNIT_LISTS[unit];
  const parts = splitSource(text, numberingOf(unit, declared.numbering), declared.display);
  const source: SourceText = {
    document: declared.document,
    title: declared.title,
    file: declared.file,
    unit,
    declared: (declared[list] ?? []).map(String),
    units: parts.units,
    displayed: parts.displayed,
  };
  checkDisplayRules(context, declared, index, text);
  if (parts.repeated.length > 0) {
    reportRepeatedNumbering(context, source, parts, text, index);
    return undefined;
  }
  const missing = source.declared.filter((id) => !parts.units.has(id));
  if (missing.length === source.declared.length) {
    // Nothing declared is in the file: one problem with how the document is described, not one per part.
    report(
      'source-paragraph-missing',
      moduleAt(`/sources/${index}/${list}`),
      `none of the declared ${list} (${describeNumbers(source.declared)}) is in ${declared.file}: ${describeParts(source)}.`,
      { hint: describeDivision(text, source) ?? partRule(source, source.declared[0]!) },
    );
    return undefined;
  }
  for (const id of missing) {
    report(
      'source-paragraph-missing',
      moduleAt(`/sources/${index}/${list}/${source.declared.indexOf(id)}`),
      `${unitName(unit, id)} is declared, but ${declared.file} does not have it (${describeParts(source)}).`,
      { hint: `Add its text to ${declared.file}, or remove ${unitValue(id)} from "${list}". ${partRule(source, id)}` },
    );
  }
  return source;
}

/**
 * The same number starts two parts: the document numbers its paragraphs again inside each
 * article (as the Universal Declaration does), or is not divided the way it is declared. Every
 * citation of it would be ambiguous, so this is reported once and the citations are not checked.
 */
function reportRepeatedNumbering(context: RuleContext, source: SourceText, parts: SourceParts, text: string, index: number): void {
  const first = parts.repeated[0]!;
  const restart = first.lines[1]!;
  const lineBefore = text.split(/\r?\n/)[restart - 2]?.trim();
  const name = unitName(source.unit, first.id);
  context.report(
    'source-numbering-repeats',
    context.moduleAt(`/sources/${index}/file`),
    `${source.file} has ${name} twice (lines ${first.lines.join(' and ')})${
      lineBefore ? `: its numbering starts again after "${lineBefore}"` : ''
    }, so a citation of ${name} would not say which one it means.`,
    {
      hint:
        describeDivision(text, source) ??
        `Declare how the document is divided: "numbering": { "startsWith": … } says how each part starts a line, and "subparagraphs" how the numbered paragraphs inside a part do.`,
    },
  );
}

/**
 * When the file is divided by headings such as "Article 14", the declaration that fits it:
 * the list of parts, the numbering when the word is not the usual one, and how to cite.
 */
function describeDivision(text: string, source: SourceText): string | undefined {
  const headings = findHeadings(text);
  if (!headings) return undefined;
  const kind = UNIT_KINDS.find((k) => k !== 'paragraph' && k === headings.word.toLowerCase());
  const list = kind ? UNIT_LISTS[kind] : undefined;
  const numbers = headings.numbers.map(unitValue).join(', ');
  const example = headings.numbers.at(-1)!;
  if (kind && list) {
    const declaredAs = list === UNIT_LISTS[source.unit] ? '' : ` in place of "${UNIT_LISTS[source.unit]}"`;
    return `The document is divided into ${list} ("${headings.word} ${example}", line ${headings.lines.at(-1)}), each with numbered paragraphs: declare "${list}": [${numbers}]${declaredAs}, and cite ${citationJson(source.document, kind, `${example}(1)`)} for paragraph 1 of ${unitName(kind, example)}.`;
  }
  return `The document is divided by headings such as "${headings.word} ${example}" (line ${headings.lines.at(-1)}): declare the parts in "articles", "principles", "sections" or "rules" (whichever they are) in place of "${UNIT_LISTS[source.unit]}", with "numbering": { "startsWith": "${headings.word} {n}" }.`;
}

/** Each replacement must find something: one that does not was mistyped, and learners see the artefact. */
function checkDisplayRules({ report, moduleAt }: RuleContext, declared: SourceDocument, index: number, text: string): void {
  const flat = normalizeWhitespace(text);
  (declared.display?.replace ?? []).forEach((rule, i) => {
    if (flat.includes(normalizeWhitespace(rule.find))) return;
    report(
      'display-replace-unmatched',
      moduleAt(`/sources/${index}/display/replace/${i}/find`),
      `"${rule.find}" is not in ${declared.file}, so this replacement changes nothing.`,
    );
  });
}

/** "it has paragraphs 74 to 77", "it has Articles 13, 14". */
function describeParts(source: SourceText, cited?: string): string {
  const parent = cited?.replace(/\(.*$/, '');
  if (cited && parent !== cited && source.units.has(parent!)) {
    const inside = [...source.units.keys()].filter((id) => id.startsWith(`${parent}(`));
    return inside.length > 0
      ? `${unitName(source.unit, parent!)} has paragraphs ${describeNumbers(inside)}`
      : `${unitName(source.unit, parent!)} has no numbered paragraphs`;
  }
  const top = [...source.units.keys()].filter((id) => !id.includes('('));
  if (top.length === 0) return 'no line of it starts a part as declared';
  return `it has ${UNIT_LISTS[source.unit]} ${describeNumbers(top)}`;
}

/** How part `id` shows in the file, for hints: a line starting with "75. ", or with "Article 14" (then "1. " for 14(1)). */
function partRule(source: SourceText, id: string): string {
  const [, part = id, inside] = /^([^(]*)(?:\((.*)\))?$/.exec(id) ?? [];
  if (source.unit === 'paragraph' && inside === undefined)
    return `A paragraph exists when a line of ${source.file} starts with its number and a full stop ("${part}. ").`;
  const starts = `${unitName(source.unit, part)} exists when a line of ${source.file} starts with "${source.unit === 'paragraph' ? `${part}. ` : unitName(source.unit, part)}"`;
  const within = inside === undefined ? '' : `, and ${unitName(source.unit, id)} when a line after it starts with "${inside}. "`;
  return `${starts}${within} (set "numbering" in module.json when the file prints them otherwise).`;
}

function article(kind: UnitKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** Every quote block is word for word in the part it cites (as the file has it, or as learners see it). */
export function checkQuotes({ report }: RuleContext, lessons: Located<Lesson>[], citations: Citations): void {
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'quote') continue;
      const fieldAt = (field: string): At => ({ file: lesson.file, pointer: `/blocks/${b}/${field}` });
      if (!citations.check(block.citation, fieldAt('citation'))) continue;
      const source = citations.sourceByDocument.get(block.citation.document)!;
      const { kind, id } = citedUnit(block.citation);
      const quote = normalizeWhitespace(block.text);
      const inPart = (part: string) => source.units.get(part)?.includes(quote) || source.displayed.get(part)?.includes(quote);
      if (quote === '' || inPart(id)) continue;
      // The most precise part that has it: "13(2)" rather than the whole of Article 13.
      const elsewhere = [...source.units.keys()].filter(inPart).sort((a, c) => c.length - a.length)[0];
      const cited = `${block.citation.document} ${unitName(kind, id)}`;
      if (elsewhere !== undefined) {
        report(
          'quote-not-verbatim',
          fieldAt(`citation/${kind}`),
          `the quote is not in ${cited}, but it is word for word in ${unitName(kind, elsewhere)}.`,
          {
            hint: `Cite ${unitName(kind, elsewhere)}: set "${kind}" to ${unitValue(elsewhere)}.`,
          },
        );
      } else {
        report(
          'quote-not-verbatim',
          fieldAt('text'),
          `the quote is not found word for word in ${cited}: ${explainQuoteMismatch(quote, source.units.get(id) ?? '')}.`,
        );
      }
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8Text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
