import { referenceItemRoutes } from '@/app/api/v1/reference-routes';
import { modifierGroupInputSchema, modifierGroupService } from '@/lib/catalog';

export const { GET, PUT, PATCH, DELETE } = referenceItemRoutes(modifierGroupService, modifierGroupInputSchema);
