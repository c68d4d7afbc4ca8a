import type { RouteObject } from 'react-router';
import { EVERYONE, MANAGERS, guardedRoute } from '../../auth/RequireRole';
import { EditProposalPage, NewProposalPage } from './editor/ProposalEditorPage';
import { ProposalPage } from './proposals/ProposalPage';
import { ProposalsPage } from './proposals/ProposalsPage';
import { PublishPage } from './publication/PublishPage';
import { ReleaseComparePage } from './releases/ReleaseComparePage';
import { ReleasesPage } from './releases/ReleasesPage';
import { VotePage } from './votes/VotePage';

/** Co-design: proposals (everyone reads, operators endorse), editor and vote (managers), publication, releases. */
export const codesignRoutes: RouteObject[] = [
  guardedRoute('proposals', EVERYONE, <ProposalsPage />),
  guardedRoute('proposals/new', MANAGERS, <NewProposalPage />),
  guardedRoute('proposals/:id', EVERYONE, <ProposalPage />),
  // Operators too: accepted co-authors revise (the page checks, the API enforces).
  guardedRoute('proposals/:id/edit', EVERYONE, <EditProposalPage />),
  guardedRoute('proposals/:id/vote', EVERYONE, <VotePage />),
  guardedRoute('publish', MANAGERS, <PublishPage />),
  guardedRoute('releases', MANAGERS, <ReleasesPage />),
  guardedRoute('releases/compare', MANAGERS, <ReleaseComparePage />),
];
