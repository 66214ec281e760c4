/**
 * Reads the Apps Script entry (src/main.ts) with the TypeScript compiler:
 * every export, the function it resolves to, its parameter names and its
 * JSDoc. The build generates the top-level declarations from this list, so
 * what Sheets sees cannot drift from the sources.
 */
import ts from 'typescript';

/** @typedef {{ name: string, params: string[], jsdoc: string, file: string }} Entry */

/** @returns {Entry[]} */
export function readEntries(entryFile) {
  const program = ts.createProgram([entryFile], { allowJs: false, noEmit: true, target: ts.ScriptTarget.ES2019 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entryFile);
  if (!source) throw new Error(`cannot read ${entryFile}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entryFile} has no exports`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.find(ts.isFunctionDeclaration);
    if (!decl) {
      throw new Error(`${exported.name} is exported from ${entryFile} but is not a function declaration; Apps Script can only call functions`);
    }
    const file = decl.getSourceFile();
    const comments = ts.getLeadingCommentRanges(file.text, decl.getFullStart()) ?? [];
    const doc = comments.map((c) => file.text.slice(c.pos, c.end)).filter((c) => c.startsWith('/**')).pop() ?? '';
    return {
      name: exported.name,
      params: decl.parameters.map((p) => p.name.getText(file)),
      jsdoc: doc,
      file: file.fileName,
    };
  });
}
