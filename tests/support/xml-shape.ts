/**
 * The shape of XML parts, to compare how the project writes a construct with how Excel writes it: which elements
 * appear where (paths of local names), which attributes each carries, and in which order an element's children come.
 * Values are left out: a chart of ours has other titles than Excel's test file, not other elements.
 */
import { type XmlElement, childElements, localName, parseXml } from "../../src/xlsx/xml-tree";

export interface Shape {
  attributes: Map<string, Set<string>>;
  /** For each parent path, the pairs of children met in that order (`a\u0000b`: a before b). */
  orders: Map<string, Set<string>>;
}

export function emptyShape(): Shape {
  return { attributes: new Map(), orders: new Map() };
}

/** Adds the shape of `xml` to `shape`; the root's own path starts with its local name. */
export function addShape(shape: Shape, xml: string): Shape {
  const walk = (element: XmlElement, path: string) => {
    const attributes = shape.attributes.get(path) ?? new Set<string>();
    for (const [name] of element.attributes) if (name !== "xmlns" && !name.startsWith("xmlns:")) attributes.add(localName(name));
    shape.attributes.set(path, attributes);
    const children = childElements(element).map((child) => localName(child.name));
    const orders = shape.orders.get(path) ?? new Set<string>();
    for (let i = 0; i < children.length; i++)
      for (let j = i + 1; j < children.length; j++) if (children[i] !== children[j]) orders.add(`${children[i]}\u0000${children[j]}`);
    shape.orders.set(path, orders);
    for (const child of childElements(element)) walk(child, `${path}/${localName(child.name)}`);
  };
  const root = parseXml(xml);
  walk(root, localName(root.name));
  return shape;
}

export interface Allowances {
  /** Paths Excel's files do not show that ours may have, each with why. */
  elements?: Record<string, string>;
  /** Attributes (`path@name`) likewise. */
  attributes?: Record<string, string>;
}

/** What ours has that Excel's do not, and children ours orders the other way round from Excel. */
export function differences(ours: Shape, excel: Shape, allowed: Allowances = {}): string[] {
  const found: string[] = [];
  for (const [path, attributes] of ours.attributes) {
    const theirs = excel.attributes.get(path);
    if (!theirs) {
      if (!allowed.elements?.[path]) found.push(`élément ${path} : Excel ne l'écrit pas`);
      continue;
    }
    for (const name of attributes)
      if (!theirs.has(name) && !allowed.attributes?.[`${path}@${name}`]) found.push(`attribut ${path}@${name} : Excel ne l'écrit pas`);
  }
  for (const [path, pairs] of ours.orders) {
    const theirs = excel.orders.get(path);
    if (!theirs) continue;
    for (const pair of pairs) {
      const [a, b] = pair.split("\u0000");
      if (theirs.has(`${b}\u0000${a}`) && !theirs.has(pair)) found.push(`ordre ${path} : ${a} avant ${b}, Excel écrit ${b} avant ${a}`);
    }
  }
  return found;
}
