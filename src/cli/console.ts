/**
 * What the CLI prints comes partly from the user's files (agent names, file
 * names, reasons quoting cells). A name holding ESC could recolour, retitle
 * or clear the terminal, and bidi overrides can make a line read backwards,
 * so every printed line passes through here first.
 */

/**
 * C0 controls other than tab and line feed, DEL, C1 controls, and the
 * Unicode bidi embeddings, overrides, isolates and marks.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A line safe to print: each unsafe character becomes U+FFFD, so the reader
 * sees that something was there without the terminal acting on it.
 * @example terminalSafe('A\u001b[2J') // 'A\uFFFD[2J'
 */
export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, '\uFFFD');
}

/** A printer that cleans every line before handing it on. */
export const safePrinter = (print: (line: string) => void) => (line: string) => print(terminalSafe(line));
