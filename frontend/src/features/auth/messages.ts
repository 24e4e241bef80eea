// Login and session texts.
export const da = {
  login: {
    title: 'Log ind',
    intro: 'Log ind med din arbejdsmail og adgangskode.',
    email: 'E-mail',
    password: 'Adgangskode',
    submit: 'Log ind',
    submitting: 'Logger ind …',
    wrong: 'E-mail eller adgangskode er forkert.',
    throttled: 'Der har været for mange forsøg. Vent {seconds} sekunder, og prøv igen.',
    emailRequired: 'Skriv din e-mail.',
    passwordRequired: 'Skriv din adgangskode.',
  },
  noCaseAccess: 'Din rolle giver ikke adgang til sager.',
};

export const en: typeof da = {
  login: {
    title: 'Log in',
    intro: 'Log in with your work email and password.',
    email: 'Email',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in …',
    wrong: 'The email or password is wrong.',
    throttled: 'There have been too many attempts. Wait {seconds} seconds and try again.',
    emailRequired: 'Enter your email.',
    passwordRequired: 'Enter your password.',
  },
  noCaseAccess: 'Your role does not give access to cases.',
};
