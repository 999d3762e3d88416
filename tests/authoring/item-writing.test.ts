/**
 * The item-writing checks beyond the one case each has in the broken corpus: what they leave
 * alone (so that a good bank stays quiet), how they compare words, and the languages they
 * run in.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkModules } from '../../src/pipeline/check.js';
import { wordsFor } from '../../src/validate/item-writing/words.js';
import { copyProject } from '../helpers/projects.js';
import { copyBrokenCase } from './cli.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const ITEM_CODES = new Set([
  'option-all-none-above',
  'negative-stem-hidden',
  'option-near-duplicate',
  'key-repeats-stem',
  'distractor-feedback-missing',
  'ordering-follows-source',
  'key-not-in-source',
  'key-longest-option',
  'key-position-pattern',
]);

type Bank = { questions: Record<string, any>[] };

/** The item-writing findings on the broken corpus's base module, after `edit` changes one of its question banks. */
async function findings(file: string, edit: (bank: Bank) => void, base = '_base'): Promise<Diagnostic[]> {
  const dir = await copyBrokenCase(base);
  made.push(dir);
  const bankFile = path.join(dir, 'modules', 'small-course', 'questions', file);
  const bank = JSON.parse(await readFile(bankFile, 'utf8')) as Bank;
  edit(bank);
  await writeFile(bankFile, JSON.stringify(bank));
  const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules') });
  return checked.diagnostics.filter((d) => ITEM_CODES.has(d.code));
}

const options = (...texts: string[]) => texts.map((text, i) => ({ id: 'abcdef'[i]!, text, feedback: `Feedback ${i + 1}.` }));

describe('words as the checks compare them', () => {
  it('leave out common words, keep negations and join the forms of a word by its first five letters', () => {
    const en = wordsFor('en')!;
    expect(en.contentStems('The migrants have no rights to migration policies.')).toEqual(['migra', 'no', 'right', 'migra', 'polic']);
    expect(en.questionStems('According to paragraph 75, which ministries are named?')).toEqual(['minis', 'named']);
    expect(wordsFor('fr-CA')!.contentStems("Les États ne doivent pas l'ignorer")).toEqual(['etats', 'ne', 'pas', 'ignor']);
    expect(wordsFor('es')!.contentStems('No hay políticas migratorias')).toEqual(['no', 'hay', 'polit', 'migra']);
  });

  it('are not compared in languages without a list of common words', () => {
    for (const language of ['ar', 'zh-Hans', 'ru']) expect(wordsFor(language), language).toBeUndefined();
  });
});

describe('the item-writing checks leave alone', () => {
  it('a negative question whose negative word is in capitals, and its answer from outside the paragraph', async () => {
    const found = await findings('para-2.json', (bank) => {
      bank.questions[0]!.prompt = 'Which ministry does paragraph 2 NOT ask to plan with the others?';
      bank.questions[0]!.correct = ['c'];
    });
    expect(found).toEqual([]);
  });

  it('a negative word outside the sentence that asks, and "n\'t" is never emphasis enough', async () => {
    expect(
      await findings('para-2.json', (bank) => {
        bank.questions[0]!.prompt = 'Defence is not a social ministry. Which ministries does paragraph 2 ask to plan together?';
      }),
    ).toEqual([]);
    const found = await findings('para-2.json', (bank) => {
      bank.questions[0]!.prompt = "Which ministry doesn't paragraph 2 ask to plan with the others?";
      bank.questions[0]!.correct = ['c'];
    });
    expect(found.map((d) => d.code)).toEqual(['negative-stem-hidden']);
  });

  it('options that differ by a negation or a number, and different options that share words', async () => {
    const found = await findings('para-2.json', (bank) => {
      bank.questions[0]!.options = options(
        'Migrants have rights to health care',
        'Migrants have no rights to health care',
        '3 ministries plan together',
        '5 ministries plan together',
      );
      bank.questions[0]!.correct = ['a'];
    });
    expect(found).toEqual([]);
  });

  it('a correct answer that repeats the question when a wrong option does too', async () => {
    const found = await findings('para-1.json', (bank) => {
      bank.questions[0]!.options = options('Everyone, since the services are public', 'Only citizens, since the services are public');
    });
    expect(found).toEqual([]);
  });

  it("an ordering question whose order is not the paragraph's", async () => {
    const found = await findings('para-2.json', (bank) => {
      bank.questions.push({
        id: 'q2-steps',
        type: 'ordering',
        prompt: 'Put these in a sensible order.',
        source: { document: 'R/1/100', paragraph: 2 },
        objective: 'obj-2-plan',
        level: 'apply',
        items: [
          { id: 'a', text: 'Consult the people who use the services' },
          { id: 'b', text: 'Health and education plan together' },
        ],
        feedback: { correct: 'Yes.', incorrect: 'Consult first.' },
      });
    });
    expect(found).toEqual([]);
  });

  it('the position and the length of correct answers when only half the bank has the pattern', async () => {
    const moveKey = (q: Record<string, any>) => {
      q.options.push(q.options.shift());
      q.correct = q.options.at(-1).id;
    };
    const halfFirst = await findings(
      'para-1-more.json',
      (bank) => {
        moveKey(bank.questions[0]!);
        moveKey(bank.questions[1]!);
      },
      'key-position-pattern',
    );
    expect(halfFirst).toEqual([]);
    const halfLongest = await findings(
      'para-1-more.json',
      (bank) => {
        bank.questions[0]!.options[0].text = 'Its offers';
        bank.questions[1]!.options[0].text = 'Open to all';
      },
      'key-longest-option',
    );
    expect(halfLongest).toEqual([]);
  });
});

describe('the item-writing checks in other languages', () => {
  it('run the checks that need no word list on an Arabic module, and stay quiet on its questions', async () => {
    const dir = await copyProject('arabic');
    made.push(dir);
    const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules') });
    expect(checked.diagnostics).toEqual([]);
  });

  it('find "all of the above" in French and Spanish', async () => {
    for (const text of ['Toutes les réponses ci-dessus', 'Ninguna de las anteriores']) {
      const found = await findings('para-1.json', (bank) => {
        bank.questions[0]!.options.push({ id: 'c', text, feedback: 'No.' });
      });
      expect(
        found.map((d) => d.code),
        text,
      ).toEqual(['option-all-none-above']);
    }
  });
});
