import { postgresCatalogRepository } from '@/lib/catalog/postgres-repository';
import { catalogRepositoryContract } from './repository-contract';

// PGlite in memory by default; the real server when DATABASE_URL is set (tests/setup.ts).
catalogRepositoryContract('postgres', async () => postgresCatalogRepository());
