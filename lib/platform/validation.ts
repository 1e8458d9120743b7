import { z } from 'zod';

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/**
 * The PATCH form of an input object: every field optional and *without its default* (zod
 * would otherwise fill absent fields with defaults and overwrite stored values), and at
 * least one field present.
 */
export function patchSchema<S extends z.ZodRawShape>(input: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(input.shape).map(([key, field]) => [key, ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional()]),
  ) as unknown as PatchShape<S>;
  return z.object(shape).refine((v) => Object.values(v).some((x) => x !== undefined), 'Send at least one field to change');
}

/** The defined fields of a parsed patch (to merge over a stored record). */
export function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The `[id]` segment of an API route: a UUID, or 422 saying so. */
export const idParam = z.uuid('The id must be a UUID');
