import { referenceItemRoutes } from '@/app/api/v1/reference-routes';
import { categoryInputSchema, categoryService } from '@/lib/catalog';

export const { GET, PUT, PATCH, DELETE } = referenceItemRoutes(categoryService, categoryInputSchema);
