/** What a JSON syntax mistake is called, and where it is pointed at. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseJsonSyntax, lineColumn } from '../../src/load/json-syntax.js';
import { fixturesDir } from '../helpers/projects.js';

function explain(text: string): string {
  const problem = diagnoseJsonSyntax(text);
  if (!problem) return 'valid';
  const { line, column } = lineColumn(text, problem.offset);
  return `${line}:${column} ${problem.detail}`;
}

describe('diagnoseJsonSyntax', () => {
  it('names each common mistake and points at it', () => {
    const inputs = [
      '{"a": 1,}',
      '{"a": [1, 2,]}',
      '{"a": 1 "b": 2}',
      '["a" "b"]',
      '{"a" 1}',
      '{"a" = 1}',
      "{'a': 1}",
      '{"a": \'x\'}',
      '{a: 1}',
      '{"a": True}',
      '{"a": NaN}',
      '{"a": yes}',
      '{"a": 07}',
      '{"a": .5}',
      '{"a": 2,5}',
      '{"a": 5px}',
      '{"a": "x\\q"}',
      '{"a": "x\ny"}',
      '{"a": "x\ty"}',
      '{"a": "the "human face" of migration"}',
      '{"a": ""Human face" is a phrase"}',
      '{"a": 1}}',
      '{"a": 1}{"b": 2}',
      '{"a": [1, 2}',
      '{"a": {"b": 1]',
      '{"a": [1, 2',
      '{"a": "open',
      '// note\n{"a": 1}',
      '{"a": 1, /* note */ "b": 2}',
      '{"a":\u00a01}',
      '{"a": \u201cx\u201d}',
      '{"a": 1,, "b": 2}',
      '{"a": }',
      '{,}',
      ']',
      '',
    ];
    expect(inputs.map((input) => `${JSON.stringify(input)} → ${explain(input)}`).join('\n')).toMatchInlineSnapshot(`
      ""{\\"a\\": 1,}" → 1:8 there is a comma before \`}\`: JSON does not allow a comma after the last item, so remove it
      "{\\"a\\": [1, 2,]}" → 1:12 there is a comma before \`]\`: JSON does not allow a comma after the last item, so remove it
      "{\\"a\\": 1 \\"b\\": 2}" → 1:8 a comma is missing here: items in a list, and fields in an object, are separated by commas
      "[\\"a\\" \\"b\\"]" → 1:5 a comma is missing here: items in a list, and fields in an object, are separated by commas
      "{\\"a\\" 1}" → 1:5 a colon is missing after the field name "a"
      "{\\"a\\" = 1}" → 1:6 write a colon (:) between the field name "a" and its value, not an equals sign
      "{'a': 1}" → 1:2 JSON text uses double quotes ("), not single quotes (')
      "{\\"a\\": 'x'}" → 1:7 JSON text uses double quotes ("), not single quotes (')
      "{a: 1}" → 1:2 field names must be in double quotes: write "a"
      "{\\"a\\": True}" → 1:7 write \`true\` in lowercase: JSON does not know \`True\`
      "{\\"a\\": NaN}" → 1:7 \`NaN\` is not a JSON value: use a number, or null
      "{\\"a\\": yes}" → 1:7 \`yes\` is not a JSON value: text must be in double quotes, and the only bare words are true, false and null
      "{\\"a\\": 07}" → 1:7 \`07\` is not a number JSON accepts: numbers cannot start with 0 (write 7, not 07)
      "{\\"a\\": .5}" → 1:7 a number cannot start with \`.\`: write 0.5, not .5
      "{\\"a\\": 2,5}" → 1:8 use a point for decimals in numbers (2.5, not 2,5)
      "{\\"a\\": 5px}" → 1:7 \`5px\` is not a number JSON accepts: if it is text, put it in double quotes
      "{\\"a\\": \\"x\\\\q\\"}" → 1:9 \`\\q\` is not a valid escape in JSON text: write \\\\ for a backslash (e.g. "C:\\\\folder")
      "{\\"a\\": \\"x\\ny\\"}" → 1:7 this text is not closed before the end of the line: add the closing \`"\`, or write \\n for a line break inside text
      "{\\"a\\": \\"x\\ty\\"}" → 1:9 a tab character inside text must be written as \\t
      "{\\"a\\": \\"the \\"human face\\" of migration\\"}" → 1:12 this \`"\` inside the text ends it too early: write each quotation mark inside a text as \\", as in "the \\"human face\\" of migration"
      "{\\"a\\": \\"\\"Human face\\" is a phrase\\"}" → 1:8 this \`"\` inside the text ends it too early: write each quotation mark inside a text as \\", as in "\\"Human face\\" is a phrase"
      "{\\"a\\": 1}}" → 1:9 the JSON is complete at line 1, column 8, but more text follows: remove the extra \`}\`
      "{\\"a\\": 1}{\\"b\\": 2}" → 1:9 the JSON is complete at line 1, column 8, but more text follows: a file holds one JSON value, so remove the extra text or put everything inside the outer { }
      "{\\"a\\": [1, 2}" → 1:12 this \`}\` does not match the \`[\` opened at line 1, column 7: use \`]\`, or add the missing \`{\`
      "{\\"a\\": {\\"b\\": 1]" → 1:14 this \`]\` does not match the \`{\` opened at line 1, column 7: use \`}\`, or add the missing \`[\`
      "{\\"a\\": [1, 2" → 1:12 the file ends before the JSON is complete: the \`[\` opened at line 1, column 7 is never closed with \`]\` (was the file cut short?)
      "{\\"a\\": \\"open" → 1:7 this text is never closed: the file ends before the closing \`"\` (was the file cut short?)
      "// note\\n{\\"a\\": 1}" → 1:1 JSON does not allow comments: delete the comment (a note for reviewers can go in a field such as "rationale" where the format has one)
      "{\\"a\\": 1, /* note */ \\"b\\": 2}" → 1:10 JSON does not allow comments: delete the comment (a note for reviewers can go in a field such as "rationale" where the format has one)
      "{\\"a\\": 1}" → 1:6 an invisible non-breaking space is here, outside any text: delete it and type a normal space
      "{\\"a\\": “x”}" → 1:7 \`“\` is a typographic quote: JSON needs straight double quotes ("), which word processors and some editors replace automatically
      "{\\"a\\": 1,, \\"b\\": 2}" → 1:9 there are two commas in a row: remove one
      "{\\"a\\": }" → 1:7 a value is missing before \`}\`
      "{,}" → 1:2 a field is missing before this comma
      "]" → 1:1 \`]\` closes nothing: remove it
      "" → 1:1 the file has no JSON value"
    `);
  });

  it('agrees with JSON.parse on every prefix of a real lesson', () => {
    const text = readFileSync(path.join(fixturesDir, 'projects/tiny/modules/tiny-course/lessons/01-contributions.json'), 'utf8');
    const disagreements: number[] = [];
    for (let end = 0; end <= text.length; end++) {
      const prefix = text.slice(0, end);
      let valid = true;
      try {
        JSON.parse(prefix);
      } catch {
        valid = false;
      }
      if (valid !== (diagnoseJsonSyntax(prefix) === undefined)) disagreements.push(end);
    }
    expect(disagreements).toEqual([]);
  });
});
