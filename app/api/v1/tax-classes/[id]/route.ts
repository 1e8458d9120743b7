import { referenceItemRoutes } from '@/app/api/v1/reference-routes';
import { taxClassInputSchema, taxClassService } from '@/lib/catalog';

export const { GET, PUT, PATCH, DELETE } = referenceItemRoutes(taxClassService, taxClassInputSchema);
