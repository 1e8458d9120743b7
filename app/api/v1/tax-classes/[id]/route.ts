import { referenceItemRoutes } from '@/app/api/v1/reference-routes';
import { taxClassInputSchema } from '@/lib/catalog/schemas';
import { taxClassService } from '@/lib/catalog/service';

export const { GET, PUT, PATCH, DELETE } = referenceItemRoutes(taxClassService, taxClassInputSchema);
