import { renderNotification, type Renderable } from '../rendering/render-notification';
import type { Reader } from '../rendering/rendering-kit';
import { digestMessage } from './mail-message';

const fr: Reader = { locale: 'fr', role: 'MANAGER', timeZone: 'Europe/Paris' };
const en: Reader = { locale: 'en', role: 'MANAGER', timeZone: 'Europe/Paris' };
const links = { base: 'https://pepite.example.test', unsubscribe: 'https://pepite.example.test/api/mail/unsubscribe?token=t' };
const PEPIN_A = '0b6b8c1e-1111-4c1e-9a43-0d3c2a8f1b7e';
const PEPIN_B = '0b6b8c1e-2222-4c1e-9a43-0d3c2a8f1b7e';
const PROPOSAL = '0b6b8c1e-3333-4c1e-9a43-0d3c2a8f1b7e';

/** A day's news for one manager: two pépins, a proposal, and a notice about nothing named. */
const DAY: Renderable[] = [
  { kind: 'PEPIN_ACK_DUE_SOON', subjectType: 'PEPIN', subjectId: PEPIN_A, params: { reference: 'PEP-000012', title: 'Remboursement refusé', ackDueAt: '2027-03-02T10:00:00Z' } },
  { kind: 'PEPIN_ACK_DUE_SOON', subjectType: 'PEPIN', subjectId: PEPIN_B, params: { reference: 'PEP-000013', title: 'Colis perdu', ackDueAt: '2027-03-02T11:00:00Z' } },
  { kind: 'PROPOSAL_REVISED', subjectType: 'PROPOSAL', subjectId: PROPOSAL, params: { reference: 'PRO-000042', title: 'Rembourser sans justificatif', revision: 2 } },
  { kind: 'VOTE_OPENED', subjectType: 'PROPOSAL', subjectId: PROPOSAL, params: { reference: 'PRO-000042', title: 'Rembourser sans justificatif', closesAt: '2027-03-04T10:00:00Z' } },
];

/** The visible text of each link of the items (the footer's two links left out). */
function itemLinks(html: string): string[] {
  const list = html.slice(html.indexOf('<ul'), html.indexOf('</ul>'));
  return [...list.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((match) => (match[1] ?? '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))));
}

describe('digestMessage', () => {
  it('names what each link opens, so that no two links of a digest read the same (French)', () => {
    const message = digestMessage(fr, '2027-03-01', DAY.map((n) => renderNotification(n, fr)), links);
    const names = itemLinks(message.html);
    expect(names).toEqual([
      'Ouvrir PEP-000012 « Remboursement refusé » (pépin à prendre en compte sous 24 h)',
      'Ouvrir PEP-000013 « Colis perdu » (pépin à prendre en compte sous 24 h)',
      'Ouvrir PRO-000042 « Rembourser sans justificatif » (nouvelle révision)',
      'Ouvrir PRO-000042 « Rembourser sans justificatif » (vote ouvert)',
    ]);
    expect(new Set(names).size).toBe(names.length);
    expect(message.html).not.toContain('Ouvrir dans Pépite');
    expect(message.text).toContain(`Ouvrir PEP-000013 « Colis perdu » (pépin à prendre en compte sous 24 h) : https://pepite.example.test/triage/${PEPIN_B}`);
  });

  it('does the same in English', () => {
    const message = digestMessage(en, '2027-03-01', DAY.map((n) => renderNotification(n, en)), links);
    const names = itemLinks(message.html);
    expect(names[0]).toBe('Open PEP-000012 “Remboursement refusé” (pépin due for acknowledgement within 24 h)');
    expect(names[3]).toBe('Open PRO-000042 “Rembourser sans justificatif” (vote opened)');
    expect(new Set(names).size).toBe(names.length);
    expect(message.text).toContain(`Open PRO-000042 “Rembourser sans justificatif” (new revision): https://pepite.example.test/proposals/${PROPOSAL}\n`);
  });

  it('falls back to the title when nothing names the subject', () => {
    const webhook: Renderable = { kind: 'WEBHOOK_DISABLED', subjectType: 'WEBHOOK', subjectId: PEPIN_A, params: { url: 'https://crm.example.test/hook', failures: 20 } };
    const [name] = itemLinks(digestMessage(fr, '2027-03-01', [renderNotification(webhook, fr)], links).html);
    expect(name).toMatch(/^Ouvrir « .+ »$/);
  });
});
