import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../../../i18n/i18n';
import { WordDiff } from './WordDiff';

// Spaces around a changed word may sit inside or outside its mark: only the words matter here.
const texts = (elements: NodeListOf<Element>) =>
  [...elements].map((element) => element.textContent?.replace(/\s+/g, ' ').trim());

function renderDiff(before: string, after: string) {
  const { container } = render(
    <WordDiff before={before} after={after} beforeLabel="Règle en vigueur" afterLabel="Proposition" />,
  );
  const sides = container.querySelectorAll('.diff-side');
  expect(sides).toHaveLength(2);
  return { container, current: sides[0] as Element, proposed: sides[1] as Element };
}

describe('WordDiff', () => {
  it('strikes the removed words on the current side only and marks the added words on the proposed side only', () => {
    const { current, proposed } = renderDiff('Rembourser sous 30 jours', 'Rembourser sous 14 jours ouvrés');
    expect(texts(current.querySelectorAll('del'))).toEqual(['supprimé : 30']);
    expect(current.querySelectorAll('ins')).toHaveLength(0);
    expect(texts(proposed.querySelectorAll('ins'))).toEqual(['ajouté : 14', 'ajouté : ouvrés']);
    expect(proposed.querySelectorAll('del')).toHaveLength(0);
  });

  it('reads each side back as its own full text (nothing lost, nothing doubled)', () => {
    const strip = (side: Element) =>
      [...side.childNodes]
        .slice(1)
        .map((node) => {
          const copy = node.cloneNode(true) as Element;
          copy.querySelector?.('.visually-hidden')?.remove();
          return copy.textContent;
        })
        .join('');
    const before = 'Le client doit appeler avant midi.';
    const after = 'Le client peut écrire ou appeler avant 14 h.';
    const { current, proposed } = renderDiff(before, after);
    expect(strip(current)).toBe(before);
    expect(strip(proposed)).toBe(after);
  });

  it('says a side is empty in words instead of showing nothing', () => {
    const { current, proposed } = renderDiff('', 'Nouvelle règle');
    expect(current.textContent).toContain('(vide)');
    expect(texts(proposed.querySelectorAll('ins'))).toEqual(['ajouté : Nouvelle règle']);
  });

  it('tells screen readers "removed" / "added" in English too, not by colour alone', async () => {
    await i18n.changeLanguage('en');
    const { current, proposed } = renderDiff('a b', 'a c');
    expect(current.querySelector('del .visually-hidden')?.textContent).toBe('removed: ');
    expect(proposed.querySelector('ins .visually-hidden')?.textContent).toBe('added: ');
  });

  it('shows an unchanged text with no marks at all', () => {
    const { container } = renderDiff('Même texte', 'Même texte');
    expect(container.querySelectorAll('del, ins')).toHaveLength(0);
  });
});
