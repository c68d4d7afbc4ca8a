import type { RouteObject } from 'react-router';
import { EVERYONE, MANAGERS, RequireRole } from '../../auth/RequireRole';
import { EditProposalPage, NewProposalPage } from './editor/ProposalEditorPage';
import { ProposalPage } from './proposals/ProposalPage';
import { ProposalsPage } from './proposals/ProposalsPage';
import { PublishPage } from './publication/PublishPage';
import { ReleaseComparePage } from './releases/ReleaseComparePage';
import { ReleasesPage } from './releases/ReleasesPage';
import { VotePage } from './votes/VotePage';

/** Co-design: proposals (everyone reads, operators endorse), editor and vote (managers), publication, releases. */
export const codesignRoutes: RouteObject[] = [
  {
    path: 'proposals',
    element: (
      <RequireRole roles={EVERYONE}>
        <ProposalsPage />
      </RequireRole>
    ),
  },
  {
    path: 'proposals/new',
    element: (
      <RequireRole roles={MANAGERS}>
        <NewProposalPage />
      </RequireRole>
    ),
  },
  {
    path: 'proposals/:id',
    element: (
      <RequireRole roles={EVERYONE}>
        <ProposalPage />
      </RequireRole>
    ),
  },
  {
    path: 'proposals/:id/edit',
    element: (
      // Operators too: accepted co-authors revise (the page checks, the API enforces).
      <RequireRole roles={EVERYONE}>
        <EditProposalPage />
      </RequireRole>
    ),
  },
  {
    path: 'proposals/:id/vote',
    element: (
      <RequireRole roles={EVERYONE}>
        <VotePage />
      </RequireRole>
    ),
  },
  {
    path: 'publish',
    element: (
      <RequireRole roles={MANAGERS}>
        <PublishPage />
      </RequireRole>
    ),
  },
  {
    path: 'releases',
    element: (
      <RequireRole roles={MANAGERS}>
        <ReleasesPage />
      </RequireRole>
    ),
  },
  {
    path: 'releases/compare',
    element: (
      <RequireRole roles={MANAGERS}>
        <ReleaseComparePage />
      </RequireRole>
    ),
  },
];
