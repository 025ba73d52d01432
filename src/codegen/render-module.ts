import { CodegenError } from './codegen-error.ts';
import type { Declaration } from './io-declarations.ts';
import type { ModuleModel } from './module-model.ts';
import { jsDocText, tsKey } from './ts-literals.ts';

/**
 * The rendering of a generated module (./module-model.ts) with ts-morph (loaded only here, only by
 * `kfp-ts codegen`): imports, statements with their JSDoc, then TypeScript's own formatter, so the
 * same model always gives the same bytes.
 */

/** `/** … *\/` for a property or statement, one line when the text is one line. */
function jsDoc(text: string, indent: string): string {
  const lines = jsDocText(text).split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}

/** An object literal with one property per line, each preceded by its JSDoc. */
export function objectLiteral(declarations: readonly Declaration[], indent = ''): string {
  if (declarations.length === 0) return '{}';
  const inner = `${indent}  `;
  const body = declarations.map((d) => `${d.docs ? jsDoc(d.docs, inner) : ''}${inner}${tsKey(d.name)}: ${d.expression},\n`).join('');
  return `{\n${body}${indent}}`;
}

/** ts-morph, or a clear error naming the package to install. */
async function loadTsMorph(): Promise<typeof import('ts-morph')> {
  try {
    return await import('ts-morph');
  } catch {
    throw new CodegenError(
      'codegen/ts-morph-missing',
      'ts-morph',
      'kfp-ts codegen needs the ts-morph package, an optional dependency that is not installed: run `npm install --save-dev ts-morph@28.0.0`',
    );
  }
}

export async function renderModule(model: ModuleModel): Promise<string> {
  const { Project, QuoteKind, IndentationText, NewLineKind, VariableDeclarationKind } = await loadTsMorph();
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, useTrailingCommas: true },
  });
  const file = project.createSourceFile('/generated.ts', '');
  for (const imp of model.imports) {
    if (imp.namespace) file.addImportDeclaration({ moduleSpecifier: imp.from, namespaceImport: imp.namespace });
    else file.addImportDeclaration({ moduleSpecifier: imp.from, namedImports: [...imp.names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) });
  }
  model.statements.forEach((s, i) => {
    const statement = file.addVariableStatement({
      isExported: s.exported,
      declarationKind: VariableDeclarationKind.Const,
      ...(s.docs ? { docs: [{ description: jsDocText(s.docs) }] } : {}),
      declarations: [{ name: s.name, initializer: (writer) => void writer.write(s.initializer) }],
    });
    if (i > 0) statement.prependWhitespace('\n');
  });
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  const header = model.header.map((l) => (l ? `// ${l}` : '//')).join('\n');
  return `${header}\n${file.getFullText()}`;
}
