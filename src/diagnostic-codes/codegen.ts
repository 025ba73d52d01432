/** Generating TypeScript declarations from component files (`kfp-ts codegen`, src/codegen). */
export const CODEGEN_CODES = {
  'codegen/unreadable-input': 'the file given to codegen could not be read',
  'codegen/ts-morph-missing': 'codegen needs the optional peer dependency ts-morph, which is not installed',
  'codegen/python-interface': "a Python component's signature has something kfp cannot make an interface of",
  'codegen/no-components': 'the Python file has no @dsl.component function',
} as const;
