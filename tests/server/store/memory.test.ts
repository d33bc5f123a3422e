// The in-memory store (fast runtime unit tests) against the store contract.
import { MemoryStore, type MemoryData } from '../../../server/store/memory.js';
import { storeContract } from './contract.js';

let data: MemoryData = new Map();

storeContract('memory', {
  open: () => {
    data = new Map();
    return Promise.resolve(new MemoryStore(data));
  },
  reopen: () => Promise.resolve(new MemoryStore(data)),
  cleanup: () => Promise.resolve(),
});
