/**
 * The packaging rules the SCORM XSDs cannot check (shared/scorm-xsd/README.md, "What the XSDs
 * do not check"). Run on every package the build writes, and by the tests on the zips.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileMap } from '../model/files.js';

type XmlNode = Record<string, unknown>;

const ARRAY_ELEMENTS = new Set(['organization', 'item', 'resource', 'file', 'dependency', 'title']);
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function checkPackage(files: FileMap, packageName: string): Diagnostic[] {
  const problems: string[] = [];
  const manifestBytes = files.get('imsmanifest.xml');
  if (!manifestBytes) {
    const nested = [...files.keys()].find((f) => f.endsWith('/imsmanifest.xml'));
    problems.push(nested ? `imsmanifest.xml is at ${nested}, not at the zip root` : 'there is no imsmanifest.xml at the zip root');
    return toDiagnostics(problems, packageName);
  }
  const xml = new TextDecoder().decode(manifestBytes);
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    problems.push(`imsmanifest.xml is not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`);
    return toDiagnostics(problems, packageName);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: false,
    isArray: (name) => ARRAY_ELEMENTS.has(localName(name)),
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const root = (parser.parse(xml) as XmlNode).manifest as XmlNode | undefined;
  if (!root) return toDiagnostics(['the root element is not <manifest>'], packageName);
  const is2004 = root['@xmlns'] === 'http://www.imsglobal.org/xsd/imscp_v1p1';
  const is12 = root['@xmlns'] === 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
  if (!is12 && !is2004) problems.push(`the manifest namespace ${String(root['@xmlns'])} is neither SCORM 1.2 nor SCORM 2004`);

  // Identifiers: valid NCNames, unique across the manifest.
  const identifiers = new Map<string, number>();
  const noteIdentifier = (node: XmlNode, what: string) => {
    const id = node['@identifier'];
    if (typeof id !== 'string' || id === '') {
      problems.push(`a <${what}> has no identifier`);
      return;
    }
    if (!NCNAME.test(id)) problems.push(`the identifier "${id}" is not a valid XML name (NCName)`);
    identifiers.set(id, (identifiers.get(id) ?? 0) + 1);
  };
  noteIdentifier(root, 'manifest');

  // Metadata: schema and schemaversion.
  const metadata = root.metadata as XmlNode | undefined;
  const schema = metadata?.schema;
  const schemaVersion = metadata?.schemaversion;
  if (schema !== 'ADL SCORM') problems.push('<metadata><schema> must be "ADL SCORM"');
  const expectedVersion = is12 ? '1.2' : '2004 4th Edition';
  if (schemaVersion !== expectedVersion)
    problems.push(
      `<metadata><schemaversion> must be "${expectedVersion}" (Moodle falls back to SCORM 1.2 otherwise), found "${String(schemaVersion)}"`,
    );

  // Resources.
  const resourcesNode = root.resources as XmlNode | undefined;
  const resources = (resourcesNode?.resource as XmlNode[] | undefined) ?? [];
  const resourceById = new Map<string, XmlNode>();
  const listedFiles = new Set<string>();
  const scormTypeName = is12 ? '@adlcp:scormtype' : '@adlcp:scormType';
  for (const resource of resources) {
    noteIdentifier(resource, 'resource');
    resourceById.set(String(resource['@identifier']), resource);
    const scormType = resource[scormTypeName];
    if (scormType !== 'sco' && scormType !== 'asset') {
      problems.push(`resource "${String(resource['@identifier'])}" needs ${scormTypeName.slice(1)}="sco" or "asset" (exact case)`);
    }
    if (typeof resource['@href'] === 'string')
      checkHref(resource['@href'], files, problems, `resource "${String(resource['@identifier'])}" href`);
    if (typeof resource['@xml:base'] === 'string' && !resource['@xml:base'].endsWith('/'))
      problems.push(`xml:base of resource "${String(resource['@identifier'])}" must end with /`);
    for (const file of (resource.file as XmlNode[] | undefined) ?? []) {
      const href = file['@href'];
      if (typeof href !== 'string') {
        problems.push(`a <file> in resource "${String(resource['@identifier'])}" has no href`);
        continue;
      }
      listedFiles.add(href);
      checkHref(href, files, problems, `file "${href}"`);
    }
  }
  for (const resource of resources) {
    for (const dependency of (resource.dependency as XmlNode[] | undefined) ?? []) {
      const ref = String(dependency['@identifierref']);
      if (!resourceById.has(ref))
        problems.push(`resource "${String(resource['@identifier'])}" depends on "${ref}", which is not a resource`);
    }
  }
  for (const name of files.keys()) {
    if (name !== 'imsmanifest.xml' && !listedFiles.has(name)) problems.push(`${name} is in the zip but not listed in the manifest`);
  }

  // Organizations and items.
  const organizationsNode = root.organizations as XmlNode | undefined;
  const organizations = (organizationsNode?.organization as XmlNode[] | undefined) ?? [];
  if (organizations.length === 0) problems.push('<organizations> has no <organization>');
  const defaultOrg = organizationsNode?.['@default'];
  if (typeof defaultOrg !== 'string' || !organizations.some((o) => o['@identifier'] === defaultOrg)) {
    problems.push(`<organizations default="${String(defaultOrg)}"> does not name an <organization>`);
  }
  const checkTitle = (node: XmlNode, what: string) => {
    const titles = (node.title as unknown[] | undefined) ?? [];
    if (titles.length !== 1 || String(titles[0]).trim() === '') problems.push(`${what} must have exactly one non-empty <title>`);
  };
  const visitItem = (item: XmlNode) => {
    noteIdentifier(item, 'item');
    const id = String(item['@identifier']);
    checkTitle(item, `item "${id}"`);
    const children = (item.item as XmlNode[] | undefined) ?? [];
    const ref = item['@identifierref'];
    if (children.length > 0 && ref !== undefined) problems.push(`item "${id}" has children, so it must not have an identifierref`);
    if (children.length === 0) {
      if (typeof ref !== 'string') problems.push(`leaf item "${id}" must reference a resource`);
      else {
        const resource = resourceById.get(ref);
        if (!resource) problems.push(`item "${id}" references "${ref}", which is not a resource`);
        else if (typeof resource['@href'] !== 'string') problems.push(`resource "${ref}" is launched by item "${id}" but has no href`);
      }
    }
    const mastery = item['adlcp:masteryscore'];
    if (mastery !== undefined) {
      const n = Number(mastery);
      if (!Number.isFinite(n) || n < 0 || n > 100)
        problems.push(`item "${id}" has adlcp:masteryscore "${String(mastery)}"; it must be a number from 0 to 100`);
    }
    children.forEach(visitItem);
  };
  for (const organization of organizations) {
    noteIdentifier(organization, 'organization');
    checkTitle(organization, `organization "${String(organization['@identifier'])}"`);
    const items = (organization.item as XmlNode[] | undefined) ?? [];
    if (items.length === 0) problems.push(`organization "${String(organization['@identifier'])}" has no <item>`);
    items.forEach(visitItem);
  }
  for (const [id, count] of identifiers) if (count > 1) problems.push(`the identifier "${id}" is used ${count} times`);
  return toDiagnostics(problems, packageName);
}

function checkHref(href: string, files: FileMap, problems: string[], what: string): void {
  const path = href.split('?')[0]!;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path)) problems.push(`${what} is an absolute URL; packages must be self-contained`);
  else if (path.startsWith('/')) problems.push(`${what} starts with /; hrefs must be relative`);
  else if (path.includes('\\')) problems.push(`${what} contains a backslash; use /`);
  else if (!files.has(path)) problems.push(`${what} names a file that is not in the zip (names are case-sensitive)`);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function toDiagnostics(problems: string[], packageName: string): Diagnostic[] {
  return problems.map((p) => diagnostic('manifest-rule', { file: packageName, message: `${packageName}: ${p}.` }));
}
