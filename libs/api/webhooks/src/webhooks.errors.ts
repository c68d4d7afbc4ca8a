import { ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

export const WebhookErrors = defineErrors({
  notFound: fixedText(ErrorCode.NOT_FOUND, 'Ce webhook est introuvable.', 'Webhook not found.'),
  invalidUrl: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'L’adresse du webhook doit être une URL http:// ou https:// complète, sans identifiants, de 2 000 caractères au plus.',
    'The webhook address must be a full http:// or https:// URL, without credentials, of at most 2,000 characters.',
  ),
  targetRefused: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { host: string }) =>
      `L’hôte ${p.host} est introuvable ou désigne une adresse interne (boucle locale, réseau privé ou lien local) : refusé pour éviter qu’un webhook n’atteigne des services internes. Autorisez-la par WEBHOOK_ALLOWED_TARGETS si c’est voulu.`,
    en: (p: { host: string }) =>
      `The host ${p.host} cannot be found or names an internal address (loopback, private network or link-local): refused so that a webhook cannot reach internal services. Allow it with WEBHOOK_ALLOWED_TARGETS if that is intended.`,
  },
  unknownEvents: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { events: string; known: string }) => `Événements inconnus : ${p.events}. Choisissez parmi ${p.known}.`,
    en: (p: { events: string; known: string }) => `Unknown events: ${p.events}. Choose among ${p.known}.`,
  },
});
