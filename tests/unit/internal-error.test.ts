/**
 * A failure of kfp-ts itself is reported as a short internal error with what a bug report needs;
 * the stack only when KFP_TS_DEBUG asks for it.
 */
import { describe, expect, it } from 'vitest';
import { internalErrorText } from '../../src/cli/internal-error.ts';
import { version } from '../../src/version.ts';

const ARGV = ['node', 'kfp-ts', 'compile', 'pipeline.ts', '-o', 'out.yaml'];
const bug = () => {
  const e = new TypeError("Cannot read properties of undefined (reading 'inputs')\nsecond line");
  e.stack = `${e.name}: ${e.message}\n    at lowerTask (file:///x/dist/cli.mjs:1:2345)`;
  return e;
};

describe('internal error report', () => {
  it('names the error, the command, the version and where to report it, without a stack', () => {
    // WHEN an internal error is reported with no KFP_TS_DEBUG
    const text = internalErrorText(bug(), ARGV, {});
    // THEN it is a few lines: the first line of the error, the command, version, Node, platform and the issues page
    expect(text.split('\n')[0]).toBe("kfp-ts: internal error: TypeError: Cannot read properties of undefined (reading 'inputs')");
    expect(text).toContain('kfp-ts compile');
    expect(text).toContain(`kfp-ts ${version}, Node ${process.version}`);
    expect(text).toContain('https://github.com/kfp-ts/kfp-ts/issues');
    expect(text).toContain('KFP_TS_DEBUG=1');
    // AND no stack frame, no bundle position, no second message line
    expect(text).not.toMatch(/^\s+at\s|cli\.mjs|second line/m);
    expect(text.split('\n').length).toBeLessThan(10);
  });

  it('adds the stack when KFP_TS_DEBUG=1, and reads any thrown value without running its code', () => {
    expect(internalErrorText(bug(), ARGV, { KFP_TS_DEBUG: '1' })).toContain('    at lowerTask (file:///x/dist/cli.mjs:1:2345)');
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } });
    expect(internalErrorText(hostile, ARGV, {}).split('\n')[0]).toMatch(/^kfp-ts: internal error: /);
    expect(internalErrorText(42, ARGV, {}).split('\n')[0]).toBe('kfp-ts: internal error: a thrown number');
  });
});
