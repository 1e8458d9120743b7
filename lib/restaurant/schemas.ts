import { z } from 'zod';
import { patchSchema } from '@/lib/platform/validation';
import { FLOOR_GRID, tableShapes, tableStatuses } from '@/db/schema/restaurant';
import { issueWords } from '@/lib/platform/issue-words';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 07:00');

const availabilityWindowSchema = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'Choose at least one day')
      .max(7)
      .transform((d) => [...new Set(d)].sort()),
    start: time,
    end: time,
  })
  .refine((w) => w.start !== w.end, { path: ['end'], message: 'End must differ from start (a window past midnight is fine)', params: issueWords('windowEnd') });

const menuSectionSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'Name the section').max(80),
  productIds: z.array(z.uuid()).max(500).default([]),
});

export const menuInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(80),
  description: z.string().trim().max(500).nullable().default(null),
  isActive: z.boolean().default(true),
  /** Empty: available whenever the store is open. */
  availability: z.array(availabilityWindowSchema).max(20).default([]),
  sections: z.array(menuSectionSchema).max(50).default([]),
});
export type MenuInput = z.output<typeof menuInputSchema>;

export const menuPatchSchema = patchSchema(menuInputSchema);
export type MenuPatch = z.output<typeof menuPatchSchema>;

/** skip ≥ 0; limit 1–1000, default 100 — as the original Restaurant service defined them. */
export const menuListQuerySchema = z.object({
  skip: z.coerce.number({ message: 'skip must be a number' }).int('skip must be a whole number').min(0, 'skip must be 0 or more').default(0),
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(1000, 'limit must be at most 1000')
    .default(100),
});

export const tableInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(40),
  seats: z.number({ message: 'Enter the number of seats' }).int('Use a whole number').min(1, 'At least 1 seat').max(100, 'At most 100 seats'),
  area: z.string().trim().min(1).max(40).default('Main'),
  position: z.number({ message: 'Enter a whole number' }).int().min(0).max(10_000).default(0),
  /** Its cell on the floor plan (both or neither; null: not placed). */
  gridX: z.number().int().min(0).max(FLOOR_GRID.columns - 1, `At most column ${FLOOR_GRID.columns}`).nullable().default(null),
  gridY: z.number().int().min(0).max(FLOOR_GRID.rows - 1, `At most row ${FLOOR_GRID.rows}`).nullable().default(null),
  shape: z.enum(tableShapes, { message: 'Choose square, round or wide' }).default('square'),
});
type ParsedTable = z.output<typeof tableInputSchema>;
/** The placement is optional to callers (seeds, tests): a table not given a cell is not on the plan. */
export type TableInput = Omit<ParsedTable, 'gridX' | 'gridY' | 'shape'> & Partial<Pick<ParsedTable, 'gridX' | 'gridY' | 'shape'>>;

export const tablePatchSchema = patchSchema(
  tableInputSchema.extend({
    status: z.enum(tableStatuses, { message: 'Choose free, occupied or needs_cleaning' }),
    covers: z.number({ message: 'Enter the number of guests' }).int('Use a whole number').min(0).max(200, 'At most 200 guests'),
  }),
).refine((p) => (p.gridX === undefined) === (p.gridY === undefined) && (p.gridX === null) === (p.gridY === null), {
  path: ['gridY'],
  message: 'Place a table on both a column and a row (or take it off the plan)',
});
export type TablePatch = z.output<typeof tablePatchSchema>;

export const tableListQuerySchema = z.object({
  area: z.string().trim().max(40).optional(),
  status: z.enum(tableStatuses).optional(),
});

export const stationInputSchema = z.object({
  name: z.string().trim().min(1, 'Name the station').max(40, 'At most 40 characters'),
});
export type StationInput = z.output<typeof stationInputSchema>;

export const stationPatchSchema = z.strictObject({
  name: stationInputSchema.shape.name.optional(),
  /** Make this the default station (the one that was loses the role); there is always exactly one. */
  isDefault: z.literal(true, { message: 'A station is made the default; another is made default instead' }).optional(),
});
export type StationPatch = z.output<typeof stationPatchSchema>;

/**
 * Where a route sends items: a station's id, `none` (no ticket: bottled water) or `inherit` (no
 * route of its own: a category's items go to the default station, a product's follow its category).
 */
export const routeTargetSchema = z.union([z.literal('inherit'), z.literal('none'), z.uuid({ message: 'Choose a station' })], { message: 'Choose a station' });
export type RouteTarget = z.output<typeof routeTargetSchema>;

/** Every category's route at once (the admin's one form). */
export const categoryRoutesSchema = z.object({
  routes: z.array(z.object({ categoryId: z.uuid(), station: routeTargetSchema })).max(1000),
});
export type CategoryRoutesInput = z.output<typeof categoryRoutesSchema>;

export const productRouteSchema = z.object({
  productId: z.uuid({ message: 'Choose a product' }),
  station: routeTargetSchema,
});
export type ProductRouteInput = z.output<typeof productRouteSchema>;

/** The whole floor plan at once (the editor's Save): each table's cell and shape; null cells take a table off the plan. */
export const floorPlanSchema = z
  .object({
    tables: z
      .array(
        z.object({
          id: z.uuid(),
          gridX: tableInputSchema.shape.gridX.unwrap(),
          gridY: tableInputSchema.shape.gridY.unwrap(),
          shape: z.enum(tableShapes, { message: 'Choose square, round or wide' }),
        }),
      )
      .max(500),
  })
  .superRefine((plan, ctx) => {
    const taken = new Map<string, number>();
    plan.tables.forEach((t, i) => {
      if ((t.gridX === null) !== (t.gridY === null)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'gridY'], message: 'Place a table on both a column and a row', params: issueWords('chooseRow') });
      if (t.gridX === null || t.gridY === null) return;
      const cells = t.shape === 'wide' && t.gridX < FLOOR_GRID.columns - 1 ? [t.gridX, t.gridX + 1] : [t.gridX];
      for (const x of cells) {
        const key = `${x},${t.gridY}`;
        if (taken.has(key)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'gridX'], message: 'Two tables cannot stand on the same cell', params: issueWords('cellTaken') });
        taken.set(key, i);
      }
    });
  });
export type FloorPlanInput = z.output<typeof floorPlanSchema>;
