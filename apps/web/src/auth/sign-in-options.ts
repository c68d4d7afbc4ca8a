import { useEffect, useState } from 'react';

export interface SignInOptions {
  readonly passwordLogin: boolean;
  readonly oidc: { readonly name: string } | null;
}

/** What the API offers for signing in (GET /auth/options); null while it is being asked. */
export function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    let current = true;
    fetch('/auth/options')
      .then((response) => (response.ok ? (response.json() as Promise<SignInOptions>) : null))
      .catch(() => null)
      // Unknown (API unreachable): the password form, as before single sign-on existed.
      .then((answer) => current && setOptions(answer ?? { passwordLogin: true, oidc: null }));
    return () => {
      current = false;
    };
  }, []);
  return options;
}

/** Where the provider's sign-in starts; `returnTo` must be a path of this site (the API checks it again). */
export function oidcLoginHref(returnTo: string): string {
  return `/auth/oidc/login?returnTo=${encodeURIComponent(returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/')}`;
}
