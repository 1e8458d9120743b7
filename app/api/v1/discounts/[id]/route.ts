import { referenceItemRoutes } from '@/app/api/v1/reference-routes';
import { savedDiscountInputSchema, savedDiscountService } from '@/lib/catalog';

export const { GET, PUT, PATCH, DELETE } = referenceItemRoutes(savedDiscountService, savedDiscountInputSchema);
