/**
 * Citations and quotes: each source document the module declares is read and split into its
 * numbered paragraphs; every citation must name a declared document and one of its
 * paragraphs, and every quote must be word for word in the paragraph it cites.
 */
import { readBoundedFile } from '../../fs-read.js';
import { MAX_CONTENT_FILE_BYTES, readProblemDiagnostic } from '../../load/json-file.js';
import { explainQuoteMismatch, normalizeWhitespace, splitParagraphs } from '../../load/source-text.js';
import type { Citation, Lesson, SourceText } from '../../model/course.js';
import { closest } from '../suggest.js';
import { describeNumbers, type At, type Located, type RuleContext } from './context.js';
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
  const { meta, loaded, report, moduleAt } = context;
  const sources: SourceText[] = [];
  const seenDocuments = new Map<string, number>();
  for (const [index, declared] of meta.sources.entries()) {
    const earlier = seenDocuments.get(declared.document);
    if (earlier !== undefined) {
      report(
        'duplicate-id',
        moduleAt(`/sources/${index}/document`),
        `the document ${declared.document} is declared twice (sources ${earlier + 1} and ${index + 1}).`,
        {
          hint: 'Declare each document once, listing all the paragraphs the module covers in its "paragraphs".',
        },
      );
      continue;
    }
    seenDocuments.set(declared.document, index);
    const at = moduleAt(`/sources/${index}/file`);
    const resolved = await context.paths.resolve(declared.file);
    if (resolved.kind === 'outside') {
      report('media-outside-module', at, `the source document path "${declared.file}" leaves the module folder.`);
      continue;
    }
    if (resolved.kind === 'missing') {
      const { problem, hint } = explainMissing(resolved);
      const place = `${loaded.displayFolder}/${declared.file}`;
      const why = problem === 'does not exist' ? '' : `: the file ${problem}`;
      report('source-file-missing', at, `the text of ${declared.document} is not at ${place}${why}.`, { hint });
      continue;
    }
    if (resolved.kind === 'not-a-file') {
      report('source-file-missing', at, `the text of ${declared.document}, ${declared.file}, is ${resolved.what}, not a text file.`);
      continue;
    }
    const read = readBoundedFile(resolved.path, { maxBytes: MAX_CONTENT_FILE_BYTES, within: loaded.realFolder });
    if (!read.ok) {
      const problem = readProblemDiagnostic(read, `${loaded.displayFolder}/${declared.file}`, MAX_CONTENT_FILE_BYTES);
      report(problem.code, at, `the text of ${declared.document}: ${problem.message}`, { hint: problem.hint });
      continue;
    }
    const text = decodeUtf8Text(read.bytes);
    if (text === undefined) {
      report(
        'file-not-utf8',
        at,
        `the text of ${declared.document} (${declared.file}) is not UTF-8 text, so its paragraphs cannot be matched.`,
      );
      continue;
    }
    const paragraphs = splitParagraphs(text);
    for (const [i, paragraph] of declared.paragraphs.entries()) {
      if (!paragraphs.has(paragraph)) {
        report(
          'source-paragraph-missing',
          moduleAt(`/sources/${index}/paragraphs/${i}`),
          `paragraph ${paragraph} is declared, but ${declared.file} has no line starting with "${paragraph}. ".`,
          {
            hint:
              paragraphs.size > 0
                ? `The file has paragraphs ${describeNumbers([...paragraphs.keys()])}. Add the paragraph's text, or remove ${paragraph} from "paragraphs".`
                : undefined,
          },
        );
      }
    }
    sources.push({ document: declared.document, title: declared.title, file: declared.file, declared: declared.paragraphs, paragraphs });
  }
  const sourceByDocument = new Map(sources.map((s) => [s.document, s]));
  const declaredDocuments = [...seenDocuments.keys()];

  const resolve = (citation: Citation, at: At): boolean => {
    if (!seenDocuments.has(citation.document)) {
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
    if (!source.paragraphs.has(citation.paragraph)) {
      report(
        'unknown-paragraph',
        { ...at, pointer: `${at.pointer}/paragraph` },
        `${citation.document} has no paragraph ${citation.paragraph} in ${source.file} (it has ${describeNumbers([...source.paragraphs.keys()])}).`,
        {
          hint: `Cite one of those paragraphs. A paragraph exists when a line of ${source.file} starts with its number and a full stop ("${citation.paragraph}. ").`,
        },
      );
      return false;
    }
    if (!source.declared.includes(citation.paragraph)) {
      report(
        'paragraph-not-declared',
        { ...at, pointer: `${at.pointer}/paragraph` },
        `paragraph ${citation.paragraph} of ${citation.document} is not among the module's declared paragraphs (${describeNumbers(source.declared)}).`,
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

/** Every quote block is word for word in the paragraph it cites. */
export function checkQuotes({ report }: RuleContext, lessons: Located<Lesson>[], citations: Citations): void {
  for (const lesson of lessons) {
    for (const [b, block] of lesson.value.blocks.entries()) {
      if (block.type !== 'quote') continue;
      const fieldAt = (field: string): At => ({ file: lesson.file, pointer: `/blocks/${b}/${field}` });
      if (!citations.check(block.citation, fieldAt('citation'))) continue;
      const source = citations.sourceByDocument.get(block.citation.document)!;
      const paragraph = source.paragraphs.get(block.citation.paragraph) ?? '';
      const quote = normalizeWhitespace(block.text);
      if (quote === '' || paragraph.includes(quote)) continue;
      const elsewhere = [...source.paragraphs].find(([, text]) => text.includes(quote))?.[0];
      if (elsewhere !== undefined) {
        report(
          'quote-not-verbatim',
          fieldAt('citation/paragraph'),
          `the quote is not in ${block.citation.document} paragraph ${block.citation.paragraph}, but it is word for word in paragraph ${elsewhere}.`,
          {
            hint: `Cite paragraph ${elsewhere}: set "paragraph" to ${elsewhere}.`,
          },
        );
      } else {
        report(
          'quote-not-verbatim',
          fieldAt('text'),
          `the quote is not found word for word in ${block.citation.document} paragraph ${block.citation.paragraph}: ${explainQuoteMismatch(quote, paragraph)}.`,
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
