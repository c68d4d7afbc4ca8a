import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OperatorFilePepinDocument } from '../../gql/graphql';
import i18n from '../../i18n/i18n';
import { FilePepinForm, type RulePrefill } from './FilePepinForm';

type Input = Record<string, unknown>;

/** The mutation as the API would answer it; `sent` keeps what the form sent. */
function filing(answer: { errors?: GraphQLError[] } = {}) {
  const sent: Input[] = [];
  const mock = {
    request: {
      query: OperatorFilePepinDocument,
      variables: (variables: { input: Input }) => {
        sent.push(variables.input);
        return true;
      },
    },
    result: answer.errors
      ? { errors: answer.errors }
      : {
          data: {
            filePepin: { __typename: 'Pepin', id: 'p1', reference: 'PEP-0042', ackDueAt: '2026-03-05T10:00:00Z' },
          },
        },
  };
  return { mock, sent };
}

function renderForm(mock: object, prefill: RulePrefill | null = null) {
  const onFiled = vi.fn();
  const view = render(
    <MockedProvider mocks={[mock as never]}>
      <FilePepinForm prefill={prefill} onFiled={onFiled} />
    </MockedProvider>,
  );
  const form = view.container.querySelector('form');
  if (!form) throw new Error('the filing form is not rendered');
  return { onFiled, form };
}

// Two words in all: the similar-pépins search (title and description together) starts at three, so no other request is made.
function fill(labels: { title: string; description: string }) {
  fireEvent.change(screen.getByLabelText(labels.title), { target: { value: '  Carte  ' } });
  fireEvent.change(screen.getByLabelText(labels.description), { target: { value: ' Refusé ' } });
}

function fillRule(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('FilePepinForm', () => {
  it('sends trimmed text, the rule key in capitals and its version as a number, unsigned by default', async () => {
    const { mock, sent } = filing();
    const { onFiled, form } = renderForm(mock);
    fill({ title: 'Titre', description: 'Ce qui s’est passé' });
    fillRule('Clé de la règle', 'refund-004');
    fireEvent.change(screen.getByLabelText('Version du règlement'), { target: { value: '3' } });
    fireEvent.submit(form);

    await waitFor(() => expect(onFiled).toHaveBeenCalledWith(expect.objectContaining({ reference: 'PEP-0042' })));
    expect(sent[0]).toMatchObject({
      title: 'Carte',
      description: 'Refusé',
      ruleKey: 'REFUND-004',
      ruleVersion: 3,
      noRuleApplies: false,
      customerImpact: 'NONE',
      callReference: null,
      signed: false,
    });
    expect(sent[0]?.['idempotencyKey']).toEqual(expect.any(String));
  });

  it('"no rule covers this case" disables the rule fields and sends no rule, even a prefilled one', async () => {
    const { mock, sent } = filing();
    const { onFiled, form } = renderForm(mock, { key: 'REFUND-004', version: 2 });
    expect(screen.getByLabelText<HTMLInputElement>('Clé de la règle').value).toBe('REFUND-004');
    fill({ title: 'Titre', description: 'Ce qui s’est passé' });
    fireEvent.click(screen.getByLabelText('Aucune règle ne couvre ce cas'));
    expect(screen.getByLabelText<HTMLInputElement>('Clé de la règle').disabled).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Version du règlement').disabled).toBe(true);
    fireEvent.submit(form);

    await waitFor(() => expect(onFiled).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({ ruleKey: null, ruleVersion: null, noRuleApplies: true });
  });

  it('sends nothing until the operator names a rule or says none covers the case', async () => {
    const { mock, sent } = filing();
    const { onFiled, form } = renderForm(mock);
    fill({ title: 'Titre', description: 'Ce qui s’est passé' });
    fireEvent.submit(form);

    const alert = await screen.findByRole('alert');
    const ruleKey = screen.getByLabelText('Clé de la règle');
    expect(ruleKey.getAttribute('aria-invalid')).toBe('true');
    expect(ruleKey.getAttribute('aria-describedby')).toContain(alert.id);
    expect(document.activeElement).toBe(ruleKey);
    expect(sent).toHaveLength(0);

    fillRule('Clé de la règle', 'REFUND-004');
    expect(screen.queryByText(alert.textContent ?? '')).toBeNull();
    fireEvent.submit(form);
    await waitFor(() => expect(onFiled).toHaveBeenCalled());
    expect(sent).toHaveLength(1);
  });

  it('shows the API’s refusal in an alert and keeps what was typed', async () => {
    const refusal = new GraphQLError('Le titre doit faire au moins 5 caractères.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const { mock } = filing({ errors: [refusal] });
    const { onFiled, form } = renderForm(mock);
    fill({ title: 'Titre', description: 'Ce qui s’est passé' });
    fillRule('Clé de la règle', 'REFUND-004');
    fireEvent.submit(form);

    expect((await screen.findByRole('alert')).textContent).toBe('Le titre doit faire au moins 5 caractères.');
    expect(onFiled).not.toHaveBeenCalled();
    expect(screen.getByLabelText<HTMLInputElement>('Titre').value).toBe('  Carte  ');
  });

  it('is labelled in English when the console is, and signing is sent when ticked', async () => {
    await i18n.changeLanguage('en');
    const { mock, sent } = filing();
    const { onFiled, form } = renderForm(mock);
    fill({ title: 'Title', description: 'What happened' });
    fillRule('Rule key', 'REFUND-004');
    fireEvent.click(screen.getByLabelText('Show my name to managers'));
    expect(screen.getByRole('button', { name: 'Send the pépin' })).toBeTruthy();
    fireEvent.submit(form);

    await waitFor(() => expect(onFiled).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({ signed: true });
  });
});
