import { referenceItemRoutes } from '@/app/api/v1/reference-routes';
import { modifierGroupInputSchema } from '@/lib/catalog/schemas';
import { modifierGroupService } from '@/lib/catalog/service';

export const { GET, PUT, PATCH, DELETE } = referenceItemRoutes(modifierGroupService, modifierGroupInputSchema);
