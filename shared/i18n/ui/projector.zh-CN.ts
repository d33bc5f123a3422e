// 大屏幕界面中文文本。
import type { projectorEn } from './projector.en.js';

export const projectorZh: Record<keyof typeof projectorEn, string> = {
  'projector.join': '加入游戏',
  'projector.qrLabel': '{url} 的二维码',
  'projector.joined': '已有 {n} 名学生加入',
  'projector.decided': '{of} 个地区中已有 {n} 个完成决策',
  'projector.leaderboard': '排行榜（现行晋升规则）',
  'projector.termScore': '本任期得分',
  'projector.total': '第 {round} 回合后总产出 {total}。',
};
