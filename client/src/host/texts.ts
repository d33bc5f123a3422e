// The host's texts join the catalogue when the host's chunk loads (they are not part of a student's first load).
import { addCatalogue } from '../../../shared/i18n/index.js';
import { hostEn } from '../../../shared/i18n/ui/host.en.js';
import { hostZh } from '../../../shared/i18n/ui/host.zh-CN.js';

addCatalogue({ en: hostEn, 'zh-CN': hostZh });
