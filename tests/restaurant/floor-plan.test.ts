import { beforeAll, describe, expect, it } from 'vitest';
import { createTable, floorPlanSchema, listTables, saveFloorPlan, tableInputSchema, tablePatchSchema, updateTable } from '@/lib/restaurant';
import { theAuditRowOf } from '../audit/audit-helpers';
import { contextOf, createTenant, type TestTenant } from '../helpers';

/** The drawn floor plan (lib/restaurant/tables.ts saveFloorPlan): cells on a 12 × 8 grid, shapes, one transaction, managers only, per business. */
let t: TestTenant;
let other: TestTenant;
const id: Record<string, string> = {};

beforeAll(async () => {
  [t, other] = await Promise.all([createTenant(), createTenant()]);
  for (const name of ['A', 'B', 'C']) id[name] = (await createTable(contextOf(t), tableInputSchema.parse({ name, seats: 2 }))).id;
  id.other = (await createTable(contextOf(other), tableInputSchema.parse({ name: 'X', seats: 2 }))).id;
});

const plan = (tables: { id: string; gridX: number | null; gridY: number | null; shape?: 'square' | 'round' | 'wide' }[]) =>
  floorPlanSchema.parse({ tables: tables.map((x) => ({ shape: 'square', ...x })) });

describe('the floor plan', () => {
  it('places tables (new ones are off the plan), saves only what moved, one audit row each', async () => {
    expect((await listTables(contextOf(t))).map((x) => [x.gridX, x.gridY, x.shape])).toEqual([
      [null, null, 'square'],
      [null, null, 'square'],
      [null, null, 'square'],
    ]);
    const row = await theAuditRowOf(t, () => saveFloorPlan(contextOf(t, t.manager), plan([{ id: id.A!, gridX: 0, gridY: 0, shape: 'wide' }, { id: id.B!, gridX: null, gridY: null }])));
    expect(row).toMatchObject({ action: 'table.updated', entityId: id.A, before: { gridX: null, gridY: null, shape: 'square' }, after: { gridX: 0, gridY: 0, shape: 'wide' } });
    expect(await saveFloorPlan(contextOf(t, t.manager), plan([{ id: id.A!, gridX: 0, gridY: 0, shape: 'wide' }, { id: id.C!, gridX: 11, gridY: 7, shape: 'round' }]))).toBe(1);
    const byName = new Map((await listTables(contextOf(t))).map((x) => [x.name, x]));
    expect(byName.get('C')).toMatchObject({ gridX: 11, gridY: 7, shape: 'round' });
  });

  it('refuses two tables on one cell (a wide table takes two), a cell off the grid, and half a placement', () => {
    expect(floorPlanSchema.safeParse({ tables: [{ id: id.A, gridX: 0, gridY: 0, shape: 'wide' }, { id: id.B, gridX: 1, gridY: 0, shape: 'square' }] }).success).toBe(false);
    expect(floorPlanSchema.safeParse({ tables: [{ id: id.A, gridX: 12, gridY: 0, shape: 'square' }] }).success).toBe(false);
    expect(floorPlanSchema.safeParse({ tables: [{ id: id.A, gridX: 3, gridY: null, shape: 'square' }] }).success).toBe(false);
    expect(tablePatchSchema.safeParse({ gridX: 3 }).success).toBe(false);
  });

  it('is the managers’: a cashier may not move tables on the plan', async () => {
    await expect(saveFloorPlan(contextOf(t, t.cashier), plan([{ id: id.B!, gridX: 5, gridY: 5 }]))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateTable(contextOf(t, t.cashier), id.B!, { gridX: 5, gridY: 5 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('never reaches another business’s table, and saves nothing when one is not found', async () => {
    await expect(saveFloorPlan(contextOf(t, t.manager), plan([{ id: id.B!, gridX: 4, gridY: 4 }, { id: id.other!, gridX: 5, gridY: 5 }]))).rejects.toMatchObject({ code: 'not_found' });
    expect((await listTables(contextOf(t))).find((x) => x.id === id.B)).toMatchObject({ gridX: null, gridY: null });
    expect((await listTables(contextOf(other)))[0]).toMatchObject({ gridX: null, gridY: null });
  });
});
