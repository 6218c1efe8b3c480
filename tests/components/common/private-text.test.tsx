import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { filesUnder } from '../../helpers/files';

const COMPONENTS = resolve(import.meta.dirname, '../../../components');
/** Input types whose value is free text a member types (and Chromium would keep). */
const TEXT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel']);

/** Every `<textarea>` and free-text `<input>` in a file that says nothing about autocomplete. */
function unmarkedFields(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) {
      const tag = node.tagName.getText(source);
      if (tag === 'textarea' || tag === 'input') {
        let type: string | null = null;
        let marked = false;
        for (const attribute of node.attributes.properties) {
          if (ts.isJsxSpreadAttribute(attribute)) {
            marked ||= attribute.expression.getText(source) === 'PRIVATE_TEXT';
          } else {
            const name = attribute.name.getText(source);
            if (name === 'autoComplete') marked = true;
            if (name === 'type') {
              const value = attribute.initializer;
              type = value && ts.isStringLiteral(value) ? value.text : '(computed)';
            }
          }
        }
        const freeText = tag === 'textarea' || type === null || TEXT_TYPES.has(type);
        if (freeText && !marked) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          found.push(`${relative(COMPONENTS, path)}:${line + 1} <${tag}>`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('fields the browser would keep for restoring tabs', () => {
  it('every text field in the panel says autocomplete (PRIVATE_TEXT, or a name for a password or a name field)', () => {
    const files = filesUnder(COMPONENTS).filter((path) => path.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => unmarkedFields(file))).toEqual([]);
  });

  it('sees a field that says nothing', () => {
    const path = join(COMPONENTS, 'boards', 'PitchBoard.tsx');
    const text = readFileSync(path, 'utf8');
    expect(unmarkedFields(path, text)).toEqual([]);
    const unmarked = unmarkedFields(path, text.replaceAll('{...PRIVATE_TEXT}', ''));
    expect(unmarked).toEqual([expect.stringMatching(/^boards\/PitchBoard\.tsx:\d+ <textarea>$/)]);
  });
});
