/**
 * Issue 2's backbone: a fixture module builds into a site and three packages, the SCORM
 * manifests pass the official XSDs and the rules XSD cannot check, and rebuilding gives
 * byte-identical zips.
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackage } from '../../src/package/manifest-check.js';
import { manifestSchemaProblems } from '../../src/package/manifest-schema.js';
import type { FileMap } from '../../src/model/files.js';
import { readZip } from '../../src/package/zip.js';
import { buildModules } from '../../src/pipeline/index.js';
import { buildProject, copyProject, type BuiltProject } from '../helpers/projects.js';

let project: BuiltProject;
const zipPath = (target: string) => path.join(project.dir, 'dist', 'packages', `tiny-course-${target}.zip`);
const zipFiles = async (target: string) => readZip(await readFile(zipPath(target)));
const manifestOf = (files: FileMap) => new TextDecoder().decode(files.get('imsmanifest.xml'));

beforeAll(async () => {
  project = await buildProject('tiny');
});
afterAll(() => project.cleanup());

describe('the build output', () => {
  it('writes the three packages under their documented names', async () => {
    const names = (await readdir(path.join(project.dir, 'dist', 'packages'))).sort();
    expect(names).toEqual(['tiny-course-scorm12.zip', 'tiny-course-scorm2004.zip', 'tiny-course-web.zip']);
  });

  it('renders a site with an index page and one page per lesson, plus start and assessment pages', async () => {
    const site = path.join(project.dir, 'dist', 'site');
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain('href="tiny-course/index.html"');
    const pages = (await readdir(path.join(site, 'tiny-course'))).filter((f) => f.endsWith('.html')).sort();
    expect(pages).toEqual(['01-contributions.html', '02-ministries.html', 'assessment.html', 'index.html', 'launch.html']);
  });

  it('escapes content and renders the markdown subset', async () => {
    const html = await readFile(path.join(project.dir, 'dist', 'site', 'tiny-course', '01-contributions.html'), 'utf8');
    expect(html).toContain('<strong>economic</strong>');
    expect(html).toContain('<ul><li>remittances</li><li>the feminization of migration</li></ul>');
    expect(html).toContain('<figcaption>A/58/275, paragraph 74</figcaption>');
  });

  it('copies the media the lessons use into every package', async () => {
    for (const target of ['scorm12', 'scorm2004', 'web']) {
      expect((await zipFiles(target)).has('media/dot.svg')).toBe(true);
    }
  });

  it('keeps the SCORM launch wrapper out of the web package', async () => {
    const web = await zipFiles('web');
    expect(web.has('index.html')).toBe(true);
    expect(web.has('launch.html')).toBe(false);
    expect(web.has('imsmanifest.xml')).toBe(false);
  });

  it('gives each package the runtime built for its target', async () => {
    const runtimes = await Promise.all(
      ['scorm12', 'scorm2004', 'web'].map(async (t) => new TextDecoder().decode((await zipFiles(t)).get('assets/coursekit.js'))),
    );
    expect(new Set(runtimes).size).toBe(3);
  });
});

describe('SCORM manifests', () => {
  it.each(['scorm12', 'scorm2004'])('%s passes the official XSDs (vendor/scorm-xsd)', async (target) => {
    expect(await manifestSchemaProblems((await zipFiles(target)).get('imsmanifest.xml')!)).toEqual([]);
  });

  it.each(['scorm12', 'scorm2004'])('%s passes the rules the XSDs cannot check', async (target) => {
    expect(checkPackage(await zipFiles(target), `tiny-course-${target}.zip`)).toEqual([]);
  });

  it('declares the SCORM version the way Moodle reads it', async () => {
    expect(manifestOf(await zipFiles('scorm12'))).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifestOf(await zipFiles('scorm2004'))).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  });

  it('carries the module metadata: title, description, language and version', async () => {
    for (const target of ['scorm12', 'scorm2004']) {
      const xml = manifestOf(await zipFiles(target));
      expect(xml).toContain('Tiny course');
      expect(xml).toContain('A two-lesson fixture that uses every block and question type.');
      expect(xml).toMatch(/<(imsmd:)?language>en<\/(imsmd:)?language>/);
      expect(xml).toContain('version="1.0.0"');
    }
  });

  it('uses identifiers derived from the module id only, so republishing keeps learner progress', async () => {
    const xml = manifestOf(await zipFiles('scorm12'));
    const ids = [...xml.matchAll(/identifier="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['coursekit-tiny-course', 'ORG-tiny-course', 'ITEM-tiny-course', 'RES-tiny-course', 'RES-tiny-course-files']);
  });

  it('does not write a mastery score unless the module asks for one', async () => {
    expect(manifestOf(await zipFiles('scorm12'))).not.toContain('masteryscore');
  });

  it('marks the launch resource as a SCO with the right attribute case per version', async () => {
    expect(manifestOf(await zipFiles('scorm12'))).toContain('adlcp:scormtype="sco" href="launch.html"');
    expect(manifestOf(await zipFiles('scorm2004'))).toContain('adlcp:scormType="sco" href="launch.html"');
  });
});

describe('the manifest checker catches what the XSDs miss', () => {
  const cases: [string, (xml: string, files: FileMap) => string, RegExp][] = [
    [
      'a dangling default organization',
      (xml) => xml.replace('default="ORG-tiny-course"', 'default="ORG-missing"'),
      /does not name an <organization>/,
    ],
    [
      'a default pointing at an item',
      (xml) => xml.replace('default="ORG-tiny-course"', 'default="ITEM-tiny-course"'),
      /does not name an <organization>/,
    ],
    ['a dangling identifierref', (xml) => xml.replace('identifierref="RES-tiny-course"', 'identifierref="RES-nowhere"'), /not a resource/],
    [
      'a dangling dependency',
      (xml) => xml.replace('<dependency identifierref="RES-tiny-course-files"/>', '<dependency identifierref="RES-x"/>'),
      /depends on "RES-x"/,
    ],
    [
      'a listed file missing from the zip',
      (xml) => xml.replace('<file href="index.html"/>', '<file href="index.html"/><file href="gone.html"/>'),
      /gone.html.*not in the zip/,
    ],
    [
      'a file in the zip not listed',
      (xml, files) => {
        files.set('extra.txt', new Uint8Array([1]));
        return xml;
      },
      /extra.txt is in the zip but not listed/,
    ],
    ['a backslash in an href', (xml) => xml.replace('<file href="media/dot.svg"/>', '<file href="media\\dot.svg"/>'), /backslash/],
    ['an absolute href', (xml) => xml.replace('href="launch.html">', 'href="/launch.html">'), /starts with \//],
    ['a letter-case mismatch', (xml) => xml.replace('<file href="index.html"/>', '<file href="Index.html"/>'), /case-sensitive/],
    ['a missing scormtype', (xml) => xml.replace(' adlcp:scormtype="asset"', ''), /needs adlcp:scormtype/],
    ['a camel-case scormType in 1.2', (xml) => xml.replace('adlcp:scormtype="sco"', 'adlcp:scormType="sco"'), /needs adlcp:scormtype/],
    [
      'a duplicate identifier',
      (xml) =>
        xml
          .replace('identifier="ITEM-tiny-course"', 'identifier="RES-tiny-course"')
          .replace('identifierref="RES-tiny-course"', 'identifierref="RES-tiny-course-files"'),
      /used 2 times/,
    ],
    ['an identifier starting with a digit', (xml) => xml.replace(/ORG-tiny-course/g, '1ORG'), /not a valid XML name/],
    [
      'a wrong schemaversion',
      (xml) => xml.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.3</schemaversion>'),
      /schemaversion/,
    ],
    ['an item without a title', (xml) => xml.replace(/(<item[^>]*>)\s*<title>[^<]*<\/title>/, '$1'), /exactly one non-empty <title>/],
    [
      'a mastery score over 100',
      (xml) => xml.replace('</title>\n      </item>', '</title>\n        <adlcp:masteryscore>150</adlcp:masteryscore>\n      </item>'),
      /masteryscore "150"/,
    ],
    [
      'no manifest at the root',
      (_xml, files) => {
        files.set('sub/imsmanifest.xml', files.get('imsmanifest.xml')!);
        files.delete('imsmanifest.xml');
        return '';
      },
      /not at the zip root/,
    ],
  ];

  it.each(cases)('reports %s', async (_name, mutate, expected) => {
    const files = await zipFiles('scorm12');
    const xml = mutate(manifestOf(files), files);
    if (xml) files.set('imsmanifest.xml', new TextEncoder().encode(xml));
    const messages = checkPackage(files, 'test.zip').map((d) => d.message);
    expect(messages.join('\n')).toMatch(expected);
  });
});

describe('translations', () => {
  it('builds and packages each declared language as a module of its own, with its UI language set', async () => {
    const translated = await buildProject('tiny-translated');
    try {
      const names = (await readdir(path.join(translated.dir, 'dist', 'packages'))).sort();
      expect(names).toEqual([
        'tiny-course-fr-scorm12.zip',
        'tiny-course-fr-scorm2004.zip',
        'tiny-course-fr-web.zip',
        'tiny-course-scorm12.zip',
        'tiny-course-scorm2004.zip',
        'tiny-course-web.zip',
      ]);
      const page = await readFile(path.join(translated.dir, 'dist', 'site', 'tiny-course-fr', '02-ministries.html'), 'utf8');
      expect(page).toContain('<html lang="fr" dir="ltr">');
      expect(page).toContain('FR: Not only national security');
      const manifest = manifestOf(readZip(await readFile(path.join(translated.dir, 'dist', 'packages', 'tiny-course-fr-scorm12.zip'))));
      expect(manifest).toContain('identifier="coursekit-tiny-course-fr"');
      expect(manifest).toContain('<imsmd:language>fr</imsmd:language>');
    } finally {
      await translated.cleanup();
    }
  });
});

describe('one SCO per lesson (tracking.scoPerLesson)', () => {
  it('writes an item and a SCO per lesson plus one for the assessment, valid against the XSDs and the rules', async () => {
    const dir = await copyProject('tiny');
    try {
      const moduleJson = path.join(dir, 'modules', 'tiny-course', 'module.json');
      await writeFile(
        moduleJson,
        (await readFile(moduleJson, 'utf8')).replace('"tracking": { "completion"', '"tracking": { "scoPerLesson": true, "completion"'),
      );
      const result = await buildModules({
        cwd: dir,
        modulesDir: path.join(dir, 'modules'),
        outDir: path.join(dir, 'dist'),
        targets: ['scorm12', 'scorm2004'],
      });
      expect(result.ok).toBe(true);
      for (const target of ['scorm12', 'scorm2004']) {
        const zip = path.join(dir, 'dist', 'packages', `tiny-course-${target}.zip`);
        const files = readZip(await readFile(zip));
        const xml = manifestOf(files);
        const items = [...xml.matchAll(/<item identifier="([^"]+)"[^>]*parameters="([^"]+)"/g)].map((m) => [m[1], m[2]]);
        expect(items).toEqual([
          ['ITEM-tiny-course-01-contributions', '?sco=01-contributions'],
          ['ITEM-tiny-course-02-ministries', '?sco=02-ministries'],
          ['ITEM-tiny-course-assessment', '?sco=assessment'],
        ]);
        expect(checkPackage(files, path.basename(zip))).toEqual([]);
        expect(await manifestSchemaProblems(files.get('imsmanifest.xml')!)).toEqual([]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
