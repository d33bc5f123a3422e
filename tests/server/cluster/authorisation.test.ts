// The authorisation matrix (tests/server/realtime/authorisation.test.ts) against a two-node cluster: every client
// on the node that does not run the session, so every command is checked there and forwarded to the owner.
import { useSplitCluster } from './split.js';

useSplitCluster();
await import('../realtime/authorisation.test.js');
