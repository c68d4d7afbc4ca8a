import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { SlaBadge } from './SlaBadge';

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('triage SlaBadge', () => {
  it('says a NEW pépin past its deadline is late, in words and in the late colour', () => {
    render(<SlaBadge pepin={{ status: 'NEW', ackDueAt: inHours(-5) }} />);
    const badge = screen.getByText('En retard de 5 h');
    expect(badge).toHaveProperty('className', 'badge sla-late');
  });

  it('warns when less than a day is left, and counts days beyond two days', () => {
    const { rerender } = render(<SlaBadge pepin={{ status: 'NEW', ackDueAt: inHours(3) }} />);
    expect(screen.getByText('Échéance dans 3 h').className).toBe('badge sla-soon');
    rerender(<SlaBadge pepin={{ status: 'NEW', ackDueAt: inHours(72) }} />);
    expect(screen.getByText('Échéance dans 3 j').className).toBe('badge sla-ok');
  });

  it('shows minutes (never zero) in the last hour', () => {
    render(<SlaBadge pepin={{ status: 'NEW', ackDueAt: new Date(Date.now() + 10_000).toISOString() }} />);
    expect(screen.getByText('Échéance dans 1 min')).toBeTruthy();
  });

  it('stops counting once acknowledged, and says "not applicable" for a pépin closed without it', () => {
    const { rerender } = render(
      <SlaBadge pepin={{ status: 'ACKNOWLEDGED', ackDueAt: inHours(-5), acknowledgedAt: '2026-03-02T10:00:00Z' }} />,
    );
    expect(screen.getByText(/^Pris en compte le /)).toBeTruthy();
    expect(screen.queryByText(/retard/)).toBeNull();
    rerender(<SlaBadge pepin={{ status: 'DECLINED', ackDueAt: inHours(-5) }} />);
    expect(screen.getByText('Sans objet')).toBeTruthy();
  });

  it('speaks English when the console does', async () => {
    await i18n.changeLanguage('en');
    render(<SlaBadge pepin={{ status: 'NEW', ackDueAt: inHours(-5) }} />);
    expect(screen.getByText('Late by 5 h')).toBeTruthy();
  });
});
