// The debrief's texts join the catalogue when the debrief's chunk loads (they are not part of a student's first load).
import { addCatalogue } from '../../../shared/i18n/index.js';
import { debriefEn } from '../../../shared/i18n/ui/debrief.en.js';
import { debriefZh } from '../../../shared/i18n/ui/debrief.zh-CN.js';

addCatalogue({ en: debriefEn, 'zh-CN': debriefZh });
