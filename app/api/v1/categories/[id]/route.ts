import { referenceItemRoutes } from '@/app/api/v1/reference-routes';
import { categoryInputSchema } from '@/lib/catalog/schemas';
import { categoryService } from '@/lib/catalog/service';

export const { GET, PUT, PATCH, DELETE } = referenceItemRoutes(categoryService, categoryInputSchema);
