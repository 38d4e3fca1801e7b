/**
 * Build-time (Vite/Rolldown) plugin: lets the tree-shaker drop the parts of a one-file library that
 * the wallet never reads. Fewer bytes installed with the service worker (README "Cold start").
 *
 * @solana/web3.js is one ES module. Its top level builds values with calls the bundler cannot prove
 * pure (`const SYSVAR_RENT_PUBKEY = new PublicKey('…')`, `Object.freeze({ … BufferLayout.struct(…) })`)
 * and sets static members after each class (`VoteProgram.programId = new PublicKey('…')`), so the
 * stake, vote, loader, Ed25519 and secp256k1 program classes stayed in the worker although the
 * wallet uses only PublicKey, messages, the system and compute-budget programs and lookup tables.
 * This plugin rewrites, in the listed files only:
 *   - `const X = call(…)` / `new C(…)` at top level → `const X = /* @__PURE__ *\/ (() => call(…))()`;
 *   - `class C {…}` (or TypeScript's `let C = class C …`) followed directly by statements that only set
 *     up C (`C.x = …`, `_C = C`, `Object.defineProperty(C.prototype, …)`, `__decorate(…)`)
 *     → `let C = /* @__PURE__ *\/ (() => { class C {…} …; return C; })()`.
 *
 * @wharfkit/antelope (also one file) defines ~100 decorated Struct classes for its chain API, history
 * API and P2P clients; the wallet uses its serializer, ABI and transaction types only.
 * Evaluation order is unchanged (each wrapper runs where the original code stood); a value the
 * bundle uses is kept whole, one it never reads is dropped with everything only it referenced.
 */
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * Whether a top-level statement only sets up class `name`: a static member, the babel alias, a
 * prototype property, or TypeScript's decorators (`__decorate([…], C.prototype, …)`, `C = __decorate([…], C)`).
 */
function setsUpClass(code: string, stmt: Node, name: string): boolean {
  if (stmt.type !== 'ExpressionStatement') return false;
  const text = code.slice(stmt.start, stmt.end);
  return (
    text.startsWith(`${name}.`) ||
    text.startsWith(`${name} = `) ||
    text.startsWith(`_${name} = ${name};`) ||
    text.startsWith(`Object.defineProperty(${name}.prototype,`) ||
    (text.startsWith('__decorate(') && (text.includes(`], ${name}.prototype, `) || text.includes(`], ${name});`)))
  );
}

/** `let C = class C …` or `let C = C_1 = class C …` (TypeScript's output for a decorated class): C's name. */
function classBinding(stmt: Node): string | null {
  if (stmt.type !== 'VariableDeclaration') return null;
  const decls = stmt.declarations as Node[];
  if (decls.length !== 1) return null;
  const decl = decls[0] as Node;
  let init = decl.init as Node | null;
  while (init && init.type === 'AssignmentExpression') init = init.right as Node;
  return init && init.type === 'ClassExpression' ? ((decl.id as { name?: string }).name ?? null) : null;
}

/** The rewritten module text, and how many declarations and classes were wrapped. */
export function wrapPureTopLevel(code: string, program: { body: Node[] }): { code: string; values: number; classes: number } {
  const edits: { at: number; end: number; text: string }[] = [];
  let values = 0;
  let classes = 0;
  const body = program.body;
  for (let i = 0; i < body.length; i++) {
    const stmt = body[i] as Node;
    const bound = classBinding(stmt);
    const name = stmt.type === 'ClassDeclaration' ? (stmt.id as { name: string }).name : bound;
    if (name) {
      let last = i;
      while (last + 1 < body.length && setsUpClass(code, body[last + 1] as Node, name)) last++;
      if (last === i) continue;
      const end = (body[last] as Node).end;
      // A class binding is mutable (TypeScript merges namespaces into it: `(function (C) {…})(C || (C = {}))`).
      const kind = bound ? (stmt.kind as string) : 'let';
      const inner = code.slice(stmt.start, end);
      edits.push({ at: stmt.start, end, text: `${kind} ${name} = /* @__PURE__ */ (() => {\n${inner}\nreturn ${name};\n})();` });
      classes++;
      i = last;
    } else if (stmt.type === 'VariableDeclaration') {
      const decls = stmt.declarations as Node[];
      if (decls.length !== 1) continue;
      const init = (decls[0] as Node).init as Node | null;
      if (!init || (init.type !== 'CallExpression' && init.type !== 'NewExpression')) continue;
      edits.push({ at: init.start, end: init.end, text: `/* @__PURE__ */ (() => ${code.slice(init.start, init.end)})()` });
      values++;
    }
  }
  let out = code;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { code: out, values, classes };
}

export function pureTopLevel(files: readonly RegExp[]): Plugin {
  return {
    name: 'mcw-pure-top-level',
    enforce: 'pre',
    transform(code, id) {
      const path = (id.split('?')[0] ?? id).replace(/\\/g, '/');
      if (!files.some((f) => f.test(path))) return null;
      const result = wrapPureTopLevel(code, this.parse(code) as unknown as { body: Node[] });
      // A library update that changes its shape must not silently stop this (the bytes would come back).
      if (result.values === 0 || result.classes === 0) throw new Error(`pureTopLevel: nothing to wrap in ${path}`);
      return { code: result.code, map: null };
    },
  };
}

/** The @solana/web3.js build the worker bundles. */
export const SOLANA_WEB3_FILE = /\/node_modules\/@solana\/web3\.js\/lib\/index\.browser\.esm\.js$/;
/** The @wharfkit/antelope build the worker bundles. */
export const ANTELOPE_FILE = /\/node_modules\/@wharfkit\/antelope\/lib\/antelope\.m\.js$/;
