/**
 * Reading Python component sources as kfp does — pure functions over source text (no I/O, no
 * Python run): find a top-level function and cut it out as kfp embeds it, read its signature, say
 * what kfp makes of its annotations (the component's interface), read literal defaults and
 * decorator arguments, take descriptions from a Google-style docstring; and name the files a
 * pipeline's Python components read (their modules, embedded assets), for the project to load.
 * The compiler checks components against these readings, codegen writes declarations from them,
 * the project reads the files they name. Nothing outside this folder imports its modules directly.
 *
 * @example
 * const fn = extractFunctionSource(moduleText, 'train');
 * const sig = fn && parseSignature(fn.text);
 * if (sig) for (const [name, io] of kfpInterface(sig, moduleText).inputs) console.log(name, io);
 */
export { scanLines, type LineInfo } from './lexer.ts';
export { parsePythonLiteral, type Literal } from './literal.ts';
export { cleandoc, docstringDescriptions, type DocstringDescriptions } from './docstring.ts';
export { extractFunctionSource, type FunctionSource } from './function-source.ts';
export { parseSignature, type PythonParam, type PythonSignature } from './signature.ts';
export { bareName, parseTypeExpression, typeText, type TypeExpr } from './type-expression.ts';
export { embeddedInner, kfpInterface, SYSTEM_ARTIFACT_CLASSES, type KfpInterface, type KfpIo } from './kfp-interface.ts';
export type { ParameterType } from './parameter-type.ts';
export { pythonSourceFiles } from './source-files.ts';
export { embeddedAssetPaths, type EmbeddedEntry, type EmbeddedTree } from './embedded-paths.ts';
