/**
 * Every imsmanifest.xml the build writes is validated against the official SCORM XML Schemas
 * (vendor/scorm-xsd), in-process, by libxml2 compiled to WebAssembly: neither authors nor CI
 * need xmllint. The root element's namespace picks the schema set, as an LMS does. Each schema
 * set is compiled once per process (compiling is most of the cost; a validation takes about a
 * millisecond), and libxml2 is loaded only by the commands that write packages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { XmlDocument, XmlInputProvider, XsdValidator } from 'libxml2-wasm';
import { diagnostic } from '../diagnostics/create.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileMap } from '../model/files.js';
import { scormSchemasDir } from '../paths.js';

export interface SchemaProblem {
  /** 1-based, in imsmanifest.xml; 0 when libxml2 gives none. */
  line: number;
  message: string;
}

const DRIVERS = {
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'driver-scorm12.xsd',
  'http://www.imsglobal.org/xsd/imscp_v1p1': 'driver-scorm2004-4th.xsd',
} as const;
type Namespace = keyof typeof DRIVERS;

/** ADL's imscp_v1p1.xsd imports the W3C schema of the xml: namespace by its web address. */
const XML_NAMESPACE_SCHEMA_URL = 'http://www.w3.org/2001/xml.xsd';

/**
 * IMS Meta-Data 1.2.1 breaks XML Schema's Unique Particle Attribution rule with a `##any`
 * wildcard after optional elements of its own namespace; libxml2 2.10 and later refuse to
 * compile it (2.9 did not notice). Read it with `##other`, as IMS's later revisions of that
 * schema do: vendor/scorm-xsd/README.md, "The one adaptation".
 */
const ADAPTATIONS: Record<string, [from: string, to: string]> = {
  'scorm12/imsmd_rootv1p2p1.xsd': [
    '<xsd:any namespace="##any" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>',
    '<xsd:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>',
  ],
};

type Libxml2 = typeof import('libxml2-wasm');
let libxml2: Promise<Libxml2> | undefined;
const validators = new Map<Namespace, XsdValidator>();

/** Starts loading libxml2 (compiled off the main thread) while the build does other work. */
export function preloadManifestSchemas(): void {
  void loadLibxml2().catch(() => undefined);
}

function loadLibxml2(): Promise<Libxml2> {
  libxml2 ??= import('libxml2-wasm').then((lib) => {
    lib.xmlRegisterInputProvider(schemaFiles());
    return lib;
  });
  return libxml2;
}

/** Serves the schema files to libxml2 (which has no file system of its own), adapted as above. */
function schemaFiles(): XmlInputProvider {
  const open = new Map<number, { bytes: Uint8Array; offset: number }>();
  let nextHandle = 1;
  const localPath = (name: string) => (name === XML_NAMESPACE_SCHEMA_URL ? path.join(scormSchemasDir, 'scorm2004-4th', 'xml.xsd') : name);
  return {
    match: (name) => name === XML_NAMESPACE_SCHEMA_URL || name.startsWith(scormSchemasDir + path.sep),
    open(name) {
      const file = localPath(name);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch {
        return undefined;
      }
      const adaptation = ADAPTATIONS[path.relative(scormSchemasDir, file).split(path.sep).join('/')];
      if (adaptation) bytes = new TextEncoder().encode(adapt(new TextDecoder().decode(bytes), ...adaptation));
      const handle = nextHandle++;
      open.set(handle, { bytes, offset: 0 });
      return handle;
    },
    read(handle, buffer) {
      const file = open.get(handle);
      if (!file) return -1;
      const count = Math.min(buffer.byteLength, file.bytes.length - file.offset);
      buffer.set(file.bytes.subarray(file.offset, file.offset + count));
      file.offset += count;
      return count;
    },
    close: (handle) => open.delete(handle),
  };
}

function adapt(text: string, from: string, to: string): string {
  // A schema file that no longer reads as expected must fail loudly, not be validated unadapted.
  if (!text.includes(from)) throw new Error(`vendor/scorm-xsd changed: "${from}" not found`);
  return text.replace(from, to);
}

async function validatorFor(namespace: Namespace): Promise<XsdValidator> {
  const lib = await loadLibxml2();
  let validator = validators.get(namespace);
  if (!validator) {
    const driver = path.join(scormSchemasDir, DRIVERS[namespace]);
    // The schema document lives as long as its validator, which is kept for the process.
    validator = lib.XsdValidator.fromDoc(lib.XmlDocument.fromBuffer(readFileSync(driver), { url: driver }));
    validators.set(namespace, validator);
  }
  return validator;
}

/**
 * What the official XSDs say about a manifest: no problems when it is valid. A manifest whose
 * root namespace is neither SCORM version's is left to checkPackage, which reports it.
 */
export async function manifestSchemaProblems(manifest: Uint8Array): Promise<SchemaProblem[]> {
  const lib = await loadLibxml2();
  let document: XmlDocument;
  try {
    document = lib.XmlDocument.fromBuffer(manifest, { url: 'imsmanifest.xml', option: lib.ParseOption.XML_PARSE_NONET });
  } catch (error) {
    return problemsOf(lib, error, 'is not well-formed XML');
  }
  try {
    const namespace = document.root.namespaceUri;
    if (!(namespace in DRIVERS)) return [];
    (await validatorFor(namespace as Namespace)).validate(document);
    return [];
  } catch (error) {
    return problemsOf(lib, error, 'does not match the schema');
  } finally {
    document.dispose();
  }
}

function problemsOf(lib: Libxml2, error: unknown, fallback: string): SchemaProblem[] {
  if (!(error instanceof lib.XmlLibError) || error.details.length === 0) throw error;
  return error.details.map((d) => ({ line: d.line, message: d.message.trim() || fallback }));
}

/** The schema check of a SCORM package's files, as diagnostics naming the package. */
export async function checkManifestSchema(files: FileMap, packageName: string): Promise<Diagnostic[]> {
  const manifest = files.get('imsmanifest.xml');
  if (!manifest) return [];
  const problems = await manifestSchemaProblems(manifest);
  return problems.map((p) =>
    diagnostic('manifest-schema', {
      file: packageName,
      message: `${packageName}: imsmanifest.xml${p.line > 0 ? ` line ${p.line}` : ''}: ${p.message}`,
    }),
  );
}
