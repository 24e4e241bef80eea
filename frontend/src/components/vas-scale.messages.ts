// Texts of the visual analogue scale (src/components/vas-scale.tsx), shared by
// the citizen's feedback page and the staff's meeting screens.
export const da = {
  /** aria-valuetext and the visible value; {value} has a decimal comma. */
  valueText: '{value} af 10',
  visibleValue: 'Dit svar: {value}',
  unset: 'Ikke udfyldt',
};

export const en: typeof da = {
  valueText: '{value} of 10',
  visibleValue: 'Your answer: {value}',
  unset: 'Not filled in',
};
