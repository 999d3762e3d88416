/**
 * Escaping for the XML coursekit writes (imsmanifest.xml, XLIFF): one place, so every XML
 * file gets the same treatment. Characters XML 1.0 cannot carry at all (most C0 controls) are
 * left as they are: the manifest's schema check (package/manifest-schema.ts) refuses them.
 */

/** Escapes text content. `>` too, so `]]>` never appears; `\r` as a reference so it survives parsing. */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes a double-quoted attribute value, keeping tabs and line breaks (which parsing turns into spaces). */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
