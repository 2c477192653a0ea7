// The page's own texts in Dutch and English ({0} is filled in), and the locale the page sends to the bot. What the
// bot writes comes in the language of that locale; these are only the page's labels and notes.

import { state } from './state.js';

export const TEXTS = {
  nl: {
    playground: 'playground',
    tagline: 'Probeer de bot uit met een paar gesimuleerde leden. Alles blijft op deze computer.',
    language: 'Taal',
    newGroup: 'Nieuwe groepschat',
    newGroupDone: 'Een nieuwe groepschat is begonnen en de bot is erin gezet.',
    members: 'Leden',
    membersHint: 'Kies wie je bent: in de groepschat schrijf en klik je als dat lid.',
    you: 'jij',
    switchTo: 'Schrijf als {0}',
    rename: 'Naam van {0} wijzigen',
    renameLabel: 'Nieuwe naam voor {0}',
    save: 'Opslaan',
    cancel: 'Annuleren',
    addMemberLabel: 'Lid toevoegen',
    namePlaceholder: 'Naam',
    add: 'Toevoegen',
    nameInvalid: 'Een naam heeft 1 tot 60 tekens.',
    privacyHint: 'Er gaat niets naar Teams. De gesprekken verdwijnen als de bot opnieuw start.',
    conversations: 'Gesprekken',
    messages: 'Berichten',
    groupTab: 'Groepschat',
    privateTab: '{0} · privé',
    unread: '{0} nieuw',
    composerGroup: 'Bericht aan de groep, als {0}',
    composerPrivate: 'Privébericht aan IntervisieBot, als {0}',
    send: 'Versturen',
    enterHint: 'Enter verstuurt, Shift+Enter begint een nieuwe regel. In de groep noem je de bot automatisch, zoals in Teams.',
    emptyGroup: 'Nog geen berichten. Typ **hulp** om te zien wat de bot kan.',
    emptyPrivate: 'Hier praat {0} onder vier ogen met de bot, bijvoorbeeld om een casus voor te bereiden.',
    connecting: 'Verbinden…',
    connected: 'Verbonden',
    disconnected: 'Verbinding verbroken; opnieuw proberen…',
    typing: '{0} is aan het typen…',
    onlyYou: 'alleen jij ziet dit',
    botRefused: 'De bot antwoordde met {0}: {1}',
    sendFailed: 'Versturen lukte niet: {0}',
    required: 'Dit veld is verplicht.',
    you_suffix: '(jij)',
  },
  en: {
    playground: 'playground',
    tagline: 'Try the bot with a few simulated members. Everything stays on this computer.',
    language: 'Language',
    newGroup: 'New group chat',
    newGroupDone: 'A new group chat has started and the bot has been added to it.',
    members: 'Members',
    membersHint: 'Choose who you are: in the group chat you write and click as that member.',
    you: 'you',
    switchTo: 'Write as {0}',
    rename: 'Rename {0}',
    renameLabel: 'New name for {0}',
    save: 'Save',
    cancel: 'Cancel',
    addMemberLabel: 'Add a member',
    namePlaceholder: 'Name',
    add: 'Add',
    nameInvalid: 'A name has 1 to 60 characters.',
    privacyHint: 'Nothing goes to Teams. The conversations are gone when the bot restarts.',
    conversations: 'Conversations',
    messages: 'Messages',
    groupTab: 'Group chat',
    privateTab: '{0} · private',
    unread: '{0} new',
    composerGroup: 'Message to the group, as {0}',
    composerPrivate: 'Private message to IntervisieBot, as {0}',
    send: 'Send',
    enterHint: 'Enter sends, Shift+Enter starts a new line. In the group the bot is mentioned for you, as in Teams.',
    emptyGroup: 'No messages yet. Type **help** to see what the bot can do.',
    emptyPrivate: 'This is where {0} talks with the bot in private, for instance to prepare a case.',
    connecting: 'Connecting…',
    connected: 'Connected',
    disconnected: 'Connection lost; trying again…',
    typing: '{0} is typing…',
    onlyYou: 'only you can see this',
    botRefused: 'The bot answered {0}: {1}',
    sendFailed: 'Sending failed: {0}',
    required: 'This field is required.',
    you_suffix: '(you)',
  },
};

export const t = (key, ...args) => (TEXTS[state.lang][key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
export const locale = () => (state.lang === 'nl' ? 'nl-NL' : 'en-US');

export function renderTexts() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll('[data-text-placeholder]')) node.placeholder = t(node.dataset.textPlaceholder);
  for (const node of document.querySelectorAll('[data-text-aria-label]')) node.setAttribute('aria-label', t(node.dataset.textAriaLabel));
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
}
