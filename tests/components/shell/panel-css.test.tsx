import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The stylesheet's colour system, checked where it is declared: every colour is a token with a
 * light and a dark value, and every pair of a text colour and the background it is used on
 * reaches WCAG AA (4.5:1; 3:1 for UI borders and focus rings) in both schemes. axe-core in the
 * e2e suite sees only the screens it visits; this sees every pair the design allows.
 */
const CSS = readFileSync(
  resolve(import.meta.dirname, '../../../components/shell/panel.css'),
  'utf8',
);

type Scheme = 'light' | 'dark';

/** `--color-name: light-dark(#light, #dark)` declarations, by name without `--color-`. */
function colourTokens(css: string): Map<string, Record<Scheme, string>> {
  const tokens = new Map<string, Record<Scheme, string>>();
  const declaration =
    /--color-([a-z-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/gi;
  for (const [, name, light, dark] of css.matchAll(declaration)) {
    if (name && light && dark) tokens.set(name, { light, dark });
  }
  return tokens;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Text colours and every background the stylesheet puts them on. */
const TEXT_ON: Record<string, readonly string[]> = {
  text: ['bg', 'surface', 'sunken', 'accent-soft', 'danger-soft', 'success-soft', 'private-bg'],
  'text-muted': ['bg', 'surface', 'sunken', 'accent-soft', 'danger-soft', 'private-bg'],
  accent: ['bg', 'surface', 'sunken', 'accent-soft', 'private-bg'],
  'on-accent': ['accent'],
  danger: ['bg', 'surface', 'sunken', 'danger-soft', 'private-bg'],
  'on-danger': ['danger'],
  success: ['bg', 'surface', 'success-soft'],
  'private-text': ['private-bg'],
};

/** Borders of controls, focus rings and the markers that carry meaning: 3:1 against their ground. */
const UI_ON: Record<string, readonly string[]> = {
  'border-strong': ['bg', 'surface', 'sunken', 'private-bg'],
  accent: ['bg', 'surface', 'sunken', 'accent-soft', 'private-bg'],
  danger: ['surface', 'danger-soft'],
  success: ['bg', 'surface'],
  'private-border': ['private-bg', 'bg'],
};

const tokens = colourTokens(CSS);

function pairs(table: Record<string, readonly string[]>) {
  return Object.entries(table).flatMap(([fore, backs]) =>
    backs.flatMap((back) =>
      (['light', 'dark'] as const).map((scheme) => [fore, back, scheme] as const),
    ),
  );
}

describe('the panel stylesheet', () => {
  it('declares every colour token with a light and a dark value', () => {
    expect(tokens.size).toBeGreaterThanOrEqual(15);
    for (const name of new Set([...Object.keys(TEXT_ON), ...Object.keys(UI_ON)])) {
      expect(tokens.has(name), `--color-${name}`).toBe(true);
    }
  });

  it.each(pairs(TEXT_ON))('keeps %s text on %s readable in %s (4.5:1)', (fore, back, scheme) => {
    const ratio = contrast(tokens.get(fore)![scheme], tokens.get(back)![scheme]);
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  });

  it.each(pairs(UI_ON))('keeps %s against %s visible in %s (3:1)', (fore, back, scheme) => {
    const ratio = contrast(tokens.get(fore)![scheme], tokens.get(back)![scheme]);
    expect(ratio).toBeGreaterThanOrEqual(3);
  });

  it('uses no colour outside the tokens', () => {
    // Every rule but the token declarations themselves: a raw colour there escapes the checks.
    const rules = CSS.replace(/\/\*[\s\S]*?\*\//g, '').replace(/:root\s*\{[^}]*\}/g, '');
    expect(rules.match(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/gi) ?? []).toEqual([]);
  });
});
