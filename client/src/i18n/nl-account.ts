import { FIELD_LABELS, ROUTE_LABELS } from '../../../shared/field-labels';

/**
 * The Dutch texts of the links Plein mails about an account: "wachtwoord vergeten", a new password through the
 * link, and confirming the address of a registration (part of the catalogue in nl.ts, loaded with these pages).
 */
export const nlAccount = {
  forgot: {
    link: 'Wachtwoord vergeten?',
    title: 'Wachtwoord vergeten',
    intro: 'Vul het e-mailadres van je account in. We sturen je een link waarmee je een nieuw wachtwoord kiest.',
    email: FIELD_LABELS.email,
    submit: 'Stuur mij een link',
    busy: 'Bezig…',
    sentTitle: 'Kijk in je mail',
    // Says nothing about whether the address has an account: on Plein that would reveal a political affiliation.
    sent: 'Als dit adres bij ons bekend is, krijg je binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. De link werkt een uur en één keer. Geen mail gekregen? Kijk ook bij je ongewenste mail.',
    backToLogin: 'Terug naar inloggen',
  },
  reset: {
    title: 'Nieuw wachtwoord kiezen',
    intro: 'Kies een nieuw wachtwoord voor je account. Daarna word je overal uitgelogd en log je in met het nieuwe wachtwoord.',
    password: ROUTE_LABELS['POST /api/auth/password-reset/confirm'].password,
    repeat: 'Herhaal het nieuwe wachtwoord',
    mismatch: 'De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.',
    submit: 'Wachtwoord opslaan',
    busy: 'Bezig met opslaan…',
    noToken: 'Deze link is niet volledig. Kopieer de hele link uit de mail, of vraag een nieuwe aan.',
    requestNew: 'Vraag een nieuwe link aan',
    done: 'Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.',
  },
  confirm: {
    title: 'E-mailadres bevestigen',
    intro: 'Bevestig dat dit jouw e-mailadres is. Daarna gaat je aanmelding naar een moderator van het kenniscentrum.',
    submit: 'E-mailadres bevestigen',
    busy: 'Bezig met bevestigen…',
    noToken: 'Deze link is niet volledig. Kopieer de hele link uit de mail.',
    doneTitle: 'Je e-mailadres is bevestigd',
    waiting: 'Dank je wel. Je aanmelding wacht nu op goedkeuring door een moderator; dat gebeurt meestal binnen twee werkdagen. Je krijgt een mail zodra er een besluit is.',
    decided: 'Dank je wel. Je kunt inloggen.',
    login: 'Inloggen',
    failedHint: 'Is de link verlopen? Meld je dan opnieuw aan, of log in met je wachtwoord: dan sturen we je een nieuwe link.',
    register: 'Opnieuw aanmelden',
  },
  registered: {
    title: 'Kijk in je mail',
    // The same words whether or not the address already had an account.
    body: (email: string) =>
      `We hebben een mail gestuurd naar ${email}. Klik op de link in die mail om je e-mailadres te bevestigen; daarna bekijkt een moderator je aanmelding. Had je al een account met dit adres? Dan staat in de mail wat je kunt doen.`,
    spam: 'Geen mail gekregen binnen enkele minuten? Kijk ook bij je ongewenste mail. De link werkt twee dagen.',
  },
  /** "Profielfoto" on the account page (components/avatar-settings.tsx). */
  avatar: {
    title: 'Profielfoto',
    current: 'Deze foto staat naast je naam bij je berichten.',
    none: 'Je hebt geen profielfoto: naast je naam staan je initialen.',
    file: 'Kies een foto',
    hint: 'JPEG, PNG of WebP, hoogstens 5 MB. We snijden je foto vierkant bij en verwijderen locatie- en cameragegevens.',
    preview: 'Zo komt je nieuwe foto eruit te zien.',
    upload: 'Foto opslaan',
    uploading: 'Bezig met opslaan…',
    remove: 'Foto verwijderen',
    removing: 'Bezig met verwijderen…',
    chooseFirst: 'Kies eerst een foto.',
    wrongType: 'Kies een foto in JPEG-, PNG- of WebP-formaat.',
    tooLarge: 'Deze foto is te groot: kies er een van hoogstens 5 MB.',
    saved: 'Je profielfoto is opgeslagen.',
    removed: 'Je profielfoto is verwijderd. Naast je naam staan nu je initialen.',
  },
} as const;
