/** A module's theme (module.json "theme") as the stylesheet assets/theme.css. */
import type { Theme } from '../model/content.generated.js';

/** The theme as CSS custom properties over the default theme (assets/theme.css). */
export function themeCss(theme: Theme): string {
  const declarations: string[] = [];
  const set = (property: string, value: string | undefined) => {
    if (value !== undefined) declarations.push(`  ${property}: ${value};`);
  };
  set('--ck-accent', theme.accentColor);
  set('--ck-accent-text', theme.accentTextColor);
  set('--ck-text', theme.textColor);
  set('--ck-bg', theme.backgroundColor);
  set('--ck-surface', theme.surfaceColor);
  set('--ck-focus', theme.focusColor);
  set('--ck-font', theme.fontFamily);
  // The stylesheet is assets/theme.css, so the module folder is one level up.
  set('--ck-logo', theme.logo ? `url("../${theme.logo.replace(/"/g, '')}")` : undefined);
  set('--ck-logo-size', theme.logo ? '2.25rem' : undefined);
  return `/* Generated from "theme" in module.json. */\n:root {\n${declarations.join('\n')}\n}\n`;
}
