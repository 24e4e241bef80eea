// Texts of the citizen's feedback page (/feedback/:token). Plain Danish: the
// citizen reads this on their own phone, with nobody there to explain it.
// The questions themselves (ORS/SRS items, anchors, intros, the three
// questions) come from the server in the chosen language (`wording`).
export const da = {
  documentTitle: 'Din tilbagemelding',
  loading: 'Henter siden …',
  greeting: 'Hej {name}',
  greetingNoName: 'Hej',
  meeting: 'Det handler om mødet den {date}.',
  gone: {
    title: 'Linket virker ikke længere',
    body: 'Spørg din rådgiver om et nyt.',
  },
  overview: {
    heading: 'Det kan du svare på',
    done: 'Besvaret',
    todo: 'Mangler',
    now: 'Nu',
    notSent: 'Ikke sendt',
  },
  parts: {
    ors: 'Hvordan har du haft det?',
    topics: 'Hvad vil du tale om til mødet?',
    srs: 'Hvordan var mødet?',
    questions: 'Tre korte spørgsmål om mødet',
  },
  when: {
    before: 'Før mødet',
    after: 'Efter mødet',
  },
  stepOf: 'Del {n} af {total}',
  scale: {
    howTo: 'Tryk på linjen, hvor dit svar er. Du kan også trække mærket. Venstre ende er 0, højre ende er 10.',
    required: 'Sæt et mærke på linjen ved “{item}”',
    requiredShort: 'Sæt et mærke på linjen',
    outOfRange: 'Svaret skal være mellem 0 og 10',
  },
  questions: {
    options: { yes: 'Ja', partly: 'Delvist', no: 'Nej' },
    required: 'Vælg et svar ved “{question}”',
    requiredShort: 'Vælg et svar',
    differentHint: 'Du behøver ikke skrive noget.',
    tooLong: 'Teksten må højst være {n} tegn',
  },
  topics: {
    label: 'Emne {n}',
    hint: 'Skriv et emne i hvert felt. Du kan skrive op til 5 emner.',
    addAnother: 'Tilføj et emne mere',
    atLeastOne: 'Skriv mindst ét emne',
    tooLong: 'Emnet må højst være {n} tegn',
  },
  submit: 'Send svar',
  sending: 'Sender …',
  thanks: {
    part: 'Tak! Dit svar er sendt.',
    already: 'Den del har du allerede svaret på. Tak!',
    refused: 'Den del kan ikke besvares længere, så dit svar er ikke sendt. Du kan fortælle din rådgiver det, du ville svare.',
    next: 'Nu kommer næste del.',
    allTitle: 'Tak for dine svar',
    allBody: 'Din rådgiver kan se dine svar til mødet. Du kan lukke siden nu.',
  },
  errors: {
    summaryTitle: 'Der mangler noget',
    rateLimited: 'Der er sendt mange svar på kort tid. Prøv igen om lidt.',
    network: 'Dit svar blev ikke sendt, fordi der ikke er forbindelse. Tjek din forbindelse og tryk på “Send svar” igen.',
    generic: 'Noget gik galt. Prøv igen om lidt.',
    loadNetwork: 'Siden kunne ikke hentes, fordi der ikke er forbindelse. Tjek din forbindelse og prøv igen.',
    retry: 'Prøv igen',
  },
};

export const en: typeof da = {
  documentTitle: 'Your feedback',
  loading: 'Loading the page …',
  greeting: 'Hello {name}',
  greetingNoName: 'Hello',
  meeting: 'This is about the meeting on {date}.',
  gone: {
    title: 'The link no longer works',
    body: 'Ask your caseworker for a new one.',
  },
  overview: {
    heading: 'What you can answer',
    done: 'Answered',
    todo: 'Not yet',
    now: 'Now',
    notSent: 'Not sent',
  },
  parts: {
    ors: 'How have you been?',
    topics: 'What do you want to talk about at the meeting?',
    srs: 'How was the meeting?',
    questions: 'Three short questions about the meeting',
  },
  when: {
    before: 'Before the meeting',
    after: 'After the meeting',
  },
  stepOf: 'Part {n} of {total}',
  scale: {
    howTo: 'Tap the line where your answer is. You can also drag the mark. The left end is 0, the right end is 10.',
    required: 'Put a mark on the line for “{item}”',
    requiredShort: 'Put a mark on the line',
    outOfRange: 'The answer must be between 0 and 10',
  },
  questions: {
    options: { yes: 'Yes', partly: 'Partly', no: 'No' },
    required: 'Choose an answer for “{question}”',
    requiredShort: 'Choose an answer',
    differentHint: 'You do not have to write anything.',
    tooLong: 'The text can be at most {n} characters',
  },
  topics: {
    label: 'Topic {n}',
    hint: 'Write one topic in each field. You can write up to 5 topics.',
    addAnother: 'Add another topic',
    atLeastOne: 'Write at least one topic',
    tooLong: 'The topic can be at most {n} characters',
  },
  submit: 'Send answer',
  sending: 'Sending …',
  thanks: {
    part: 'Thank you! Your answer has been sent.',
    already: 'You have already answered this part. Thank you!',
    refused: 'This part can no longer be answered, so your answer was not sent. You can tell your caseworker what you wanted to answer.',
    next: 'Here is the next part.',
    allTitle: 'Thank you for your answers',
    allBody: 'Your caseworker can see your answers for the meeting. You can close the page now.',
  },
  errors: {
    summaryTitle: 'Something is missing',
    rateLimited: 'Many answers have been sent in a short time. Try again in a moment.',
    network: 'Your answer was not sent because there is no connection. Check your connection and tap “Send answer” again.',
    generic: 'Something went wrong. Try again in a moment.',
    loadNetwork: 'The page could not be loaded because there is no connection. Check your connection and try again.',
    retry: 'Try again',
  },
};
