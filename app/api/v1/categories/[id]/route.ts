import { referenceItemRoutes } from '@/lib/catalog/reference-routes';
import { categoryInputSchema } from '@/lib/catalog/schemas';
import { categoryService } from '@/lib/catalog/service';

export const { GET, PUT, PATCH, DELETE } = referenceItemRoutes(categoryService, categoryInputSchema);
