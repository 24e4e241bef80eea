// Messages of this feature. Danish first; English must have the same keys.
export const da = {
  title: '',
};

export const en: typeof da = {
  title: '',
};
