/**
 * DOM building for the sidebar. Agent names, headers and cells are user data:
 * they only ever reach the page as textContent or attribute values, never as
 * HTML (SPEC §8).
 */

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** A new element with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'className') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of a node. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A <select> of [value, label] options with one selected. */
export function select(options: readonly (readonly [string, string])[], selected: string, attrs: Attrs = {}): HTMLSelectElement {
  const node = el('select', attrs);
  for (const [value, label] of options) {
    const option = el('option', { value, text: label });
    if (value === selected) option.selected = true;
    node.appendChild(option);
  }
  node.value = selected;
  return node;
}
