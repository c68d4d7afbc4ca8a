import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { AuthProvider } from './auth/auth-context';
import { createApolloClient, TOKEN_KEY } from './apollo/client';
import './i18n/catalogs';
import './styles.css';

const client = createApolloClient(() => {
  // The session expired or the account was deactivated: back to the sign-in screen.
  sessionStorage.removeItem(TOKEN_KEY);
  location.assign('/login');
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </ApolloProvider>
  </StrictMode>,
);
