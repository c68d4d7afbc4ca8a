import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { AuthProvider } from './auth/auth-context';
import { createApolloClient } from './apollo/client';
import { forgetToken } from './auth/session-renewal';
import './i18n/catalogs';
import './styles.css';

const client = createApolloClient(() => {
  // The refresh cookie was refused too (session over, account deactivated): back to the sign-in screen.
  forgetToken();
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
