/**
 * withRuntimeText (compiler/runtime-text.ts): runtime placeholders become the text kfp's
 * `dsl.*_PLACEHOLDER` constants hold, at any depth of a constant argument, but string templates
 * and channels are left as they are (they are compiled on their own).
 */
import { describe, expect, it } from 'vitest';
import { runtime } from '../../src/index.ts';
import { withRuntimeText } from '../../src/compiler/runtime-text.ts';

describe('withRuntimeText', () => {
  it('writes a runtime placeholder as its text, alone, in lists and in nested objects', () => {
    expect(withRuntimeText(runtime.workspacePath)).toBe('{{$.workspace_path}}');
    expect(withRuntimeText([runtime.pipelineJobName, 'x', 1])).toEqual(['{{$.pipeline_job_name}}', 'x', 1]);
    expect(withRuntimeText({ a: { b: [runtime.pipelineRoot] }, n: null, f: false })).toEqual({ a: { b: ['{{$.pipeline_root}}'] }, n: null, f: false });
  });

  it('leaves string templates and parameter/artifact channels untouched, placeholders inside included', () => {
    for (const kind of ['stringTemplate', 'parameterChannel', 'artifactChannel']) {
      const v = { kind, inner: runtime.workspacePath };
      expect(withRuntimeText(v)).toBe(v);
      expect(withRuntimeText({ arg: v })).toEqual({ arg: v });
    }
  });

  it('rewrites other objects that carry a kind', () => {
    expect(withRuntimeText({ kind: 'other', inner: runtime.workspacePath })).toEqual({ kind: 'other', inner: '{{$.workspace_path}}' });
  });
});
