import { referenceCollectionRoutes } from '@/app/api/v1/reference-routes';
import { taxClassInputSchema, taxClassService } from '@/lib/catalog';

export const { GET, POST } = referenceCollectionRoutes(taxClassService, taxClassInputSchema, '/api/v1/tax-classes');
