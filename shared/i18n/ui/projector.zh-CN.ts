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
  'projector.token.missing': '这个大屏幕链接不完整',
  'projector.token.wrong': '这个大屏幕链接无效',
  'projector.token.why': '大屏幕需要教师控制台中的完整链接：链接末尾“#”之后的密钥部分被截掉或输错了。',
  'projector.token.step1': '打开课堂 {code} 的教师控制台（创建课堂时得到的链接）。',
  'projector.token.step2': '进入“加入与链接”标签页，复制“大屏幕链接”。',
  'projector.token.step3': '在这台电脑上打开该链接。',
  'projector.token.students': '学生在 {url} 加入；本页面仅供投影使用。',
};
