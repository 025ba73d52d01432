/**
 * The JSON forms the IR types are built from: the well-known protobuf types as proto3 JSON writes
 * them, and int64.
 */

/** Any JSON value: the JSON form of `google.protobuf.Value`. */
export type JsonValue = null | boolean | number | string | JsonArray | JsonObject;

/**
 * A JSON object: the JSON form of `google.protobuf.Struct`. A key whose value is `undefined` is
 * absent, as in `JSON.stringify` and the YAML emitter; allowing it lets every IR message type
 * (whose unset oneof members are `?: never`) be passed where a JsonObject is expected.
 */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/** A JSON array: the JSON form of `google.protobuf.ListValue`. */
export type JsonArray = readonly JsonValue[];

/**
 * An int64 or uint64 field. proto3 JSON writes 64-bit integers as decimal strings (kfp writes
 * `activeDeadlineSeconds: '20'`, `runAsUser: '65534'`) and parsers accept numbers too, so readers
 * must take both; `Number(value)` is exact below 2^53.
 */
export type Int64 = string | number;

/**
 * A `google.protobuf.Duration`: seconds with an optional fraction and a trailing `s`
 * (`'3600s'`, `'1.5s'`).
 */
export type Duration = string;

/** Whether a JSON value is an object (not an array, not null): narrows a Struct field's value. */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
