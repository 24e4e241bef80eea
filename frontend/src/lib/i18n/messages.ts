// Every feature keeps its own messages; this file only gathers them. English
// must have exactly the keys Danish has (checked by the type of `en`).
import * as common from './common.messages';
import * as auth from '@/features/auth/messages';
import * as cases from '@/features/cases/messages';
import * as admin from '@/features/admin/messages';
import * as goals from '@/features/goals/messages';
import * as checklists from '@/features/checklists/messages';
import * as meetings from '@/features/meetings/messages';
import * as feedback from '@/features/feedback/messages';
import * as vas from '@/components/vas-scale.messages';
import * as feedbackLink from '@/features/feedback-link/messages';

const da = { common: common.da, auth: auth.da, cases: cases.da, admin: admin.da, goals: goals.da, checklists: checklists.da, meetings: meetings.da, feedback: feedback.da, vas: vas.da, feedbackLink: feedbackLink.da };
export type Messages = typeof da;
const en: Messages = { common: common.en, auth: auth.en, cases: cases.en, admin: admin.en, goals: goals.en, checklists: checklists.en, meetings: meetings.en, feedback: feedback.en, vas: vas.en, feedbackLink: feedbackLink.en };

export const messages: Record<'da' | 'en', Messages> = { da, en };
