import { referenceCollectionRoutes } from '@/app/api/v1/reference-routes';
import { categoryInputSchema, categoryService } from '@/lib/catalog';

export const { GET, POST } = referenceCollectionRoutes(categoryService, categoryInputSchema, '/api/v1/categories');
