// The development GraphiQL, bundled at build time and served by the API itself (no CDN, the
// API's own CSP): `npm run build` writes it to dist/apps/graphiql.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

/**
 * GraphiQL keeps its tabs (queries, variables, headers) in the storage it is given: an
 * in-memory one here, so an Authorization header typed into the headers tab lives only as
 * long as the page and never reaches localStorage.
 */
const memory = new Map();
const storage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, String(value)),
  removeItem: (key) => void memory.delete(key),
  clear: () => memory.clear(),
  get length() {
    return memory.size;
  },
};

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    storage,
    shouldPersistHeaders: false,
    defaultQuery: '# Pépite — GraphQL (développement / development)\n# En-têtes / Headers: { "Authorization": "Bearer <jeton / token>" }\n{\n  me {\n    id\n    displayName\n  }\n}\n',
  }),
);
