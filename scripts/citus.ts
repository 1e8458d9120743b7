// npm run db:citus — prints the SQL that puts this schema on Citus (reference tables, then every
// tenant table distributed by tenant_id in one co-location group, then the functions that take a
// tenant, distributed by it), headed by what Citus would refuse today. It connects to nothing: it reads db/schema, db/policies.sql and lib/platform/db.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as schema from '@/db/schema';
import { planCitus, renderPlan, tablesOf } from './citus/plan';

const read = (file: string) => readFileSync(path.join(process.cwd(), file), 'utf8');
const plan = planCitus(tablesOf(schema), { policiesSql: read('db/policies.sql'), tenantSetterSource: read('lib/platform/db.ts') });
process.stdout.write(renderPlan(plan));
const distributed = plan.tables.filter((t) => t.kind === 'distributed').length;
const functions = plan.statements.filter((s) => s.startsWith('SELECT create_distributed_function')).length;
console.error(
  `${distributed} distributed, ${plan.tables.length - distributed} reference table(s), ${functions} distributed function(s); ` +
    (plan.blockers.length === 0 ? 'no Citus blockers.' : `${plan.blockers.length} change(s) needed before this runs on Citus (listed at the top).`),
);
