export const feedbackLinkKeys = {
  all: ['feedback-link'] as const,
  view: (token: string, lang: string) => ['feedback-link', token, lang] as const,
};
