/**
 * An embedded asset given as a URL (src/dsl/embedded.ts assetPath): a file: URL is a local path; any
 * other URL is not read from the local disk under its path part.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Artifact, pipeline, pythonComponent } from '../../src/index.ts';
import { readEmbeddedAssets } from '../../src/project/embedded-files.ts';

const root = mkdtempSync(path.join(tmpdir(), 'kfp-ts-embedded-url-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const using = (location: URL) =>
  pipeline({ name: 'p' }, (_p, s) => {
    s.task(pythonComponent({ name: 'f', source: { code: 'def f(a: dsl.EmbeddedInput[dsl.Artifact]):\n    pass\n' }, embeddedArtifact: location, embeddedInputs: { a: Artifact } }), {});
  }).build();

describe('embeddedArtifact given as a URL', () => {
  it('reads a file: URL as the local path it names, spaces decoded', async () => {
    // GIVEN a file in a directory whose name has a space, named by a file: URL
    const dir = path.join(root, 'with space');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'vocab.txt'), 'v');
    // WHEN it is read
    const read = await readEmbeddedAssets(using(pathToFileURL(path.join(dir, 'vocab.txt'))));
    // THEN the file is read under its decoded path
    expect(read.diagnostics).toEqual([]);
    expect([...read.embedded.keys()]).toEqual([path.join(dir, 'vocab.txt')]);
  });

  it('does not read the path part of an https: URL from the local disk', async () => {
    // GIVEN an https: URL whose path part names a local directory that exists
    mkdirSync(path.join(root, 'data'), { recursive: true });
    const local = path.join(root, 'data');
    const url = new URL(`https://example.com${local}/`);
    // WHEN the pipeline's embedded assets are read
    const read = await readEmbeddedAssets(using(url));
    // THEN nothing is read: the problem names the URL, not the local directory
    expect(read.embedded.size).toBe(0);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['python/embedded-unreadable']);
    expect(read.diagnostics[0]!.message).toContain(`https://example.com${local}`);
  });
});
