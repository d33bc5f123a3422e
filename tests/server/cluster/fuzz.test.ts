// The fuzz test (tests/server/realtime/fuzz.test.ts) against a two-node cluster: every client on the node that does
// not run the session; bad input is refused there or by the owner exactly as on one node, and changes nothing.
import { useSplitCluster } from './split.js';

useSplitCluster();
await import('../realtime/fuzz.test.js');
