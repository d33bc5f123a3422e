// The per-seat limits (tests/server/realtime/seat-limits.test.ts) against a two-node cluster: every socket on the
// node that does not run the session, so each command passes that node's seat bucket and then the owner's.
import { useSplitCluster } from './split.js';

useSplitCluster();
await import('../realtime/seat-limits.test.js');
