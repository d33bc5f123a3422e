// The SQLite store on a real file against the store contract (reopened: the WAL file read by a new connection,
// with synchronous=FULL).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../../../server/store/sqlite.js';
import { tempDir } from '../helpers.js';
import { storeContract } from './contract.js';

let dir = '';
const file = () => join(dir, 'nested', 'store.sqlite');

storeContract('SQLite', {
  open: () => {
    dir = tempDir();
    return Promise.resolve(new SqliteStore(file()));
  },
  reopen: () => Promise.resolve(new SqliteStore(file(), 'FULL')),
  cleanup: () => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  },
});
