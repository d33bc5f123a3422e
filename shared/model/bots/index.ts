// Bot strategies by name, and the helpers the simulator and the server use to let a bot act for a region.
import type { BotStrategy } from '../ids.js';
import { adaptive } from './adaptive.js';
import { competitive } from './competitive.js';
import { cooperative } from './cooperative.js';
import { opportunist } from './opportunist.js';
import type { BotPolicy } from './policy.js';

export const BOT_POLICIES: Readonly<Record<BotStrategy, BotPolicy>> = {
  cooperative,
  competitive,
  opportunist,
  adaptive,
};

export type { BotCtx } from './context.js';
export type { BotPolicy } from './policy.js';
