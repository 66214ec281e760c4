/**
 * Order IDs that Excel has damaged. Opening an export in Excel and saving it
 * again turns a 19-digit ID into a number: `3.30182E+18` in the CSV, or its
 * first 15 digits followed by zeros (`3301820000000000000`). Hundreds of
 * orders then share one ID and would merge into one; such rows are rejected
 * with a reason that says how to export them again.
 */

/** `3.30182E+18`, `3.30182E18`, `3,30182E+18` (a decimal-comma Excel): an ID written as a floating number. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d*)?\s*e\s*[+-]?\d+$/i;

/** Excel keeps 15 significant digits: a longer ID comes back as those digits and zeros. */
const EXCEL_DIGITS = 15;

export function isScientificId(id: string): boolean {
  // Every such ID holds an e; most IDs are plain digits, and this runs on every order.
  return (id.includes('e') || id.includes('E')) && SCIENTIFIC.test(id.trim());
}

/** 16+ digits of which every one past the 15th is 0: what a 15-digit round trip leaves. */
export function hasZeroedTail(id: string): boolean {
  const text = id.trim();
  return text.length > EXCEL_DIGITS && /^\d+$/.test(text) && /^0+$/.test(text.slice(EXCEL_DIGITS));
}

/**
 * Whether a column of IDs went through Excel: most of its IDs longer than 15
 * digits end in zeros from the 16th digit on. One genuine ID ending in zeros
 * (one in ten at 16 digits) proves nothing; a whole column of them does.
 */
export function isTruncatedIdColumn(ids: readonly string[]): boolean {
  let long = 0;
  let zeroed = 0;
  for (const id of ids) {
    const text = id.trim();
    if (text.length <= EXCEL_DIGITS) continue;
    // One pass over the characters (this reads every ID of the table): all digits, and zeros past the 15th?
    let digits = true;
    let zeroTail = true;
    for (let i = 0; i < text.length && digits; i++) {
      const code = text.charCodeAt(i);
      digits = code >= 48 && code <= 57;
      if (i >= EXCEL_DIGITS && code !== 48) zeroTail = false;
    }
    if (!digits) continue;
    long++;
    if (zeroTail) zeroed++;
  }
  return zeroed > 0 && zeroed * 2 > long;
}

/** True when this ID cannot be the shop's real order ID (see the module comment). */
export function isExcelDamagedId(id: string, columnTruncated: boolean): boolean {
  return isScientificId(id) || (columnTruncated && hasZeroedTail(id));
}

/**
 * `="3301827345678901234"`, or the ID with a tab before or after it: how
 * exports keep Excel from turning a long ID into a number. The ID is what is
 * inside, so the same order from a plain export has the same key.
 * @example unwrapTextId('="3301827345678901234"') // '3301827345678901234'
 */
export function unwrapTextId(text: string): string {
  // Most IDs are bare: trim gives back the same string, so the patterns below never run for them.
  if (!text.includes('"') && text.trim() === text) return text;
  const trimmed = text.replace(/^[\t\s]+|[\t\s]+$/g, '');
  const wrapped = /^="(.*)"$/.exec(trimmed);
  return wrapped ? wrapped[1].trim() : trimmed;
}
