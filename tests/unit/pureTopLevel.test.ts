/**
 * src/build/pureTopLevel.ts: the rewrite keeps a module's behaviour (same values, same evaluation
 * order, class statics set) and lets Rolldown drop what nothing reads — on a small module and on the
 * real @solana/web3.js, bundled with and without the plugin.
 */
import { fileURLToPath } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { pureTopLevel, SOLANA_WEB3_FILE, wrapPureTopLevel } from '../../src/build/pureTopLevel';

const LIB = `
export const log = [];
const used = Object.freeze({ n: log.push('used') });
const unused = new Map([[log.push('unused'), 2]]);
let _Thing;
class Thing { constructor(v) { this.v = v; } }
_Thing = Thing;
Thing.zero = new _Thing(0);
Object.defineProperty(Thing.prototype, 'name', { value: 'Thing' });
class Other {}
Other.tag = log.push('other');
export { used, unused, Thing, Other };
`;

/** Evaluates an ES module text (exports turned into a returned object). */
function evaluate(code: string): Record<string, unknown> {
  const body = code.replace(/export const log/, 'const log').replace(/export \{([^}]*)\};/, 'return { log, $1 };');
  return new Function(body)() as Record<string, unknown>;
}

async function bundle(entry: string, files: Record<string, string>, plugins: Plugin[] = []): Promise<string> {
  const virtual: Plugin = {
    name: 'virtual',
    resolveId: (id) => (id in files ? id : null),
    load: (id) => files[id] ?? null,
  };
  const build = await rolldown({ input: entry, plugins: [virtual, ...plugins], logLevel: 'silent' });
  const { output } = await build.generate({ format: 'esm' });
  await build.close();
  return output[0].code;
}

describe('wrapPureTopLevel', () => {
  it('wraps top-level call/new initializers and classes with their set-up statements, keeping behaviour', () => {
    const wrapped = wrapPureTopLevel(LIB, parseAst(LIB) as never);
    expect(wrapped.values).toBe(2);
    expect(wrapped.classes).toBe(2);
    expect(wrapped.code).toContain('const Thing = /* @__PURE__ */ (() => {');
    const before = evaluate(LIB);
    const after = evaluate(wrapped.code);
    expect(after.log).toEqual(['used', 'unused', 'other']);
    expect(after.log).toEqual(before.log);
    const Thing = after.Thing as { zero: { v: number; name: string } };
    expect(Thing.zero.v).toBe(0);
    expect(Thing.zero.name).toBe('Thing');
    expect((after.Other as { tag: number }).tag).toBe(3);
  });

  it('lets the bundler drop values and classes nothing reads', async () => {
    const files = { entry: "import { Thing } from 'lib'; console.log(Thing.zero.v);", lib: LIB };
    const rewrite: Plugin = { name: 'rewrite', transform: (code, id) => (id === 'lib' ? wrapPureTopLevel(code, parseAst(code) as never).code : null) };
    const plain = await bundle('entry', files);
    const shaken = await bundle('entry', files, [rewrite]);
    expect(plain).toContain('unused');
    expect(shaken).not.toContain("'unused'");
    expect(shaken).not.toContain('Other');
    expect(shaken).toContain('Thing.zero = new _Thing(0)');
  });
});

describe('pureTopLevel on @solana/web3.js', () => {
  const web3 = fileURLToPath(new URL('../../node_modules/@solana/web3.js/lib/index.browser.esm.js', import.meta.url));
  const entry = `
    import { PublicKey, SystemProgram, ComputeBudgetProgram, TransactionMessage, VersionedMessage } from ${JSON.stringify(web3)};
    const from = new PublicKey('4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T');
    const msg = new TransactionMessage({ payerKey: from, recentBlockhash: '11111111111111111111111111111111',
      instructions: [ComputeBudgetProgram.setComputeUnitLimit({ units: 200000 }),
        SystemProgram.transfer({ fromPubkey: from, toPubkey: PublicKey.default, lamports: 5 })] }).compileToV0Message();
    export const hex = Buffer.from(VersionedMessage.deserialize(msg.serialize()).serialize()).toString('hex');
  `;
  const buildWith = async (plugins: Plugin[]): Promise<string> => {
    const build = await rolldown({
      input: 'entry',
      plugins: [{ name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? entry : null) }, ...plugins],
      platform: 'browser',
      logLevel: 'silent',
    });
    const { output } = await build.generate({ format: 'esm' });
    await build.close();
    return output[0].code;
  };

  it('matches the web3.js file and drops the programs the wallet does not use, same message bytes', { timeout: 120_000 }, async () => {
    expect(SOLANA_WEB3_FILE.test(web3.replace(/\\/g, '/'))).toBe(true);
    const plain = await buildWith([]);
    const shaken = await buildWith([pureTopLevel([SOLANA_WEB3_FILE]) as unknown as Plugin]);
    for (const gone of ['Vote111111111111111111111111111111111111111', 'Stake11111111111111111111111111111111111111', 'BPFLoader2111111111111111111111111111111111', 'GetEpochInfoResult']) {
      expect(plain).toContain(gone);
      expect(shaken).not.toContain(gone);
    }
    expect(shaken.length).toBeLessThan(plain.length);
    const run = async (code: string): Promise<string> => ((await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { hex: string }).hex;
    const [a, b] = [await run(plain), await run(shaken)];
    expect(b).toBe(a);
    expect(a).toMatch(/^80/); // a v0 message
  });
});
