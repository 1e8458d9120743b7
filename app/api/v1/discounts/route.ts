import { referenceCollectionRoutes } from '@/app/api/v1/reference-routes';
import { savedDiscountInputSchema, savedDiscountService } from '@/lib/catalog';

export const { GET, POST } = referenceCollectionRoutes(savedDiscountService, savedDiscountInputSchema, '/api/v1/discounts');
