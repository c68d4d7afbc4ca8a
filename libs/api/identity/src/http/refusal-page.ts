import type { SignInRefusal } from '../application/oidc-sign-in.service';

interface Words {
  readonly fr: string;
  readonly en: string;
}

const REASONS: Readonly<Record<SignInRefusal, Words>> = {
  state: {
    fr: 'Cette connexion n’a pas été commencée dans ce navigateur, a déjà servi ou a expiré. Recommencez depuis la page de connexion.',
    en: 'This sign-in was not started in this browser, was already used or has expired. Start again from the sign-in page.',
  },
  nonce: {
    fr: 'La réponse du fournisseur d’identité ne correspond pas à cette connexion.',
    en: 'The identity provider’s answer does not belong to this sign-in.',
  },
  audience: {
    fr: 'Le fournisseur d’identité a émis cette connexion pour une autre application.',
    en: 'The identity provider issued this sign-in for another application.',
  },
  issuer: {
    fr: 'Cette connexion vient d’un autre fournisseur d’identité que celui de Pépite.',
    en: 'This sign-in comes from another identity provider than Pépite’s.',
  },
  expired: {
    fr: 'La preuve de connexion du fournisseur d’identité a expiré. Recommencez.',
    en: 'The identity provider’s proof of sign-in has expired. Please start again.',
  },
  code: {
    fr: 'Ce code de connexion a déjà servi ou n’est plus valable. Recommencez.',
    en: 'This sign-in code was already used or is no longer valid. Please start again.',
  },
  provider: {
    fr: 'Le fournisseur d’identité n’a pas confirmé la connexion.',
    en: 'The identity provider did not confirm the sign-in.',
  },
  unreachable: {
    fr: 'Le fournisseur d’identité ne répond pas. Réessayez dans un instant.',
    en: 'The identity provider does not answer. Try again in a moment.',
  },
  unmapped: {
    fr: 'Vos groupes chez le fournisseur d’identité ne donnent accès à aucun rôle dans Pépite. Demandez à votre administrateur de vous ajouter au bon groupe.',
    en: 'Your groups at the identity provider give you no role in Pépite. Ask your administrator to add you to the right group.',
  },
  deactivated: {
    fr: 'Votre compte Pépite est désactivé. Un administrateur peut le réactiver.',
    en: 'Your Pépite account is deactivated. An administrator can reactivate it.',
  },
  email_taken: {
    fr: 'Un compte Pépite existe déjà avec votre adresse e-mail : un administrateur doit le lier à votre identité chez le fournisseur.',
    en: 'A Pépite account already exists with your e-mail address: an administrator must link it to your identity at the provider.',
  },
  overage: {
    fr: 'Vous êtes dans trop de groupes pour que le fournisseur les transmette. Votre administrateur doit utiliser des rôles d’application.',
    en: 'You are in too many groups for the provider to send them. Your administrator must use app roles.',
  },
};

/**
 * The page a refused sign-in lands on, French first then English. Served under the API's
 * Content-Security-Policy: no script at all, one style element.
 */
export function refusalPage(reason: SignInRefusal, returnTo: string): string {
  const words = REASONS[reason];
  const back = returnTo.startsWith('/desktop') ? '/desktop/' : '/login';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion refusée · Sign-in refused — Pépite</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; padding: 2rem 1rem; background: #f6f4ef; color: #1f1d1a; }
main { max-width: 36rem; margin: 0 auto; background: #fff; border-radius: 8px; padding: 1.5rem; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
h1 { font-size: 1.4rem; margin-top: 0; }
p { line-height: 1.5; }
a { display: inline-block; margin-top: .5rem; padding: .6rem 1rem; background: #7a4b00; color: #fff; border-radius: 6px; text-decoration: none; }
a:focus-visible { outline: 3px solid #1f1d1a; outline-offset: 2px; }
hr { border: 0; border-top: 1px solid #ddd; margin: 1.5rem 0; }
</style>
</head>
<body>
<main id="main" data-reason="${reason}">
<section lang="fr">
<h1>Connexion refusée</h1>
<p role="alert">${escapeHtml(words.fr)}</p>
<a href="${back}">Revenir à la connexion</a>
</section>
<hr>
<section lang="en">
<h2>Sign-in refused</h2>
<p>${escapeHtml(words.en)}</p>
<a href="${back}">Back to sign-in</a>
</section>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
