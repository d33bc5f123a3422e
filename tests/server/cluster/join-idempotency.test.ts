// Join idempotency (tests/server/sessions/join-idempotency.test.ts) against a two-node cluster: every join arrives at
// the node that does not run the session and is passed on, cmdId and all, to the one that does.
import { useSplitCluster } from './split.js';

useSplitCluster();
await import('../sessions/join-idempotency.test.js');
