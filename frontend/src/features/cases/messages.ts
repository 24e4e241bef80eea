// The cases feature's texts, gathered from its parts.
import * as labels from './labels.messages';
import * as list from './list.messages';
import * as detail from './detail.messages';
import * as form from './form.messages';

export const da = { labels: labels.da, list: list.da, detail: detail.da, form: form.da };
export const en: typeof da = { labels: labels.en, list: list.en, detail: detail.en, form: form.en };
