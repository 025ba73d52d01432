import type { z } from 'zod';
import type { InterfaceNode, IoSpec } from './component-node.ts';
import { isArtifactInputDecl, isArtifactOutputDecl, type InputDecls, type OutputDecls } from './io.ts';
import { parameterSpecOf } from './parameter-types.ts';
import { SUPPORTED_ZOD } from '../zod-support.ts';

function isZod(d: unknown): d is z.ZodType {
  return typeof d === 'object' && d !== null && '_zod' in d;
}

/** A zod 3 schema (`_def`, no `_zod`): from a project whose zod is older than kfp-ts supports. */
function isZod3(d: unknown): boolean {
  return typeof d === 'object' && d !== null && '_def' in d && typeof (d as { safeParse?: unknown }).safeParse === 'function';
}

function ioSpecOf(decl: unknown, direction: 'input' | 'output'): IoSpec {
  if (direction === 'input' && isArtifactInputDecl(decl)) {
    return {
      kind: 'artifact',
      artifactType: decl.artifactType,
      isList: decl.isList,
      optional: decl.optional,
      ...(decl.description ? { description: decl.description } : {}),
    };
  }
  if (direction === 'output' && isArtifactOutputDecl(decl)) {
    return {
      kind: 'artifact',
      artifactType: decl.artifactType,
      isList: decl.isList,
      optional: false,
      ...(decl.description ? { description: decl.description } : {}),
    };
  }
  if (isZod(decl)) {
    const spec = parameterSpecOf(decl);
    if (spec) return spec;
    return {
      kind: 'invalid',
      message:
        'this zod schema has no KFP parameter type; use z.string(), z.number(), z.int(), z.boolean(), z.array(...) or z.object(...)/z.record(...)',
    };
  }
  if (isZod3(decl)) {
    return {
      kind: 'invalid',
      message: `this is a zod 3 schema; kfp-ts needs zod ${SUPPORTED_ZOD} (its peer dependency): install it with npm install zod@${SUPPORTED_ZOD}`,
    };
  }
  return {
    kind: 'invalid',
    message:
      direction === 'input'
        ? 'an input must be a zod schema (a parameter) or input(ArtifactType) (an artifact)'
        : 'an output must be a zod schema (a parameter) or output(ArtifactType) (an artifact)',
  };
}

/** Normalises declarations into the node form; never throws (problems become `invalid` specs). */
export function interfaceOf(inputs: InputDecls | undefined, outputs: OutputDecls | undefined): InterfaceNode {
  const ins: Record<string, IoSpec> = {};
  const outs: Record<string, IoSpec> = {};
  for (const [name, decl] of Object.entries(inputs ?? {})) ins[name] = ioSpecOf(decl, 'input');
  for (const [name, decl] of Object.entries(outputs ?? {})) outs[name] = ioSpecOf(decl, 'output');
  return Object.freeze({ inputs: Object.freeze(ins), outputs: Object.freeze(outs) });
}
