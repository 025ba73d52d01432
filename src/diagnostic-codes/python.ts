/** Python component sources: reading them, and checking the function against its declaration. */
export const PYTHON_CODES = {
  'python/source-unreadable': "a Python component's source file could not be read",
  'python/source-missing': "a Python component's source text was not passed to the compiler (options.sources)",
  'python/function-missing': 'the source has no top-level def of the component function',
  'python/signature-unreadable': "the function's signature could not be read",
  'python/signature-mismatch': 'the Python signature and the TypeScript declaration disagree (names, kinds, types or defaults)',
  'python/custom-artifact-class': 'a custom artifact type has no pythonClass to import into the program',
  'python/custom-artifact-import': "kfp cannot derive the import of a custom artifact class from the annotation",
  'python/embedded-input-mismatch': 'embeddedInputs and the EmbeddedInput[...] parameters of the function disagree',
  'python/embedded-input-without-asset': 'embeddedInputs are declared but nothing is embedded',
  'python/embedded-with-target-image': 'an embedded file or notebook together with targetImage',
  'python/embedded-unreadable': 'an embedded file or directory could not be read',
  'python/embedded-missing': 'an embedded path was not passed to the compiler (options.embedded)',
  'python/embedded-unsupported': 'an embedded path holds something that is neither a file, a directory nor a symbolic link',
  'python/embedded-name': 'an embedded file name would break the Python string it is written into',
  'python/embedded-large': 'warning: an embedded archive is over 1 MB compressed',
  'python/notebook-invalid': 'a notebook path does not hold exactly one .ipynb notebook',
} as const;
