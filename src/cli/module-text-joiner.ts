// Joins printed modules, one per rank, into the text of one module, so a
// layer compiled rank by rank is written as the single module that printing
// all ranks at once would give, without holding every rank's IR at once.

/**
 * Streams module bodies to `write`. Every added text must be one printed
 * `builtin.module` (custom `module {` or generic form) with the same first
 * and last line, and nothing outside it (no alias definitions or resources:
 * the layer IR has no affine maps, locations or blobs to alias).
 */
export class ModuleTextJoiner {
  private header: string | undefined;
  private footer: string | undefined;

  constructor(private readonly write: (text: string) => void) {}

  /** Adds the body of `text`; returns an error message when `text` is not a lone module like the others. */
  add(text: string): string | undefined {
    const end = text.endsWith("\n") ? text.length - 1 : text.length;
    const firstBreak = text.indexOf("\n");
    const lastBreak = text.lastIndexOf("\n", end - 1);
    if (firstBreak < 0 || lastBreak < firstBreak) return "a rank's module printed on a single line";
    const header = text.substring(0, firstBreak + 1);
    const footer = text.substring(lastBreak + 1);
    if (!header.startsWith("module") && !header.startsWith('"builtin.module"'))
      return `a rank's output does not start with its module: '${header.trimEnd()}'`;
    if (this.header === undefined) {
      this.header = header;
      this.footer = footer;
      this.write(header);
    } else if (header !== this.header || footer !== this.footer) {
      return "ranks printed modules with different attributes";
    }
    this.write(text.substring(firstBreak + 1, lastBreak + 1));
    return undefined;
  }

  /** Closes the module (after at least one `add`). */
  finish(): void {
    if (this.footer !== undefined) this.write(this.footer);
  }
}
