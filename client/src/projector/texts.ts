// The projector's texts join the catalogue when the projector's chunk loads (not part of a student's first load).
import { addCatalogue } from '../../../shared/i18n/index.js';
import { projectorEn } from '../../../shared/i18n/ui/projector.en.js';
import { projectorZh } from '../../../shared/i18n/ui/projector.zh-CN.js';

addCatalogue({ en: projectorEn, 'zh-CN': projectorZh });
