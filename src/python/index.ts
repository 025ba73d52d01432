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
export { scanLines } from './lexer.ts';
export { parsePythonLiteral } from './literal.ts';
export { cleandoc, docstringDescriptions } from './docstring.ts';
export { extractFunctionSource } from './function-source.ts';
export { parseSignature, type PythonSignature } from './signature.ts';
export { bareName, parseTypeExpression, typeText, type TypeExpr } from './type-expression.ts';
export { embeddedInner, kfpInterface, SYSTEM_ARTIFACT_CLASSES, type KfpIo } from './kfp-interface.ts';
export { pythonSourceFiles } from './source-files.ts';
export { embeddedAssetPaths, type EmbeddedEntry, type EmbeddedTree } from './embedded-paths.ts';
