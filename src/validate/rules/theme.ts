/**
 * A module's theme: its colours must keep WCAG 2.1 AA contrast (4.5:1 for text, 3:1 for the
 * focus outline), since a theme that looks on-brand but cannot be read fails the learners.
 */
import type { Theme } from '../../model/content.generated.js';
import type { RuleContext } from './context.js';
import { checkMediaFile } from './media.js';

/** The default theme's colours (src/render/styles/coursekit.css), used where a theme is silent. */
export const DEFAULT_THEME_COLORS = {
  accentColor: '#0b4f8a',
  accentTextColor: '#ffffff',
  textColor: '#1b1f24',
  backgroundColor: '#ffffff',
  surfaceColor: '#f3f5f8',
  focusColor: '#c2410c',
} as const;

/**
 * The logo is media like any other; the colours must stay readable. Returns the logo file,
 * relative to the module folder, when there is one and it exists.
 */
export async function checkTheme(context: RuleContext): Promise<string | undefined> {
  const { meta, loaded, broken, report } = context;
  if (!meta.theme || !broken.moduleTrusts('/theme')) return undefined;
  const themeAt = (field: string) => ({ file: loaded.moduleFile, pointer: `/theme/${field}` });
  const logo = meta.theme.logo ? await checkMediaFile(context, meta.theme.logo, themeAt('logo'), 'logo') : undefined;
  for (const problem of checkThemeContrast(meta.theme)) {
    report('theme-contrast', themeAt(problem.field), `in the theme, ${problem.message}.`);
  }
  return logo;
}

export interface ContrastProblem {
  /** The theme field the author should change. */
  field: keyof typeof DEFAULT_THEME_COLORS;
  message: string;
}

export function checkThemeContrast(theme: Theme): ContrastProblem[] {
  const c = { ...DEFAULT_THEME_COLORS, ...theme };
  const pairs: [keyof typeof DEFAULT_THEME_COLORS, keyof typeof DEFAULT_THEME_COLORS, number, string][] = [
    ['textColor', 'backgroundColor', 4.5, 'body text on the page background'],
    ['textColor', 'surfaceColor', 4.5, 'text in boxes (surfaceColor)'],
    ['accentTextColor', 'accentColor', 4.5, 'button text on the accent colour'],
    ['accentColor', 'backgroundColor', 4.5, 'links (accent colour) on the page background'],
    ['focusColor', 'backgroundColor', 3, 'the focus outline on the page background'],
  ];
  const problems: ContrastProblem[] = [];
  for (const [front, back, minimum, what] of pairs) {
    const ratio = contrastRatio(c[front], c[back]);
    if (ratio < minimum) {
      const field = theme[front] !== undefined ? front : back;
      problems.push({
        field,
        message: `${what} has a contrast of ${ratio.toFixed(2)}:1 (${c[front]} on ${c[back]}); WCAG AA needs at least ${minimum}:1`,
      });
    }
  }
  return problems;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
