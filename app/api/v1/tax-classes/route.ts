import { referenceCollectionRoutes } from '@/app/api/v1/reference-routes';
import { taxClassInputSchema } from '@/lib/catalog/schemas';
import { taxClassService } from '@/lib/catalog/service';

export const { GET, POST } = referenceCollectionRoutes(taxClassService, taxClassInputSchema, '/api/v1/tax-classes');
