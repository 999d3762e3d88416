/**
 * `coursekit handout` without a browser: quiz forms drawn with the assessment's own draw,
 * equivalent and different; answer keys that match their form; the session plan; the same
 * bytes from the same seed; and a command that writes nothing for a module that does not
 * validate, a language it is not published in, or a folder that is not coursekit's.
 */
import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawForms } from '../../src/handout/forms.js';
import { makeHandouts } from '../../src/handout/index.js';
import { sessionPlan } from '../../src/handout/plan.js';
import type { CourseModule } from '../../src/model/course.js';
import { checkModules } from '../../src/pipeline/check.js';
import { OUTPUT_MARKER } from '../../src/pipeline/output-folder.js';
import { runtimeAssessmentOf, type RuntimeAssessment } from '../../src/render/view-model.js';
import { drawAttempt } from '../../src/shared/draw.js';
import { letter } from '../../src/shared/paper-form.js';
import { readSheetEntry, sheetEntry } from '../../src/shared/paper-sheet.js';
import { isCorrect } from '../../src/shared/scoring.js';
import { CRASH, hashTree, runCli } from '../authoring/cli.js';
import { copyProject, repoRoot } from '../helpers/projects.js';
import { schemasDir } from '../../src/paths.js';

let dir: string;
let module: CourseModule;
let arabic: CourseModule;
let course: RuntimeAssessment;

