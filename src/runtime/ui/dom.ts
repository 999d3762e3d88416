/** Tiny DOM helpers: no framework, and every string from the course's locale. */
import { fillPlaceholders } from '../../shared/ui-text.js';
import type { Course } from '../course.js';

export function $<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T | null {
  return root.querySelector<T>(selector as never) as T | null;
}

export function $$<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] {
  return Array.from(root.querySelectorAll<T>(selector as never) as NodeListOf<T>);
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const name of Object.keys(attributes)) node.setAttribute(name, attributes[name]!);
  return node;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translator(course: Course): Translate {
  return (key, values = {}) => fillPlaceholders(course.strings[key] ?? key, values, course.language);
}

export function show(node: Element | null, visible: boolean): void {
  if (node) (node as HTMLElement).hidden = !visible;
}

/** Moves focus to a node that is not focusable by itself (a heading, a fieldset). */
export function focus(node: HTMLElement | null): void {
  if (!node) return;
  if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1');
  node.focus();
}
