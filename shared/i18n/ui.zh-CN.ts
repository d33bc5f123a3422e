// 界面中文文本。
import type { uiEn } from './ui.en.js';

export const uiZh: Record<keyof typeof uiEn, string> = {
  'app.title': '晋升赛跑',
};
