/**
 * The build's XSD check (src/package/manifest-schema.ts): libxml2 in WebAssembly, in-process,
 * against the official schemas in vendor/scorm-xsd. It must give every sample manifest the
 * verdict xmllint gives (libxml2 2.9.14, `xmllint --schema driver-*.xsd`), so that dropping the
 * system xmllint loses nothing; and the build must refuse a package whose manifest fails it.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModules } from '../../src/pipeline/index.js';
import { manifestSchemaProblems } from '../../src/package/manifest-schema.js';
import { copyProject, repoRoot } from '../helpers/projects.js';

const samples = path.join(repoRoot, 'vendor', 'scorm-xsd', 'samples');
const problemsOf = async (file: string) => manifestSchemaProblems(await readFile(path.join(samples, file)));

describe('the official XSDs, in-process', () => {
  const valid = [
    'scorm12/adapt-test-package/imsmanifest.xml',
    'scorm12/golf-one-file-per-sco/imsmanifest.xml',
    'scorm12/golf-runtime-basic-calls/imsmanifest.xml',
    'scorm12/markdown2scorm/imsmanifest.xml',
    'scorm2004-4th/adl-cts-CM-01/imsmanifest.xml',
    'scorm2004-4th/adl-cts-SX-05/imsmanifest.xml',
    'scorm2004-4th/adl-cts-T-01b/imsmanifest.xml',
    'scorm2004-4th/golf-posttest-rollup-4th/imsmanifest.xml',
  ];

  it.each(valid)('accepts %s, a published package manifest', async (file) => {
    expect(await problemsOf(file)).toEqual([]);
  });

  it('checks every published sample in vendor/scorm-xsd', async () => {
    const found = [];
    for (const version of ['scorm12', 'scorm2004-4th']) {
      for (const name of await readdir(path.join(samples, version))) found.push(`${version}/${name}/imsmanifest.xml`);
    }
    expect(found.sort()).toEqual([...valid].sort());
  });

  // xmllint's verdict on each broken sample: the line and message of its first error, or valid.
  // The valid ones break rules the XSDs cannot express (see the manifest checker's tests).
  const xmllintVerdicts: Record<string, [line: number, message: RegExp] | 'valid'> = {
    '12-datafromlms-wrong-case.xml': [
      31,
      /'\{http:\/\/www\.adlnet\.org\/xsd\/adlcp_rootv1p2\}dataFromLMS': No matching global element declaration available, but demanded by the strict wildcard/,
    ],
    '12-default-org-dangling.xml': 'valid',
    '12-default-org-points-to-item.xml': 'valid',
    '12-duplicate-identifier.xml': [36, /attribute 'identifier': 'resource_1' is not a valid value of the atomic type 'xs:ID'/],
    '12-file-no-href.xml': [37, /\}file': The attribute 'href' is required but missing/],
    '12-href-backslash-and-absolute.xml': 'valid',
    '12-identifierref-dangling.xml': 'valid',
    '12-item-no-identifier.xml': [29, /\}item': The attribute 'identifier' is required but missing/],
    '12-manifest-no-identifier.xml': [19, /\}manifest': The attribute 'identifier' is required but missing/],
    '12-masteryscore-150.xml': 'valid',
    '12-resources-before-organizations.xml': [
      26,
      /\}resources': This element is not expected\. Expected is \( \{http:\/\/www\.imsproject\.org\/xsd\/imscp_rootv1p1p2\}organizations \)/,
    ],
    '12-schemaversion-wrong.xml': 'valid',
    '12-sco-resource-no-href.xml': 'valid',
    '12-scormType-camelcase.xml': [
      36,
      /attribute '\{http:\/\/www\.adlnet\.org\/xsd\/adlcp_rootv1p2\}scormType': No matching global attribute declaration available, but demanded by the strict wildcard/,
    ],
    '12-scormtype-missing.xml': 'valid',
    '12-scormtype-value-SCO.xml': [36, /\[facet 'enumeration'\] The value 'SCO' is not an element of the set \{'asset', 'sco'\}/],
    '2004-default-org-dangling.xml': 'valid',
    '2004-dependency-dangling.xml': 'valid',
    '2004-duplicate-identifier.xml': [98, /attribute 'identifier': 'playing_item' is not a valid value of the atomic type 'xs:ID'/],
    '2004-identifierref-dangling.xml': 'valid',
    '2004-item-no-identifier.xml': [62, /\}item': The attribute 'identifier' is required but missing/],
    '2004-objectivesGlobalToSystem-bad.xml': [59, /objectivesGlobalToSystem': 'no' is not a valid value of the atomic type 'xs:boolean'/],
    '2004-organization-no-title.xml': 'valid',
    '2004-sco-resource-no-href.xml': 'valid',
    '2004-scormType-missing.xml': 'valid',
    '2004-scormtype-lowercase.xml': 'valid',
  };

  it.each(Object.entries(xmllintVerdicts))('gives broken/%s the verdict xmllint gives', async (file, verdict) => {
    const problems = await problemsOf(`broken/${file}`);
    if (verdict === 'valid') {
      expect(problems).toEqual([]);
    } else {
      expect(problems[0]?.line).toBe(verdict[0]);
      expect(problems[0]?.message).toMatch(verdict[1]);
    }
  });

  it('has a verdict for every broken sample', async () => {
    expect((await readdir(path.join(samples, 'broken'))).sort()).toEqual(Object.keys(xmllintVerdicts).sort());
  });

  it('reports a manifest that is not well-formed XML, with its line', async () => {
    const problems = await manifestSchemaProblems(
      new TextEncoder().encode('<?xml version="1.0"?>\n<manifest>\n<organizations>\n</manifest>\n'),
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(4);
  });
});

describe('the build', () => {
  it('never writes a SCORM package an LMS would reject: a control character is refused where it is written', async () => {
    // A Word line break (U+000B) in a title is valid JSON and renders in HTML, but XML 1.0
    // cannot carry it: the manifest would not even parse in an LMS. Validation names the field
    // before the in-process XSD check (the safety net, tested above) would see the manifest.
    const dir = await copyProject('tiny');
    try {
      const moduleJson = path.join(dir, 'modules', 'tiny-course', 'module.json');
      await writeFile(moduleJson, (await readFile(moduleJson, 'utf8')).replace('"title": "Tiny course"', '"title": "Tiny\\u000bcourse"'));
      const result = await buildModules({
        cwd: dir,
        modulesDir: path.join(dir, 'modules'),
        outDir: path.join(dir, 'dist'),
        targets: ['scorm12', 'web'],
      });
      expect(result.ok).toBe(false);
      expect(result.diagnostics).toMatchObject([
        { code: 'text-control-character', severity: 'error', file: 'modules/tiny-course/module.json', pointer: '/title' },
      ]);
      await expect(readdir(path.join(dir, 'dist'))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
