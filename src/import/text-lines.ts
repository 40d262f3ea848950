/** Text of a répertoire as clean lines: page-break noise removed, items rejoined. */
import { foldText } from "../domain/vocabulary";

export function cleanLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u202f\t]/g, " ")
    .replace(/[’‘]/g, "'")
    .split("\n")
    .map((line) => line.replace(/\s+$/, "").replace(/^\s+/, ""))
    .filter((line) => !/^\d{1,3}$/.test(line) && !/^page \d+( \/ \d+)?$/i.test(line));
  // A running page header ("Répertoire des fiches actions CTG 2026-2030" on every page) is noise inside sections.
  const counts = new Map<string, number>();
  for (const line of lines) if (PAGE_HEADER.test(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  return lines.filter((line) => (counts.get(line) ?? 0) < 2);
}

const PAGE_HEADER = /r[ée]pertoire|fiches? actions? ctg/i;

const BULLET = /^(?:[-•−–—*>▪˃·]\s*|\d{1,2}[.)]\s+)/;

export function isBullet(line: string): boolean {
  return BULLET.test(line);
}

/**
 * Items of a list section: a bullet starts an item, other lines continue the previous one; without any bullet,
 * each line is an item unless it visibly continues the previous one (lower case, parenthesis, trailing comma).
 */
export function listItems(lines: readonly string[]): string[] {
  const content = lines.filter((line) => line.trim().length > 0);
  const bulleted = content.some(isBullet);
  // An item grows by pieces joined once at the end: rebuilding it at every line would cost the square of its length.
  const items: ItemPieces[] = [];
  for (const line of content) {
    const text = line.replace(BULLET, "").trim();
    if (!text) continue;
    const current = items[items.length - 1];
    const cutWord = current !== undefined && /\w-$/.test(current.ending());
    // Without bullets, a line continues the previous item when it visibly does: lower case, "(…", or a word cut at "-".
    const continues = bulleted ? !isBullet(line) : /^[a-zà-ÿ(]/.test(text) || cutWord;
    if (continues && current) current.add(text, !cutWord);
    else items.push(new ItemPieces(text));
  }
  return items
    .map((item) =>
      item
        .text()
        .replace(/[,;]\s*$/, "")
        .trim(),
    )
    .filter(Boolean);
}

/** A list item's lines; those joined with a space have their spacing tidied, up to the last of them. */
class ItemPieces {
  private readonly pieces: string[];
  private tidiedUpTo = 0;

  constructor(first: string) {
    this.pieces = [first];
  }

  add(text: string, withSpace: boolean): void {
    this.pieces.push(withSpace ? ` ${text}` : text);
    if (withSpace) this.tidiedUpTo = this.pieces.length;
  }

  /** The item's last characters, enough to see a word cut at its end. */
  ending(): string {
    const last = this.pieces[this.pieces.length - 1];
    return last.length >= 2 || this.pieces.length === 1 ? last : `${this.pieces[this.pieces.length - 2]}${last}`;
  }

  text(): string {
    const tidied = this.pieces.slice(0, this.tidiedUpTo).join("").replace(/\s+/g, " ");
    return tidied + this.pieces.slice(this.tidiedUpTo).join("");
  }
}

/** For comparing titles: case, accents, punctuation and spacing do not count. */
export function titleKey(text: string): string {
  return foldText(text)
    .replace(/[«»"'()\-–—.,;:!?]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function sentenceCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Partner lists sometimes come as "Locaux : CIAS, ADMR, élus" on one line: one partner per name. */
export function splitNames(items: readonly string[]): string[] {
  return items.flatMap((item) => {
    const withoutLabel = item.replace(/^[\p{L} ]{3,20}\s*:\s*/u, "");
    const parts = withoutLabel
      .split(/\s*[,;]\s*(?![^()]*\))/)
      .map((part) => part.replace(/[.…]+$/, "").trim())
      .filter(Boolean);
    return parts.length > 1 || withoutLabel !== item ? parts : [item];
  });
}
