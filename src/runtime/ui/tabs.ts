/**
 * Tabs, as the WAI-ARIA tabs pattern: the page has the panels one after the other under their
 * headings (what shows without JavaScript, and in print); this adds the tab list. Arrow keys
 * move between tabs (mirrored right to left), Home and End go to the first and last, and Tab
 * goes on into the panel. Selection follows focus: the panels are text, cheap to show.
 */
import { $, $$, el } from './dom.js';

export function setupTabs(): void {
  for (const box of $$('[data-ck-tabs]')) {
    const panels = $$('[data-ck-tabpanel]', box);
    const list = el('div', undefined, { role: 'tablist', class: 'ck-tablist' });
    const heading = $(':scope > h2', box);
    if (heading) list.setAttribute('aria-labelledby', heading.id);
    const tabs = panels.map((panel, i) => {
      const label = $$('[data-ck-tab-label]', panel)[0];
      const tab = el('button', label?.textContent ?? '', {
        type: 'button',
        role: 'tab',
        class: 'ck-tab',
        id: `${panel.id}-tab`,
        'aria-controls': panel.id,
      });
      if (label) label.hidden = true;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      tab.addEventListener('click', () => select(i));
      list.append(tab);
      return tab;
    });
    const select = (index: number, focus = false) => {
      tabs.forEach((tab, i) => {
        tab.setAttribute('aria-selected', String(i === index));
        tab.tabIndex = i === index ? 0 : -1;
        panels[i]!.hidden = i !== index;
      });
      if (focus) tabs[index]!.focus();
    };
    list.addEventListener('keydown', (event) => {
      const current = tabs.indexOf(event.target as HTMLButtonElement);
      const forward = getComputedStyle(list).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
      const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
      const keys: Record<string, number> = { [forward]: current + 1, [backward]: current - 1 + tabs.length, Home: 0, End: tabs.length - 1 };
      const next = keys[event.key];
      if (current < 0 || next === undefined) return;
      event.preventDefault();
      select(next % tabs.length, true);
    });
    panels[0]?.before(list);
    box.dataset.ckEnhanced = '';
    select(0);
  }
}
