/**
 * src/build/pureTopLevel.ts: the rewrite keeps a module's behaviour (same values, same evaluation
 * order, class statics set) and lets Rolldown drop what nothing reads — on a small module and on the
 * real @solana/web3.js, bundled with and without the plugin.
 */
import { fileURLToPath } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { ANTELOPE_FILE, pureTopLevel, SOLANA_WEB3_FILE, wrapPureTopLevel } from '../../src/build/pureTopLevel';

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
(function (Other) { Other.merged = true; })(Other || (Other = {}));
var __decorate = (decorators, target, key) => { for (const d of decorators) target = d(target, key) || target; return key ? undefined : target; };
var Decorated_1;
let Decorated = Decorated_1 = class Decorated { static self() { return Decorated_1; } };
__decorate([(proto, key) => { proto[key + 'Field'] = log.push('field'); }], Decorated.prototype, 'x', void 0);
Decorated = Decorated_1 = __decorate([(c) => { c.abiName = 'decorated'; return c; }], Decorated);
export { used, unused, Thing, Other, Decorated };
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
    expect(wrapped.classes).toBe(3);
    expect(wrapped.code).toContain('let Decorated = /* @__PURE__ */ (() => {');
    expect(wrapped.code).toContain('let Thing = /* @__PURE__ */ (() => {');
    const before = evaluate(LIB);
    const after = evaluate(wrapped.code);
    expect(after.log).toEqual(['used', 'unused', 'other', 'field']);
    expect(after.log).toEqual(before.log);
    const Thing = after.Thing as { zero: { v: number; name: string } };
    expect(Thing.zero.v).toBe(0);
    expect(Thing.zero.name).toBe('Thing');
    expect((after.Other as { tag: number }).tag).toBe(3);
    expect((after.Other as { merged: boolean }).merged).toBe(true);
    const Decorated = after.Decorated as { abiName: string; self(): unknown; prototype: { xField: number } };
    expect(Decorated.abiName).toBe('decorated');
    expect(Decorated.self()).toBe(Decorated);
    expect(Decorated.prototype.xField).toBe(4);
  });

  it('lets the bundler drop values and classes nothing reads', async () => {
    const files = { entry: "import { Thing } from 'lib'; console.log(Thing.zero.v);", lib: LIB };
    const rewrite: Plugin = { name: 'rewrite', transform: (code, id) => (id === 'lib' ? wrapPureTopLevel(code, parseAst(code) as never).code : null) };
    const plain = await bundle('entry', files);
    const shaken = await bundle('entry', files, [rewrite]);
    expect(plain).toContain('unused');
    expect(shaken).not.toContain("'unused'");
    // Other stays: the namespace merged into it after its set-up is a top-level side effect.
    expect(shaken).toContain('Other.merged = true');
    expect(shaken).not.toContain('Decorated');
    expect(shaken).toContain('Thing.zero = new _Thing(0)');
  });
});

/** Bundles an entry module (Rolldown, browser platform) with the given plugins. */
async function buildEntry(entry: string, plugins: Plugin[]): Promise<string> {
  const build = await rolldown({
    input: 'entry',
    plugins: [{ name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? entry : null) }, ...plugins],
    platform: 'browser',
    logLevel: 'silent',
  });
  const { output } = await build.generate({ format: 'esm' });
  await build.close();
  return output[0].code;
}

const run = async (code: string): Promise<string> => ((await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { hex: string }).hex;

describe('pureTopLevel on @solana/web3.js and @wharfkit/antelope', () => {
  const web3 = fileURLToPath(new URL('../../node_modules/@solana/web3.js/lib/index.browser.esm.js', import.meta.url));
  const entry = `
    import { PublicKey, SystemProgram, ComputeBudgetProgram, TransactionMessage, VersionedMessage } from ${JSON.stringify(web3)};
    const from = new PublicKey('4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T');
    const msg = new TransactionMessage({ payerKey: from, recentBlockhash: '11111111111111111111111111111111',
      instructions: [ComputeBudgetProgram.setComputeUnitLimit({ units: 200000 }),
        SystemProgram.transfer({ fromPubkey: from, toPubkey: PublicKey.default, lamports: 5 })] }).compileToV0Message();
    export const hex = Buffer.from(VersionedMessage.deserialize(msg.serialize()).serialize()).toString('hex');
  `;
  const buildWith = (plugins: Plugin[]): Promise<string> => buildEntry(entry, plugins);

  it('matches the web3.js file and drops the programs the wallet does not use, same message bytes', { timeout: 120_000 }, async () => {
    expect(SOLANA_WEB3_FILE.test(web3.replace(/\\/g, '/'))).toBe(true);
    const plain = await buildWith([]);
    const shaken = await buildWith([pureTopLevel([SOLANA_WEB3_FILE]) as unknown as Plugin]);
    for (const gone of ['Vote111111111111111111111111111111111111111', 'Stake11111111111111111111111111111111111111', 'BPFLoader2111111111111111111111111111111111', 'GetEpochInfoResult']) {
      expect(plain).toContain(gone);
      expect(shaken).not.toContain(gone);
    }
    expect(shaken.length).toBeLessThan(plain.length);
    const [a, b] = [await run(plain), await run(shaken)];
    expect(b).toBe(a);
    expect(a).toMatch(/^80/); // a v0 message
  });

  it('matches the antelope file and drops its API/P2P types, same transaction bytes', { timeout: 120_000 }, async () => {
    const antelope = fileURLToPath(new URL('../../node_modules/@wharfkit/antelope/lib/antelope.m.js', import.meta.url));
    expect(ANTELOPE_FILE.test(antelope.replace(/\\/g, '/'))).toBe(true);
    const eosEntry = `
      import { Action, Name, Serializer, Transaction } from ${JSON.stringify(antelope)};
      const abi = { version: 'eosio::abi/1.1', structs: [{ name: 'transfer', base: '', fields: [
        { name: 'from', type: 'name' }, { name: 'to', type: 'name' }, { name: 'quantity', type: 'asset' }, { name: 'memo', type: 'string' }] }],
        actions: [{ name: 'transfer', type: 'transfer', ricardian_contract: '' }] };
      const action = Action.from({ account: 'eosio.token', name: 'transfer', authorization: [{ actor: 'alice', permission: 'active' }],
        data: { from: 'alice', to: 'bob', quantity: '1.0000 EOS', memo: 'hi' } }, abi);
      const tx = Transaction.from({ expiration: '2026-01-01T00:00:00', ref_block_num: 1, ref_block_prefix: 2, actions: [action] });
      export const hex = Serializer.encode({ object: tx }).hexString + Name.from('alice').value.toString();
    `;
    const plain = await buildEntry(eosEntry, []);
    const shaken = await buildEntry(eosEntry, [pureTopLevel([ANTELOPE_FILE]) as unknown as Plugin]);
    for (const gone of ['get_producer_schedule_response', 'handshake_message', 'account_linked_action']) {
      expect(plain).toContain(gone);
      expect(shaken).not.toContain(gone);
    }
    const [a, b] = [await run(plain), await run(shaken)];
    expect(b).toBe(a);
    expect(a).toContain('00a6823403ea3055'); // eosio.token's account name (u64 little-endian) in the packed action
  });
});
