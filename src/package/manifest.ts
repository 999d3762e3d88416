/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition. Identifiers derive from the
 * module and lesson ids only, so a republished course keeps them and LMSs keep learners'
 * progress. No xsi:schemaLocation is written: naming schemas would oblige us to ship them.
 */
import { escapeXmlAttribute, escapeXmlText } from '../encode/xml.js';
import type { CourseModule } from '../model/course.js';

export type ScormVersion = 'scorm12' | 'scorm2004';

export interface ManifestInput {
  module: CourseModule;
  version: ScormVersion;
  /** Every file of the package except the manifest, relative paths with '/'. */
  files: string[];
  launchFile: string;
}

export function buildManifest(input: ManifestInput): string {
  const { module, version } = input;
  const meta = module.meta;
  const id = module.id;
  const scos = scoList(module);
  const is12 = version === 'scorm12';
  const scormTypeAttr = is12 ? 'adlcp:scormtype' : 'adlcp:scormType';
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (is12) {
    lines.push(
      `<manifest identifier="${escapeXmlAttribute(`coursekit-${id}`)}" version="${escapeXmlAttribute(meta.version)}" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">`,
    );
  } else {
    lines.push(
      `<manifest identifier="${escapeXmlAttribute(`coursekit-${id}`)}" version="${escapeXmlAttribute(meta.version)}" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">`,
    );
  }
  lines.push('  <metadata>', '    <schema>ADL SCORM</schema>', `    <schemaversion>${is12 ? '1.2' : '2004 4th Edition'}</schemaversion>`);
  lines.push(...(is12 ? lom12(module) : lom2004(module)).map((l) => `    ${l}`));
  lines.push('  </metadata>');
  lines.push(
    `  <organizations default="ORG-${id}">`,
    `    <organization identifier="ORG-${id}"${is12 ? '' : ' adlseq:objectivesGlobalToSystem="false"'}>`,
  );
  lines.push(`      <title>${escapeXmlText(meta.title)}</title>`);
  for (const sco of scos) {
    const parameters = sco.parameters ? ` parameters="${escapeXmlAttribute(sco.parameters)}"` : '';
    lines.push(`      <item identifier="ITEM-${sco.key}" identifierref="RES-${sco.key}" isvisible="true"${parameters}>`);
    lines.push(`        <title>${escapeXmlText(sco.title)}</title>`);
    if (sco.scored && meta.tracking.masteryScoreInManifest && meta.assessment) {
      if (is12) {
        lines.push(`        <adlcp:masteryscore>${meta.assessment.passMark}</adlcp:masteryscore>`);
      } else {
        lines.push(
          '        <imsss:sequencing>',
          '          <imsss:objectives>',
          `            <imsss:primaryObjective objectiveID="PASS-${sco.key}" satisfiedByMeasure="true">`,
          `              <imsss:minNormalizedMeasure>${(meta.assessment.passMark / 100).toFixed(2)}</imsss:minNormalizedMeasure>`,
          '            </imsss:primaryObjective>',
          '          </imsss:objectives>',
          '        </imsss:sequencing>',
        );
      }
    }
    lines.push('      </item>');
  }
  lines.push('    </organization>', '  </organizations>', '  <resources>');
  const shared = input.files.filter((f) => f !== input.launchFile);
  for (const sco of scos) {
    lines.push(
      `    <resource identifier="RES-${sco.key}" type="webcontent" ${scormTypeAttr}="sco" href="${escapeXmlAttribute(input.launchFile)}">`,
    );
    lines.push(`      <file href="${escapeXmlAttribute(input.launchFile)}"/>`);
    lines.push(`      <dependency identifierref="RES-${id}-files"/>`);
    lines.push('    </resource>');
  }
  lines.push(`    <resource identifier="RES-${id}-files" type="webcontent" ${scormTypeAttr}="asset">`);
  for (const file of shared) lines.push(`      <file href="${escapeXmlAttribute(file)}"/>`);
  lines.push('    </resource>', '  </resources>', '</manifest>', '');
  return lines.join('\n');
}

interface ScoEntry {
  key: string;
  title: string;
  parameters: string | undefined;
  scored: boolean;
}

/** One SCO for the module, or (tracking.scoPerLesson) one per lesson plus one for the assessment. */
export function scoList(module: CourseModule): ScoEntry[] {
  if (!module.meta.tracking.scoPerLesson) {
    return [{ key: module.id, title: module.meta.title, parameters: undefined, scored: true }];
  }
  const entries: ScoEntry[] = module.lessons.map((l) => ({
    key: `${module.id}-${l.id}`,
    title: l.title,
    parameters: `?sco=${l.id}`,
    scored: false,
  }));
  if (module.meta.assessment) {
    entries.push({ key: `${module.id}-assessment`, title: module.meta.assessment.title, parameters: '?sco=assessment', scored: true });
  }
  return entries;
}

function lom12(module: CourseModule): string[] {
  const { meta } = module;
  const lang = escapeXmlAttribute(meta.language);
  return [
    '<imsmd:lom>',
    '  <imsmd:general>',
    `    <imsmd:title><imsmd:langstring xml:lang="${lang}">${escapeXmlText(meta.title)}</imsmd:langstring></imsmd:title>`,
    `    <imsmd:language>${escapeXmlText(meta.language)}</imsmd:language>`,
    `    <imsmd:description><imsmd:langstring xml:lang="${lang}">${escapeXmlText(meta.description)}</imsmd:langstring></imsmd:description>`,
    '  </imsmd:general>',
    '  <imsmd:lifecycle>',
    `    <imsmd:version><imsmd:langstring xml:lang="${lang}">${escapeXmlText(meta.version)}</imsmd:langstring></imsmd:version>`,
    '  </imsmd:lifecycle>',
    '</imsmd:lom>',
  ];
}

function lom2004(module: CourseModule): string[] {
  const { meta } = module;
  const lang = escapeXmlAttribute(meta.language);
  return [
    '<lom xmlns="http://ltsc.ieee.org/xsd/LOM">',
    '  <general>',
    `    <identifier><catalog>URN</catalog><entry>urn:coursekit:${escapeXmlText(module.id)}</entry></identifier>`,
    `    <title><string language="${lang}">${escapeXmlText(meta.title)}</string></title>`,
    `    <language>${escapeXmlText(meta.language)}</language>`,
    `    <description><string language="${lang}">${escapeXmlText(meta.description)}</string></description>`,
    '  </general>',
    '  <lifeCycle>',
    `    <version><string language="${lang}">${escapeXmlText(meta.version)}</string></version>`,
    '  </lifeCycle>',
    '</lom>',
  ];
}
