import type { JsonValue } from '../../src/ir/index.ts';

export interface Expectation {
  readonly state?: 'FAILED';
  readonly why: string;
  readonly failed?: readonly string[];
  readonly message?: RegExp;
  readonly checks?: readonly { readonly task?: string; readonly parameters: Record<string, JsonValue> }[];
  readonly kfp?: { readonly state?: 'SUCCEEDED' | 'FAILED'; readonly why?: string; readonly differentOutputs?: readonly string[] };
}

export const EXPECTATIONS: Readonly<Record<string, Expectation>> = {};
