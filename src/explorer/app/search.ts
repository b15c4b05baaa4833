// A search box over every name in any language, as an ARIA combobox: type, move with the arrow
// keys, Enter opens the highlighted entity, Escape closes the list.
import { gql, SEARCH, type SearchHit } from './api.js';
import { h } from './dom.js';

export function searchBox(
  input: HTMLInputElement,
  list: HTMLElement,
  onPick: (hit: SearchHit) => void,
  onError: (m: string) => void,
) {
  let hits: SearchHit[] = [];
  let active = -1;
  let asked = 0;
  let timer: number | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    for (const [j, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(j === i));
    const id = list.children[i]?.id;
    if (id) input.setAttribute('aria-activedescendant', id);
  };
  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    input.value = hit.node.label;
    onPick(hit);
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) =>
        h(
          'div',
          {
            id: `${list.id}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-key': hit.node.key,
            onmousedown: (e) => {
              e.preventDefault();
              pick(i);
            },
          },
          h('span', { class: 'hit-label' }, hit.node.label),
          hit.node.labelId !== hit.node.label
            ? h('span', { class: 'hit-alt', lang: 'id' }, ` · ${hit.node.labelId}`)
            : null,
          hit.matchedName !== hit.node.label && hit.matchedName !== hit.node.labelId
            ? h('span', { class: 'hit-alt' }, ` · “${hit.matchedName}”`)
            : null,
          h('span', { class: 'hit-type' }, hit.node.type),
        ),
      ),
    );
    if (hits.length === 0)
      list.replaceChildren(
        h('div', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, 'No entity has that name'),
      );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (hits.length) highlight(0);
  };
  const run = async (query: string) => {
    const mine = ++asked;
    try {
      const data = await gql<{ search: { edges: SearchHit[] } }>(SEARCH, { query });
      if (mine !== asked) return; // a later keystroke has asked again
      hits = data.search.edges;
      render();
    } catch (error) {
      if (mine === asked) onError((error as Error).message);
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const query = input.value.trim();
    if (!query) {
      close();
      return;
    }
    timer = window.setTimeout(() => void run(query), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      if (list.hidden) render();
      else highlight((active + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      highlight((active - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else if (input.value.trim()) void run(input.value.trim());
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
}
