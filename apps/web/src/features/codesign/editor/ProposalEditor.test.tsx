import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CodesignReviseProposalDocument } from '../../../gql/graphql';
import '../../../i18n/i18n';
import { ProposalEditor } from './ProposalEditor';
import type { CurrentRule } from './RuleChangeEditor';

const RULE: CurrentRule = {
  key: 'REFUND-001',
  title: 'Remboursement sous 30 jours',
  category: 'Remboursements',
  statement: 'Rembourser sur le moyen de paiement d’origine.',
  rationale: 'Éviter la fraude.',
  latitude: 'Aucune.',
  escalation: 'Appeler le superviseur.',
  customerWording: 'Votre remboursement arrive sous 5 jours.',
};

type Variables = { id: string; input: Record<string, unknown> };

/** reviseProposal as the API would answer it; `sent` keeps what the editor sent. */
function revision(answer: { errors?: GraphQLError[] } = {}) {
  const sent: Variables[] = [];
  const mock = {
    request: {
      query: CodesignReviseProposalDocument,
      variables: (variables: Variables) => {
        sent.push(variables);
        return true;
      },
    },
    result: answer.errors
      ? { errors: answer.errors }
      : { data: { reviseProposal: { __typename: 'Proposal', id: 'prop-1', currentRevision: 2 } } },
  };
  return { mock, sent };
}

function renderEditor(mock: object) {
  const view = render(
    <MockedProvider mocks={[mock as never]}>
      <MemoryRouter>
        <ProposalEditor
          mode={{ kind: 'revise', proposalId: 'prop-1', pepins: [{ id: 'p1', reference: 'PEP-000041', title: 'Remboursement refusé' }] }}
          rules={[RULE]}
          initial={{
            title: 'Rembourser sur un autre moyen',
            rationale: 'La carte d’origine est souvent expirée au moment du remboursement.',
            changes: [{ uid: 1, kind: 'AMEND', ruleKey: RULE.key, fields: { ...RULE } }],
          }}
        />
      </MemoryRouter>
    </MockedProvider>,
  );
  const form = view.container.querySelector('form');
  if (!form) throw new Error('the proposal editor is not rendered');
  return form;
}

describe('ProposalEditor', () => {
  it('sends only the fields the author edited for an amended rule, with the revision note', async () => {
    const { mock, sent } = revision();
    const form = renderEditor(mock);
    fireEvent.change(screen.getByLabelText('Ce qu’il faut faire'), {
      target: { value: 'Rembourser sur le moyen choisi par le client.' },
    });
    fireEvent.change(screen.getByLabelText('Ce que change cette révision'), { target: { value: 'Moyen au choix' } });
    fireEvent.submit(form);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      id: 'prop-1',
      input: {
        title: 'Rembourser sur un autre moyen',
        rationale: 'La carte d’origine est souvent expirée au moment du remboursement.',
        note: 'Moyen au choix',
        changes: [{ kind: 'AMEND', ruleKey: 'REFUND-001', statement: 'Rembourser sur le moyen choisi par le client.' }],
      },
    });
  });

  it('shows the live diff of the edited wording against the rule in force', () => {
    renderEditor(revision().mock);
    fireEvent.change(screen.getByLabelText('Ce qu’il faut faire'), {
      target: { value: 'Rembourser sur le moyen choisi par le client.' },
    });
    const inserted = [...document.querySelectorAll('ins')].map((node) => node.textContent?.trim());
    expect(inserted.join(' ')).toContain('choisi');
  });

  it('says what the API refused, in the reader’s language, and stays on the form', async () => {
    const refused = new GraphQLError('Le titre est trop court.', {
      extensions: { code: 'BAD_USER_INPUT', message: { fr: 'Le titre est trop court.', en: 'The title is too short.' } },
    });
    const { mock } = revision({ errors: [refused] });
    const form = renderEditor(mock);
    fireEvent.change(screen.getByLabelText('Ce que change cette révision'), { target: { value: 'Moyen au choix' } });
    fireEvent.submit(form);
    expect(await screen.findByText(/Le titre est trop court/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enregistrer la révision' })).toBeTruthy();
  });
});
