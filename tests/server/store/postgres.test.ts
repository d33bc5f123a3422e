// The PostgreSQL store on a real PostgreSQL 15 (TEST_DATABASE_URL) against the store contract, each test in its
// own schema; reopened: a new connection pool on the same schema.
import { PostgresStore } from '../../../server/store/postgres.js';
import { storeContract } from './contract.js';
import { dropSchema, freshSchema, testDatabaseUrl } from './pg.js';

let schema = '';

storeContract('PostgreSQL', {
  open: () => {
    schema = freshSchema('store');
    return PostgresStore.open({ connectionString: testDatabaseUrl(), schema });
  },
  reopen: () => PostgresStore.open({ connectionString: testDatabaseUrl(), schema }),
  cleanup: () => dropSchema(schema),
});
