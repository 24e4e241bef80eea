// Texts of the checklists feature: the checklist and phase gate on the case
// page, the leader's overview, and the settings page. Danish first; English
// must have the same keys (checked by the type of `en`).
import * as checklist from './checklist.messages';
import * as insights from './insights.messages';
import * as settings from './settings.messages';

export const da = { ...checklist.da, insights: insights.da, settings: settings.da };
export const en: typeof da = { ...checklist.en, insights: insights.en, settings: settings.en };
