import { referenceCollectionRoutes } from '@/app/api/v1/reference-routes';
import { modifierGroupInputSchema, modifierGroupService } from '@/lib/catalog';

export const { GET, POST } = referenceCollectionRoutes(modifierGroupService, modifierGroupInputSchema, '/api/v1/modifier-groups');
