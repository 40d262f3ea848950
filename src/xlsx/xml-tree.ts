/**
 * A small XML part (workbook, content types, relationships) as a tree, to change a few elements and write it back
 * with everything else as it was: unknown elements, extension lists, namespace declarations and attributes of other
 * producers go through. Parsed by the project's scanner, so a part that is not well formed is refused the same way.
 */
import { XmlScanner } from "./xml-scanner";
import { XML_HEADER, xmlAttribute, xmlText } from "./xml-text";

export interface XmlElement {
  name: string;
  attributes: [string, string][];
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: "", attributes: [], children: [] };
  const stack: XmlElement[] = [root];
  const scanner = new XmlScanner({
    open: (tag) => {
      const element: XmlElement = { name: tag.name, attributes: [...tag.attributes()], children: [] };
      stack[stack.length - 1].children.push(element);
      if (!tag.selfClosing) stack.push(element);
    },
    close: (name) => {
      if (stack[stack.length - 1].name === name && stack.length > 1) stack.pop();
    },
    text: (value) => {
      stack[stack.length - 1].children.push(value);
    },
  });
  scanner.write(text);
  scanner.close();
  const element = root.children.find((child): child is XmlElement => typeof child !== "string");
  if (!element) throw new Error("XML part without a root element");
  return element;
}

export function serializeXml(root: XmlElement): string {
  return `${XML_HEADER}${serializeElement(root)}`;
}

export function serializeElement(element: XmlElement): string {
  const attributes = element.attributes.map(([name, value]) => ` ${name}="${xmlAttribute(value)}"`).join("");
  if (element.children.length === 0) return `<${element.name}${attributes}/>`;
  const children = element.children.map((child) => (typeof child === "string" ? xmlText(child) : serializeElement(child))).join("");
  return `<${element.name}${attributes}>${children}</${element.name}>`;
}

/** The name without its namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** `x:` when the element's name has that prefix, else nothing: new children of the same namespace take it. */
export function prefixOf(element: XmlElement): string {
  const colon = element.name.indexOf(":");
  return colon < 0 ? "" : element.name.slice(0, colon + 1);
}

export function childElements(element: XmlElement, local?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && (local === undefined || localName(child.name) === local));
}

export function firstChild(element: XmlElement, local: string): XmlElement | undefined {
  return childElements(element, local)[0];
}

export function attributeOf(element: XmlElement, name: string): string | undefined {
  return element.attributes.find(([key]) => key === name)?.[1];
}

/** An attribute in any prefix bound to `namespace` on the root (`r:id`, `x:id`…), or by its local name alone. */
export function namespacedAttribute(element: XmlElement, local: string, prefixes: readonly string[]): string | undefined {
  for (const [key, value] of element.attributes) if (prefixes.some((prefix) => key === `${prefix}:${local}`)) return value;
  return undefined;
}

export function setAttribute(element: XmlElement, name: string, value: string | undefined): void {
  const index = element.attributes.findIndex(([key]) => key === name);
  if (value === undefined) {
    if (index >= 0) element.attributes.splice(index, 1);
  } else if (index >= 0) element.attributes[index][1] = value;
  else element.attributes.push([name, value]);
}

/** The prefixes the root binds to `namespace` (`xmlns:r="…"` → `r`). */
export function prefixesFor(root: XmlElement, namespace: string): string[] {
  return root.attributes.filter(([key, value]) => key.startsWith("xmlns:") && value === namespace).map(([key]) => key.slice(6));
}
