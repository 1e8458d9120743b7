import fc from 'fast-check';
import { z } from 'zod';

/**
 * Bodies for a route from the zod schema it declares: the schema's JSON Schema (zod 4's own
 * `z.toJSONSchema`, input side — the document issue 17's OpenAPI is made of) walked into
 * fast-check arbitraries. No library does this for zod 4 and fast-check 4 (zod-fast-check is
 * zod 3 only), and JSON Schema is the smaller, stable surface to walk.
 *
 * The bodies are **near-valid**: three in four fit the schema — every value in its node's type
 * and bounds, boundaries included, strings of any code point (NUL, emoji, right-to-left) — and
 * in the fourth each node, one time in `offSchema`, is something else entirely. So most bodies
 * pass validation and reach the module's logic and the database, where a 500 would hide, and
 * the rest probe the validator a field at a time. A uuid field takes the tenant's own ids of
 * the table its name points at (`variantId` → a variants table, `lineId` → order lines) three
 * times in four, so a body names real orders, lines, shifts and items.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

export type BodyOptions = {
  /** Ids of the tenant's own rows by table, for uuid fields. */
  ids: Record<string, string[]>;
  /** One node in this many is replaced by an off-schema value. */
  offSchema?: number;
};

const INT32 = 2 ** 31 - 1;
/** Values that break code written for the usual case: boundaries of int4/int8/double, odd strings, wrong types. */
const odd = fc.constantFrom<unknown>(
  0, -1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5, 5e-324,
  '', ' ', '\u0000', 'null', '0', '-1', '1e400', '١٢٣', 'a\u202Eb', '😀'.repeat(50),
  true, false, null, [], {}, [null], { '': null },
);

const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

export function bodiesFor(schema: z.ZodType, options: BodyOptions): fc.Arbitrary<unknown> {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const all = Object.values(options.ids).flat();
  const off = options.offSchema ?? 25;
  /** The tenant's ids a field named `key` points at: `variantIds` → tables with "variant" in their name; any id when none. */
  const idsFor = (key: string) => {
    const word = key.replace(/Ids?$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const named = Object.entries(options.ids).filter(([table]) => table.includes(word)).flatMap(([, ids]) => ids);
    const pool = named.length ? named : all;
    return pool.length ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 }) : fc.uuid();
  };

  type Walk = (node: JsonSchema, depth: number, key: string) => fc.Arbitrary<unknown>;
  const fitting: Walk = (node, depth, key) => exact(node, depth, key, fitting);
  const noisy: Walk = (node, depth, key) =>
    fc.oneof({ arbitrary: exact(node, depth, key, noisy), weight: off - 1 }, { arbitrary: fc.oneof(odd, fc.jsonValue({ maxDepth: 2 })), weight: 1 });

  const exact = (node: JsonSchema, depth: number, key: string, walk: Walk): fc.Arbitrary<unknown> => {
    if (node.$ref) {
      const name = node.$ref.replace(/^#\/\$defs\//, '');
      return depth > 4 ? fc.constant(null) : walk(root.$defs?.[name] ?? {}, depth + 1, key);
    }
    if (node.const !== undefined) return fc.constant(node.const);
    if (node.enum) return fc.constantFrom(...node.enum);
    const choices = node.anyOf ?? node.oneOf;
    if (choices) return fc.oneof(...choices.map((c) => walk(c, depth, key)));
    if (node.allOf?.length) return walk(Object.assign({}, ...node.allOf), depth, key);
    const type = Array.isArray(node.type) ? node.type[0] : node.type;
    switch (type) {
      case 'object': {
        const properties = Object.fromEntries(Object.entries(node.properties ?? {}).map(([k, v]) => [k, walk(v, depth + 1, k)]));
        if (!node.properties && node.additionalProperties && typeof node.additionalProperties === 'object')
          return fc.dictionary(string(node.propertyNames ?? { maxLength: 20 }), walk(node.additionalProperties, depth + 1, key), { maxKeys: 5 });
        return fc.record(properties, { requiredKeys: (node.required ?? []).filter((k) => k in properties) });
      }
      case 'array': {
        if (depth > 5) return fc.constant([]);
        const minLength = node.minItems ?? 0;
        const maxLength = Math.min(node.maxItems ?? 4, minLength + 4);
        if (node.prefixItems) return fc.tuple(...node.prefixItems.map((p) => walk(p, depth + 1, key)));
        return fc.array(walk(node.items ?? {}, depth + 1, key), { minLength, maxLength });
      }
      case 'string':
        return node.format === 'uuid' ? idsFor(key) : string(node);
      case 'integer':
      case 'number': {
        const min = node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + (type === 'integer' ? 1 : Number.EPSILON) : (node.minimum ?? -Number.MAX_SAFE_INTEGER);
        const max = node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - (type === 'integer' ? 1 : Number.EPSILON) : (node.maximum ?? Number.MAX_SAFE_INTEGER);
        if (type === 'number') return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
        // fc.integer stops at 32 bits; beyond, bigInt keeps the bounds (and is biased to them too).
        return Math.abs(min) <= INT32 && Math.abs(max) <= INT32 ? fc.integer({ min, max }) : fc.bigInt(BigInt(min), BigInt(max)).map(Number);
      }
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };

  const string = (node: JsonSchema): fc.Arbitrary<string> => {
    switch (node.format) {
      case 'email':
        return fc.emailAddress();
      case 'uri':
      case 'url':
        return fc.webUrl();
      case 'date-time':
        return fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString());
      case 'date':
        return fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString().slice(0, 10));
    }
    const minLength = node.minLength ?? 0;
    const maxLength = node.maxLength ?? Math.max(minLength, 60);
    const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
    if (node.pattern) return fc.stringMatching(new RegExp(node.pattern)).filter(fits);
    // Any code point: NUL and lone-surrogate-free Unicode, the text a real keyboard or scanner can send and some it cannot.
    return fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u202E', 'ဿ', '"', "'", '\\', '%'), anyCodePoint), minLength, maxLength }).filter(fits);
  };

  return fc.oneof({ arbitrary: fitting(root, 0, ''), weight: 3 }, { arbitrary: noisy(root, 0, ''), weight: 1 });
}
