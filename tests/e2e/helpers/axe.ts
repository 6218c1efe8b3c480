import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';

// axe.min.js defines `axe` on the page's window once it is injected.
declare const axe: typeof Axe;

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What the suite refuses: a violation whose impact is one of these. */
const REFUSED: readonly string[] = ['serious', 'critical'];

/** The languages and colour schemes every view is checked in. */
export const LANGUAGES = ['nl', 'en'] as const;
export const SCHEMES = ['light', 'dark'] as const;

/** One refused violation, in words a person can act on. */
export interface Finding {
  readonly where: string;
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly string[];
}

/**
 * Puts axe-core into the panel page. An extension page's CSP (script-src 'self') refuses the
 * inline script that `addScriptTag` writes; then the same file is evaluated over the DevTools
 * protocol, which the page's CSP does not govern.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof axe !== 'undefined')) return;
  try {
    await page.addScriptTag({ path: AXE_PATH });
  } catch {
    // Refused by the CSP: evaluated below.
  }
  if (await page.evaluate(() => typeof axe !== 'undefined')) return;
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  if (!(await page.evaluate(() => typeof axe !== 'undefined'))) {
    throw new Error('axe-core could not be put into the page');
  }
}

/** Runs axe-core on the whole page as it is now and returns the serious and critical violations. */
export async function axeFindings(page: Page, where: string): Promise<Finding[]> {
  await injectAxe(page);
  // Text that a live region shows a frame late is checked once it shows (LiveRegion.tsx).
  await page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll<HTMLElement>('[role] > *, [aria-live] > *')).some(
        (e) => e.style.visibility === 'hidden',
      ),
  );
  const violations = await page.evaluate(async () => {
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: `${v.help} (${v.helpUrl})`,
      nodes: v.nodes.map(
        (n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
      ),
    }));
  });
  return [
    ...violations.filter((v) => REFUSED.includes(v.impact)).map((v) => ({ where, ...v })),
    ...(await sameNameFindings(page, where)),
  ];
}

/** The roles a member acts on, and finds by their name (as the e2e tests and scripts do). */
const CONTROL_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'checkbox',
  'radio',
  'switch',
  'spinbutton',
  'slider',
  'tab',
  'menuitem',
]);

interface AXNode {
  readonly nodeId: string;
  readonly parentId?: string;
  readonly ignored: boolean;
  readonly role?: { readonly value?: unknown };
  readonly name?: { readonly value?: unknown };
}

/**
 * Two controls of one role and one name on the same screen: a screen reader's list of buttons
 * says the same twice, and whoever looks for it by name (a member told "click Done", a script
 * driving the panel by its labels) gets two answers. Within one named form: the home screen's
 * two forms each ask "Your name", and the form's name tells them apart, for a screen reader
 * (its landmark) as for a script (the form first). Read from Chromium's accessibility tree, as
 * assistive technology gets it; not an axe rule.
 */
async function sameNameFindings(page: Page, where: string): Promise<Finding[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const text = (value: { readonly value?: unknown } | undefined) => String(value?.value ?? '');
    /** The name of the form a node is in, or '' outside any named form. */
    const formOf = (node: AXNode): string => {
      for (let up = byId.get(node.parentId ?? ''); up; up = byId.get(up.parentId ?? '')) {
        if (text(up.role) === 'form' && text(up.name) !== '') return text(up.name);
      }
      return '';
    };
    const count = new Map<string, number>();
    for (const node of nodes) {
      const role = text(node.role);
      if (node.ignored || !CONTROL_ROLES.has(role)) continue;
      const form = formOf(node);
      const key = `${role} "${text(node.name)}"${form ? ` in the form "${form}"` : ''}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    const twice = [...count].filter(([, n]) => n > 1).map(([key, n]) => `${key}: ${n} of them`);
    return twice.length === 0
      ? []
      : [
          {
            where,
            rule: 'same-name-controls',
            impact: 'serious',
            help: 'Controls of one role share a name on one screen: give each its own',
            nodes: twice,
          },
        ];
  } finally {
    await cdp.detach();
  }
}

/** The panel's language, switched as a member does, with the menu in the header. */
export async function switchLanguage(page: Page, locale: 'nl' | 'en'): Promise<void> {
  await page.getByRole('combobox', { name: /^(Language|Taal)$/ }).selectOption(locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

/**
 * Checks the page as it is now in both languages and both colour schemes; the language is left
 * as it was found (English), the colour scheme light.
 */
export async function auditEveryWay(page: Page, view: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const locale of LANGUAGES) {
    await switchLanguage(page, locale);
    for (const colorScheme of SCHEMES) {
      // Without transitions, colours are checked as they end, not halfway.
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      found.push(...(await axeFindings(page, `${view} (${locale}, ${colorScheme})`)));
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await switchLanguage(page, 'en');
  return found;
}

/** The findings as a report to print when the check fails. */
export function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no serious or critical violations';
  return findings
    .map(
      (f) =>
        `\n[${f.where}] ${f.rule} (${f.impact}): ${f.help}\n${f.nodes.map((n) => `    ${n}`).join('\n')}`,
    )
    .join('\n');
}
