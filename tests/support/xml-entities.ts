/** The text of XML read by regular expressions in the tests of written packages (.docx, .pptx). */
export function decodeXmlText(text: string): string {
  return text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
