// Building the console's DOM without innerHTML (the CSP allows no inline code, and no value is ever parsed as HTML).

/**
 * An element with attributes and children: `el('a', { href, text: 'Open' })`. The attribute `text` sets the text;
 * `true` sets an attribute without a value, `false` and null leave it out; null children are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}
