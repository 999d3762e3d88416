/**
 * Filling the placeholders of a UI string (src/render/locales/), for the pages and the learner
 * runtime alike: numbers come out in the language's conventions (Intl.NumberFormat: decimal
 * mark, grouping, digits), so "16,67 %" in French and "16.67%" in English; text as it is.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** Up to two decimals: a score is recorded with two (2 of 12 is 16.67). */
export function formatNumber(value: number, language: string): string {
  try {
    let format = formats.get(language);
    if (!format) {
      format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
      formats.set(language, format);
    }
    return format.format(value);
  } catch {
    return String(Math.round(value * 100) / 100);
  }
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written. */
export function fillPlaceholders(template: string, values: Record<string, string | number>, language: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, language) : value;
  });
}
