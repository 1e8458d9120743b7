import type { TenantScope } from '@/lib/auth';
import { listLocations, type Location } from '@/lib/inventory';

/** The location a stock page is about: `?location=` if it is one of the tenant's, else the default. */
export async function locationFromParam(ctx: TenantScope, param: string | string[] | undefined): Promise<{ location: Location | null; locations: Location[] }> {
  const locations = await listLocations(ctx);
  const location = locations.find((l) => l.id === param) ?? locations.find((l) => l.isDefault) ?? locations[0] ?? null;
  return { location, locations };
}
