// Texts of this part of the cases feature. Danish first; English must have
// the same keys.
export const da = {
  placeholder: '',
};

export const en: typeof da = {
  placeholder: '',
};
