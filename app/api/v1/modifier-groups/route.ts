import { referenceCollectionRoutes } from '@/app/api/v1/reference-routes';
import { modifierGroupInputSchema } from '@/lib/catalog/schemas';
import { modifierGroupService } from '@/lib/catalog/service';

export const { GET, POST } = referenceCollectionRoutes(modifierGroupService, modifierGroupInputSchema, '/api/v1/modifier-groups');
