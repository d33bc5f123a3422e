// projector 界面中文文本。
import type { projectorEn } from './projector.en.js';

export const projectorZh: Record<keyof typeof projectorEn, string> = {
};
