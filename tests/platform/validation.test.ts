import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { definedFields, patchSchema } from '@/lib/platform/validation';

describe('patchSchema', () => {
  const input = z.object({ name: z.string().min(1), active: z.boolean().default(true), tags: z.array(z.string()).default([]) });
  const patch = patchSchema(input);

  it('leaves absent fields absent (no defaults that would overwrite stored values)', () => {
    expect(definedFields(patch.parse({ name: 'New name' }))).toEqual({ name: 'New name' });
  });

  it('still validates the fields that are sent', () => {
    expect(patch.safeParse({ name: '' }).success).toBe(false);
    expect(patch.parse({ active: false })).toEqual({ active: false });
  });

  it('requires at least one field', () => {
    expect(patch.safeParse({}).error?.issues[0]?.message).toBe('Send at least one field to change');
  });
});
