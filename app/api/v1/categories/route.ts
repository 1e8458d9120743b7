import { referenceCollectionRoutes } from '@/app/api/v1/reference-routes';
import { categoryInputSchema } from '@/lib/catalog/schemas';
import { categoryService } from '@/lib/catalog/service';

export const { GET, POST } = referenceCollectionRoutes(categoryService, categoryInputSchema, '/api/v1/categories');