beforeAll(async () => {
  dir = await copyProject('workshop');
  const checked = await checkModules({ cwd: dir, modulesDir: path.join(dir, 'modules') });
  expect(checked.diagnostics).toEqual([]);
  [module, arabic] = checked.modules as [CourseModule, CourseModule];
  course = runtimeAssessmentOf(module);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const levelOf = (id: string) => module.bank.find((q) => q.id === id)!.level;
const profile = (ids: string[]) =>
  ids
    .map((id) => `${course.questions[id]!.source} ${levelOf(id)}`)
    .sort()
    .join(', ');

describe('quiz forms A and B', () => {
  it('are form A, the online draw of its seed, and form B, its counterpart: the same questions per recommendation and level, none shared that the bank can replace', () => {
    for (const seed of [1, 2, 3, 42, 123456, 2147483647]) {
      const forms = drawForms(course, seed);
      const a = forms.A.questions.map((q) => q.id);
      const b = forms.B.questions.map((q) => q.id);
      expect(a).toEqual(drawAttempt(course, forms.A.seed).map((d) => d.id));
      expect(forms.B.seed).not.toBe(forms.A.seed);
      expect(profile(b)).toBe(profile(a));
      expect(a).toHaveLength(9);
      expect(new Set(b).size).toBe(9);
      // Where A draws n of the m questions of a paragraph at a level, B must repeat 2n - m of them.
      const cells = new Map<string, { drawn: number; inBank: number }>();
      const cellOf = (id: string) => `${course.questions[id]!.source} ${levelOf(id)}`;
      for (const q of module.bank) {
        const cell = cells.get(cellOf(q.id)) ?? { drawn: 0, inBank: 0 };
        cells.set(cellOf(q.id), { drawn: cell.drawn + (a.includes(q.id) ? 1 : 0), inBank: cell.inBank + 1 });
      }
      const shared = b.filter((id) => a.includes(id));
      expect(shared.length).toBe([...cells.values()].reduce((sum, c) => sum + Math.max(0, 2 * c.drawn - c.inBank), 0));
      expect(forms.shared).toBe(shared.length);
    }
  });

  it('keep the draw rules by level: at least one question of paragraph 74 and two of paragraph 76 that apply it', () => {
    for (let seed = 0; seed < 200; seed++) {
      const forms = drawForms(course, seed);
      for (const form of [forms.A, forms.B]) {
        const applying = (paragraph: number) =>
          form.questions.filter((q) => course.questions[q.id]!.source === `A/58/275#${paragraph}` && levelOf(q.id) === 'apply').length;
        expect(applying(74)).toBeGreaterThanOrEqual(1);
        expect(applying(76)).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('print the option order the draw gives, lettered A, B, C…', () => {
    const forms = drawForms(course, 7);
    const drawn = drawAttempt(course, forms.A.seed);
    forms.A.questions.forEach((q, i) => {
      const question = course.questions[q.id]!;
      if (question.type === 'single' || question.type === 'multiple' || question.type === 'ordering')
        expect(q.lettered).toEqual(drawn[i]!.order.map((n) => question.ids[n]));
      if (question.type === 'matching') expect(q.lettered).not.toEqual(question.ids);
    });
  });

  it('are drawn again from the same seed, and differ with another', () => {
    expect(drawForms(course, 99)).toEqual(drawForms(course, 99));
    expect(drawForms(course, 100).A.questions).not.toEqual(drawForms(course, 99).A.questions);
  });
});

describe('the results sheet notation', () => {
  it('reads back what the answer key says to enter, as the right answer, for every question of both forms', () => {
    const forms = drawForms(course, 5);
    for (const form of [forms.A, forms.B]) {
      for (const paper of form.questions) {
        const question = course.questions[paper.id]!;
        const entry = sheetEntry(question, paper, question.correct);
        const read = readSheetEntry(question, paper, entry);
        expect('response' in read && isCorrect(question, read.response), `${paper.id}: ${entry}`).toBe(true);
        expect(readSheetEntry(question, paper, `  ${entry.toLowerCase()} `)).toEqual(read);
      }
    }
  });

  it('reads a wrong answer as wrong, 1 and 0 as verdicts, and an impossible one as unreadable', () => {
    const forms = drawForms(course, 5);
    for (const paper of forms.A.questions) {
      const question = course.questions[paper.id]!;
      expect(readSheetEntry(question, paper, '1')).toEqual({ verdict: true });
      expect(readSheetEntry(question, paper, '0')).toEqual({ verdict: false });
      expect(readSheetEntry(question, paper, '')).toEqual({ empty: true });
      if (question.type === 'fillIn') continue;
      expect(readSheetEntry(question, paper, 'Q')).toEqual({ unreadable: true });
      if (question.type === 'single' || question.type === 'trueFalse') {
        const wrong = paper.lettered.findIndex((id) => !question.correct.includes(id));
        const read = readSheetEntry(question, paper, letter(wrong));
        expect('response' in read && isCorrect(question, read.response)).toBe(false);
      }
    }
  });
});

describe('the session plan', () => {
  it('starts at the workshop start time, gives lessons their minutes and plans a break before the limit is passed', () => {
    const plan = sessionPlan(module, 9);
    const rows = plan.parts.map((p) => `${p.start}-${p.end} ${p.kind}${p.lesson === undefined ? '' : p.lesson}`);
    // Opening 15, lesson 1 40 (its estimatedMinutes), lesson 2 50 (module.json), lesson 3 45,
    // quiz 18 (2 per question), closing 15; at most 75 minutes between 20-minute breaks, so the
    // closing, which would make 78, gets one too.
    expect(rows).toEqual([
      '09:30-09:45 opening',
      '09:45-10:25 lesson0',
      '10:25-10:45 break',
      '10:45-11:35 lesson1',
      '11:35-11:55 break',
      '11:55-12:40 lesson2',
      '12:40-12:58 quiz',
      '12:58-13:18 break',
      '13:18-13:33 closing',
    ]);
    expect(plan.minutes).toBe(15 + 40 + 20 + 50 + 20 + 45 + 18 + 20 + 15);
  });

  it('puts the quiz after the lesson "quizAfter" names, so an applied lesson can lead into the action plans', () => {
    const lessons = module.meta.lessons;
    const moved = { ...module, meta: { ...module.meta, workshop: { ...module.meta.workshop, quizAfter: lessons[1]! } } };
    const kinds = sessionPlan(moved, 9).parts.map((p) => `${p.kind}${p.lesson ?? ''}`);
    expect(kinds.filter((k) => k !== 'break')).toEqual(['opening', 'lesson0', 'lesson1', 'quiz', 'lesson2', 'closing']);
  });
});

describe('the handouts', () => {
  it('are the same bytes for the same module and seed, in the order a facilitator prints them', async () => {
    const first = await makeHandouts(module, { paper: 'a4', sourceId: module.id });
    const second = await makeHandouts(module, { paper: 'a4', sourceId: module.id });
    expect(first.documents).toEqual([
      'workbook.html',
      'facilitator-guide.html',
      'quiz-form-a.html',
      'answer-key-a.html',
      'quiz-form-b.html',
      'answer-key-b.html',
    ]);
    expect(first.files.map((f) => f.name)).toEqual([...first.documents, 'results-sheet.csv', 'media/areas.svg']);
    expect(second.files).toEqual(first.files);
    const letter = await makeHandouts(module, { paper: 'letter', sourceId: module.id });
    const html = (h: typeof first, name: string) => String(h.files.find((f) => f.name === name)!.content);
    expect(html(first, 'workbook.html')).toContain('size: A4;');
    expect(html(letter, 'workbook.html')).toContain('size: letter;');
  });

  it('print the same forms in every language the module is published in', async () => {
    const english = await makeHandouts(module, { paper: 'a4', sourceId: module.id });
    const translated = await makeHandouts(arabic, { paper: 'a4', sourceId: module.id });
    expect(translated.forms).toEqual(english.forms);
  });

  it('give each answer key the questions of its own form, in order, with the letters its form prints', async () => {
    const handouts = await makeHandouts(module, { paper: 'a4', sourceId: module.id, seed: 31 });
    const html = (name: string) => String(handouts.files.find((f) => f.name === name)!.content);
    for (const [form, key, drawn] of [
      ['quiz-form-a.html', 'answer-key-a.html', handouts.forms!.A],
      ['quiz-form-b.html', 'answer-key-b.html', handouts.forms!.B],
    ] as const) {
      const ids = (text: string) => [...text.matchAll(/data-question="([^"]+)"/g)].map((m) => m[1]);
      expect(ids(html(form))).toEqual(drawn.questions.map((q) => q.id));
      expect(ids(html(key))).toEqual(ids(html(form)));
      const formLine = `Form ${drawn.name} · seed ${drawn.seed} · version 1.2.0`;
      expect(html(form)).toContain(formLine);
      expect(html(key)).toContain(formLine);
      const entries = [...html(key).matchAll(/data-question="([^"]+)" data-entry="([^"]*)"/g)];
      for (const [, id, entry] of entries) {
        const question = course.questions[id!]!;
        const paper = drawn.questions.find((q) => q.id === id)!;
        const read = readSheetEntry(question, paper, entry!.replace(/&#39;/g, "'"));
        expect('response' in read && isCorrect(question, read.response), `${id} ${entry}`).toBe(true);
      }
      // Each item names the results sheet column its answer goes in: the one headed with its number on this form.
      const header = String(handouts.files.find((f) => f.name === 'results-sheet.csv')!.content)
        .split('\r\n')[1]!
        .split(',');
      const columns = [...html(key).matchAll(/Results sheet column ([^<]+)<\/dt>/g)].map((m) => m[1]!);
      expect(columns).toHaveLength(drawn.questions.length);
      columns.forEach((column, i) => {
        expect(header).toContain(column);
        expect(column).toMatch(new RegExp(`\\b${drawn.name}${i + 1}\\b`));
      });
    }
  });

  it('quote the cited paragraph and give the feedback in the answer key', async () => {
    const handouts = await makeHandouts(module, { paper: 'a4', sourceId: module.id, seed: 31 });
    const key = String(handouts.files.find((f) => f.name === 'answer-key-a.html')!.content);
    const first = module.bank.find((q) => q.id === handouts.forms!.A.questions[0]!.id)!;
    const paragraph = module.sources[0]!.displayed.get(String(first.source.paragraph))!;
    expect(key).toContain(`<blockquote>${paragraph.replace(/'/g, '&#39;')}</blockquote>`);
    expect(key).toContain(`A/58/275, paragraph ${first.source.paragraph}`);
  });
});

describe('lesson blocks on paper', () => {
  it('defines a key term where it first appears, and points back to that lesson after', async () => {
    const remittances = module.glossary.find((t) => t.id === 'remittances')!;
    const withRepeat: CourseModule = {
      ...module,
      lessons: module.lessons.map((lesson, i) =>
        i === 2
          ? { ...lesson, blocks: [lesson.blocks[0]!, ...lesson.blocks.slice(1), { type: 'glossary', terms: ['remittances'] }] }
          : lesson,
      ),
    };
    const handouts = await makeHandouts(withRepeat, { paper: 'a4', sourceId: module.id });
    const workbook = String(handouts.files.find((f) => f.name === 'workbook.html')!.content);
    // The lessons, without the full list of key terms that follows them.
    const lessons = workbook.split('<section class="document-section glossary-all">')[0]!.split('<section class="lesson">').slice(1);
    expect(lessons[0]).toContain(remittances.definition);
    expect(lessons[2]).not.toContain(remittances.definition);
    expect(lessons[2]).toMatch(new RegExp(`<dt>${remittances.term}</dt><dd class="small">Defined in lesson 1\\.</dd>`));
  });

  it('has a print layout for every block type', async () => {
    const lesson = JSON.parse(await readFile(path.join(schemasDir, 'lesson.schema.json'), 'utf8'));
    const types = lesson.$defs.block.oneOf.map(
      (entry: { $ref: string }) => lesson.$defs[entry.$ref.replace('#/$defs/', '')].properties.type.const,
    );
    const layouts = await readdir(path.join(repoRoot, 'src', 'handout', 'templates', 'blocks'));
    for (const type of types) expect(layouts, `src/handout/templates/blocks/${type}.njk`).toContain(`${type}.njk`);
  });

  it('prints every block of the fixture that uses them all: open sections, transcripts, the scenario and the action plan', async () => {
    const tiny = await copyProject('tiny');
    try {
      const checked = await checkModules({ cwd: tiny, modulesDir: path.join(tiny, 'modules') });
      const handouts = await makeHandouts(checked.modules[0]!, { paper: 'a4', sourceId: 'tiny-course' });
      const text = (name: string) => String(handouts.files.find((f) => f.name === name)!.content);
      const workbook = text('workbook.html');
      // Accordion sections and tabs, all open; media as what they are, with their transcripts.
      for (const shown of ['Foreign affairs', 'Sets the rules for migrant workers.', 'Civil society</h4>', 'Associations of migrants'])
        expect(workbook).toContain(shown);
      expect(workbook).toContain('Video: media/clip.mp4');
      expect(workbook).toContain('Paragraph 75 names five ministries.');
      expect(workbook).toContain('Recording: media/tone.mp3');
      expect(workbook).toMatch(/Checklist for reviewing a draft strategy <span class="small">\(media\/checklist\.pdf, PDF, /);
      // The scenario's opening and replies for discussion; not its consequences.
      expect(workbook).toContain('Health has the final draft. Is that enough?');
      expect(workbook).toContain('Invite Health to the drafting meetings now.');
      expect(workbook).not.toContain('Comments on a finished text come too late.');
      // The action plan: the reflections it gathers and its prompts, with lines to write on; no model answers.
      const plan = workbook.slice(workbook.indexOf('class="block action-plan"'));
      for (const shown of [
        'Which contributions of migrants does your ministry record?',
        'One change I will propose',
        'Name the paragraph that supports it.',
      ])
        expect(plan).toContain(shown);
      expect(plan).toContain('<span class="rule"></span>');
      expect(workbook).not.toContain('Most ministries record');
      // The guide: model answers under the discussion prompts, and the scenario's branches.
      const guide = text('facilitator-guide.html');
      expect(guide).toContain('Most ministries record <strong>economic</strong> contributions only');
      expect(guide).toContain('Comments on a finished text come too late.');
      expect(guide).toMatch(
        /Invite Health to the drafting meetings now\.<br><span class="consequence">Paragraph 75 asks for involvement while the policy is developed\. \(A\/58\/275, paragraph 75\)<\/span> Go to step 3/,
      );
      expect(guide).toContain('The conversation ends here.');
    } finally {
      await rm(tiny, { recursive: true, force: true });
    }
  });
});

describe('coursekit handout', () => {
  it('writes the HTML and the results sheet into dist/handouts/<module>, and says how to print without a PDF', async () => {
    const result = await runCli(['handout', 'workshop-course', '--no-pdf'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = path.join(dir, 'dist', 'handouts', 'workshop-course');
    expect((await readdir(out)).sort()).toEqual([
      '.coursekit-files.json',
      OUTPUT_MARKER,
      'answer-key-a.html',
      'answer-key-b.html',
      'facilitator-guide.html',
      'media',
      'quiz-form-a.html',
      'quiz-form-b.html',
      'results-sheet.csv',
      'workbook.html',
    ]);
    expect(result.stdout).toContain('open each HTML file in a browser and print it');
    expect(result.stdout).toContain('dist/handouts/workshop-course/quiz-form-a.html');
    const sheet = await readFile(path.join(out, 'results-sheet.csv'), 'utf8');
    expect(sheet.split('\r\n')[1]).toMatch(/^Name,E-mail,Organisation,Form,74 #1 \(A\d B\d\),/);
  });

  it('prints a translation with --lang into its own folder, right to left for Arabic', async () => {
    const result = await runCli(['handout', 'workshop-course', '--lang', 'ar', '--no-pdf', '--paper', 'letter'], dir);
    expect(result.code).toBe(0);
    const workbook = await readFile(path.join(dir, 'dist', 'handouts', 'workshop-course-ar', 'workbook.html'), 'utf8');
    expect(workbook).toContain('<html lang="ar" dir="rtl">');
    expect(workbook).toContain('كراسة المشارك');
    expect(workbook).toContain('"الصفحة " counter(page) " من " counter(pages)');
  });

  it('makes a workbook and a guide, and no quiz, of a module without an assessment', async () => {
    const other = await copyProject('arabic');
    try {
      const result = await runCli(['handout', 'hr-migration-ar', '--no-pdf'], other);
      expect(result.code).toBe(0);
      const out = path.join(other, 'dist', 'handouts', 'hr-migration-ar');
      expect((await readdir(out)).sort()).toEqual(['.coursekit-files.json', OUTPUT_MARKER, 'facilitator-guide.html', 'workbook.html']);
      const guide = await readFile(path.join(out, 'facilitator-guide.html'), 'utf8');
      expect(guide).toContain('<html lang="ar" dir="rtl">');
      expect(guide).not.toContain('plan-quiz');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('refuses a language the module is not published in, and writes nothing', async () => {
    const before = await hashTree(dir);
    const result = await runCli(['handout', 'workshop-course', '--lang', 'fr', '--no-pdf'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error handout-language-unknown');
    expect(result.stderr).toContain('its languages are en, ar');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('makes no handout of a module that does not validate', async () => {
    const broken = await copyProject('workshop');
    try {
      const lesson = path.join(broken, 'modules', 'workshop-course', 'lessons', '02-ministries.json');
      await writeFile(lesson, (await readFile(lesson, 'utf8')).replace('national security.', 'national safety.'));
      const result = await runCli(['handout', 'workshop-course', '--no-pdf'], broken);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('error quote-not-verbatim');
      expect(result.stderr).toContain('No handout for workshop-course');
      expect(result.stderr).not.toMatch(CRASH);
      expect(await readdir(broken)).toEqual(['modules']);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('refuses an output folder coursekit did not make, and a build output, touching neither', async () => {
    await mkdir(path.join(dir, 'notes'), { recursive: true });
    await writeFile(path.join(dir, 'notes', 'mine.txt'), 'mine');
    await runCli(['build', '--target', 'web'], dir);
    const before = await hashTree(dir);
    for (const out of ['notes', 'dist', 'modules', '.']) {
      const result = await runCli(['handout', 'workshop-course', '--no-pdf', '--out', out], dir);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toContain('error output-refused');
    }
    expect(await hashTree(dir)).toEqual(before);
  });

  it('replaces nothing when the results sheet was filled in where it was printed, or a file was added, and names them', async () => {
    const out = path.join(dir, 'handouts-filled');
    expect((await runCli(['handout', 'workshop-course', '--no-pdf', '--out', 'handouts-filled'], dir)).code).toBe(0);
    // Printing again replaces the folder it wrote, unchanged.
    expect((await runCli(['handout', 'workshop-course', '--no-pdf', '--out', 'handouts-filled'], dir)).code).toBe(0);
    const sheet = path.join(out, 'results-sheet.csv');
    await writeFile(sheet, `${await readFile(sheet, 'utf8')}Ana Diaz,ana@example.org,Labour,A,B\r\n`);
    await writeFile(path.join(out, 'notes.txt'), 'room 4');
    const before = await hashTree(out);
    const result = await runCli(['handout', 'workshop-course', '--no-pdf', '--out', 'handouts-filled'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error handout-folder-changed');
    expect(result.stderr).toContain('holds files changed or added since coursekit wrote the handouts (notes.txt, results-sheet.csv)');
    expect(result.stderr).not.toMatch(CRASH);
    expect(await hashTree(out)).toEqual(before);
  });

  it('puts back the handouts a run moved aside just before it was stopped, and clears what stopped runs left, touching nothing else', async () => {
    const out = path.join(dir, 'handouts-stopped');
    expect((await runCli(['handout', 'workshop-course', '--no-pdf', '--out', 'handouts-stopped'], dir)).code).toBe(0);
    // The facilitator's notes in the folder, then a run stopped between its two renames: the
    // handouts moved aside, and a staging folder left.
    await writeFile(path.join(out, 'notes.txt'), 'room 4');
    const printed = await hashTree(out);
    const past = new Date(Date.now() - 3_600_000);
    await rename(out, path.join(dir, '.handouts-stopped-handout-AbC123-previous'));
    await mkdir(path.join(dir, '.handouts-stopped-handout-AbC123'));
    await writeFile(path.join(dir, '.handouts-stopped-handout-AbC123', OUTPUT_MARKER), '');
    // Look-alikes coursekit did not make (no marker), and a run still going (too recent).
    await mkdir(path.join(dir, '.handouts-stopped-handout-XyZ789'));
    await mkdir(path.join(dir, '.handouts-stopped-handout-Now456'));
    await writeFile(path.join(dir, '.handouts-stopped-handout-Now456', OUTPUT_MARKER), '');
    for (const name of ['AbC123-previous', 'AbC123', 'XyZ789'])
      await utimes(path.join(dir, `.handouts-stopped-handout-${name}`), past, past);

    // The handouts are back, notes and all, so the run refuses to replace them.
    const result = await runCli(['handout', 'workshop-course', '--no-pdf', '--out', 'handouts-stopped'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(notes.txt)');
    expect(await hashTree(out)).toEqual(printed);
    expect((await readdir(dir)).filter((n) => n.startsWith('.handouts-stopped')).sort()).toEqual([
      '.handouts-stopped-handout-Now456',
      '.handouts-stopped-handout-XyZ789',
    ]);
  });

  it('is kept by a build, which replaces the rest of dist/, also when printed before any build', async () => {
    await rm(path.join(dir, 'dist'), { recursive: true, force: true });
    expect((await runCli(['handout', 'workshop-course', '--no-pdf'], dir)).code).toBe(0);
    const handouts = path.join(dir, 'dist', 'handouts');
    const before = await hashTree(handouts);
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    expect(await hashTree(handouts)).toEqual(before);
    expect((await runCli(['build', '--target', 'web'], dir)).code).toBe(0);
    expect(await hashTree(handouts)).toEqual(before);
  });

  it('refuses a --chromium that is not there, and a seed that is not one', async () => {
    const missing = await runCli(['handout', 'workshop-course', '--chromium', '/nonexistent/chromium'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error handout-chromium-missing');
    const seed = await runCli(['handout', 'workshop-course', '--seed', '12x'], dir);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('is not a seed');
  });
});
