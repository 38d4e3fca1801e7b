/**
 * The AIP-62 wallet's methods behind the shared dApp pipeline (src/background/dapp/pipeline.ts,
 * which enforces lock, permission, approval window and risk): connect, disconnect, account,
 * network, signMessage, signTransaction (a dApp's BCS raw transaction, or a payload to build),
 * signAndSubmitTransaction and signIn. Every input is checked and decoded here, before any window:
 * malformed payloads or bytes, a transaction for another chain id or sender and over-long messages
 * are refused with -32602 and a specific message.
 */
import type { DappCall, DappMethod, DappPrepared, RiskFacts } from '../../types';
import type { RiskWarning } from '../../../protocol/approvals';
import { bytesToHex, hexToBytes } from '../../../core/derive/bytes.ts';
import { ProviderError } from '../../../background/dapp/providerError';
import { revoke } from '../../../background/permissions';
import { entrySignature, type EntrySignature } from '../core/abi.ts';
import { buildEntryFunction, parseEntryInput, rawTransaction } from '../core/build.ts';
import { describePayload, transferIntent, type DecodedCall } from '../core/decode.ts';
import { AptosError } from '../core/errors.ts';
import { buildFullMessage, prepareSignIn, signInSigningMessage } from '../core/message.ts';
import { APT_DECIMALS } from '../core/networks.ts';
import { aptosRiskWarnings, type SimulationFacts } from '../core/risk.ts';
import { accountAuthenticatorBytes, decodeRawTransaction, encodeRawTransaction, signEd25519, signingMessage, type EntryFunction, type Payload, type RawTransaction } from '../core/transaction.ts';
import { longAddress } from '../core/typeTag.ts';
import { formatUnits } from '../core/units.ts';
import { aptBalance } from './assets.ts';
import { nodeFor, type AptosNode } from './node.ts';
import { signAndSubmit, simulate } from './submit.ts';

const MAX_TX_HEX = 128 * 1024;

/** The approval window's warning shape (params as text or numbers). */
const approvalWarnings = (ws: ReturnType<typeof aptosRiskWarnings>): RiskWarning[] =>
  ws.map((w) => ({ code: w.code, severity: w.severity, params: Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)])) }));
const hex = (b: Uint8Array): string => `0x${bytesToHex(b)}`;

/** Aptos errors become dApp errors: bad input -32602 (before any window), the rest -32603. */
function toDappError(err: unknown): unknown {
  if (err instanceof AptosError) {
    const bad = err.code === 'MALFORMED' || err.code === 'MESSAGE_TOO_LONG' || err.code === 'CHAIN_MISMATCH' || err.code === 'UNSUPPORTED';
    return new ProviderError(bad ? -32602 : -32603, bad ? `Invalid params: ${err.message}` : err.message, { reason: err.code });
  }
  return err;
}

function method(gate: DappMethod['gate'], prepare: (call: DappCall, params: Record<string, unknown>) => Promise<DappPrepared>, connects = false): DappMethod {
  return {
    gate,
    ...(connects ? { connects } : {}),
    async prepare(call, params) {
      const p = params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
      try {
        const prepared = await prepare(call, p);
        return { ...prepared, run: async (d) => prepared.run(d).catch((e: unknown) => Promise.reject(toDappError(e))) };
      } catch (err) {
        throw toDappError(err);
      }
    },
  };
}

const publicKeyOf = (call: DappCall): Promise<string> => call.withKey(async (k) => k.publicKey);
const accountOf = async (call: DappCall): Promise<{ address: string; publicKey: string }> => ({ address: call.address, publicKey: await publicKeyOf(call) });
const ready = (v: () => Promise<unknown>): DappPrepared => ({ run: v });

/** The ABI of an entry function, or null when the node has none (display falls back to hex). */
async function signatureOf(node: AptosNode, e: EntryFunction): Promise<EntrySignature | null> {
  try {
    return entrySignature(await node.client.module(e.address, e.module), e.function);
  } catch {
    return null;
  }
}

function callDisplay(call: DecodedCall): Record<string, unknown> {
  return {
    aptos_function: call.function,
    ...(call.typeArgs.length ? { aptos_type_args: call.typeArgs.join(', ') } : {}),
    ...(call.args.length ? { aptos_arguments: call.args.map((a, i) => `${i}: ${a.value} (${a.type})`).join('\n') } : {}),
  };
}

function factsOf(payload: Payload): RiskFacts {
  const t = transferIntent(payload);
  if (t && t.asset.kind === 'apt') return { kind: 'transfer', amount: { value: formatUnits(t.amount, APT_DECIMALS), symbol: 'APT' }, recipient: t.to };
  if (t) return { kind: 'transfer', recipient: t.to, tokenContract: t.asset.kind === 'fa' ? t.asset.metadata : t.asset.kind === 'coin' ? t.asset.type : '' };
  return { kind: 'contract', ...(payload.kind === 'entry' ? { recipient: payload.address } : {}) };
}

function gasDisplay(gasUsed: bigint | null, maxGas: bigint, price: bigint): Record<string, unknown> {
  return {
    ...(gasUsed !== null ? { aptos_fee: `${formatUnits(gasUsed * price, APT_DECIMALS)} APT (${gasUsed} × ${price})` } : {}),
    aptos_max_fee: `${formatUnits(maxGas * price, APT_DECIMALS)} APT`,
  };
}

/** A dApp's JSON payload built with the function's ABI from the node. */
async function buildFromInput(node: AptosNode, input: unknown): Promise<{ payload: EntryFunction; sig: EntrySignature }> {
  const parsed = parseEntryInput(input);
  const sig = entrySignature(await node.client.module(parsed.address, parsed.module).catch((e: unknown) => {
    throw new AptosError('MALFORMED', `The node has no module ${parsed.address}::${parsed.module} (${(e as Error).message.slice(0, 120)})`);
  }), parsed.function);
  return { payload: buildEntryFunction(parsed, sig), sig };
}

const optGas = (v: unknown, what: string): bigint | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw new AptosError('MALFORMED', `${what} must be a positive integer`);
  return BigInt(v);
};

/** Simulation, gas and risk for a payload the wallet will build, sign and submit itself. */
async function planPayload(call: DappCall, node: AptosNode, payload: EntryFunction, sig: EntrySignature | null, params: Record<string, unknown>) {
  const price = optGas(params.gasUnitPrice, 'gasUnitPrice');
  const maxGasIn = optGas(params.maxGasAmount, 'maxGasAmount');
  const sim = await simulate(node, call.address, await publicKeyOf(call), payload, await aptBalance(node.client, call.address), price);
  const gas = { maxGasAmount: maxGasIn ?? sim.maxGasAmount, gasUnitPrice: sim.gasUnitPrice };
  const display = { ...callDisplay(describePayload(payload, sig)), ...gasDisplay(sim.gasUsed, gas.maxGasAmount, gas.gasUnitPrice), aptos_simulation: sim.facts.success ? 'OK' : sim.facts.vmStatus.slice(0, 200) };
  return { gas, display, warnings: approvalWarnings(aptosRiskWarnings(payload, sim.facts)), facts: factsOf(payload) };
}

async function signRaw(call: DappCall, rawBytes: Uint8Array, extras: { feePayer?: string; secondarySigners?: string[] }): Promise<string> {
  return call.withKey(async (k) => {
    const { publicKey, signature } = signEd25519(signingMessage(rawBytes, extras), k.secretKey);
    return hex(accountAuthenticatorBytes(publicKey, signature));
  });
}

function addressList(v: unknown, what: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length > 16 || v.some((x) => typeof x !== 'string')) throw new AptosError('MALFORMED', `${what} must be a list of addresses`);
  return v.map((x) => longAddress(x as string));
}

/** aptos:signTransaction with a dApp-built raw transaction (v1.0). */
async function prepareRawSign(call: DappCall, node: AptosNode, params: Record<string, unknown>): Promise<DappPrepared> {
  if (typeof params.transaction !== 'string' || !/^0x[0-9a-fA-F]*$/.test(params.transaction) || params.transaction.length > MAX_TX_HEX) throw new AptosError('MALFORMED', 'transaction must be the raw transaction as 0x hex BCS');
  const bytes = hexToBytes(params.transaction.slice(2));
  const raw: RawTransaction = decodeRawTransaction(bytes);
  if (raw.chainId !== node.chainId) throw new AptosError('CHAIN_MISMATCH', `The transaction is for chain id ${raw.chainId}, but the wallet is on ${node.network.name} (chain id ${node.chainId}). Switch the wallet's Aptos network first.`);
  const asFeePayer = params.asFeePayer === true;
  const secondarySigners = addressList(params.secondarySigners, 'secondarySigners');
  const feePayerIn = params.feePayer === undefined || params.feePayer === null ? undefined : longAddress(String(params.feePayer));
  const feePayer = asFeePayer ? call.address : feePayerIn;
  if (!asFeePayer && raw.sender !== call.address && !(secondarySigners ?? []).includes(call.address)) throw new AptosError('MALFORMED', `The transaction's sender ${raw.sender} is not the connected account`);
  if (asFeePayer && feePayerIn !== undefined && feePayerIn !== longAddress('0x0') && feePayerIn !== call.address) throw new AptosError('MALFORMED', 'The fee payer is not the connected account');
  if (raw.expirationTimestampSecs * 1000n <= BigInt(Date.now())) throw new AptosError('MALFORMED', 'The transaction has already expired');
  const e = raw.payload.kind === 'entry' ? raw.payload : raw.payload.kind === 'multisig' ? raw.payload.entry : undefined;
  const sig = e ? await signatureOf(node, e) : null;
  let simFacts: SimulationFacts | null = null;
  let gasUsed: bigint | null = null;
  if (raw.sender === call.address && feePayer === undefined && secondarySigners === undefined && raw.payload.kind === 'entry') {
    const sim = await simulate(node, call.address, await publicKeyOf(call), raw.payload, await aptBalance(node.client, call.address), raw.gasUnitPrice).catch(() => null);
    if (sim) {
      simFacts = sim.facts;
      gasUsed = sim.gasUsed;
    }
  }
  const extras = { ...(feePayer !== undefined ? { feePayer } : {}), ...(secondarySigners !== undefined || feePayer !== undefined ? { secondarySigners: secondarySigners ?? [] } : {}) };
  return {
    approval: {
      kind: 'aptos:signTransaction',
      display: {
        ...callDisplay(describePayload(raw.payload, sig)),
        aptos_sender: raw.sender,
        ...(secondarySigners?.length ? { aptos_secondary_signers: secondarySigners.join('\n') } : {}),
        ...(feePayer !== undefined ? { aptos_fee_payer: feePayer } : {}),
        aptos_sequence: raw.sequenceNumber.toString(),
        ...gasDisplay(gasUsed, raw.maxGasAmount, raw.gasUnitPrice),
        aptos_expires: new Date(Number(raw.expirationTimestampSecs) * 1000).toISOString(),
      },
      facts: factsOf(raw.payload),
      warnings: [
        // Co-signing: the called function receives a signer for this account and can move its assets.
        ...(raw.sender !== call.address && !asFeePayer ? [{ code: 'APTOS_CO_SIGNER', severity: 'danger' as const, params: { sender: raw.sender } }] : []),
        ...approvalWarnings(aptosRiskWarnings(raw.payload, simFacts)),
      ],
    },
    run: async () => ({ authenticator: await signRaw(call, bytes, extras), rawTransaction: hex(bytes) }),
  };
}

export const APTOS_DAPP: Readonly<Record<string, DappMethod>> = {
  connect: method('connect', async (call) => {
    const node = await nodeFor(call);
    return ready(async () => ({ account: await accountOf(call), network: node.standard }));
  }),
  account: method('account', async (call) => ready(() => accountOf(call))),
  network: method('safe', async (call) => {
    const node = await nodeFor(call);
    return ready(async () => node.standard);
  }),
  disconnect: method('safe', async (call) => ready(async () => {
    await revoke(call.origin, 'aptos');
    call.emit('accountsChanged', []);
    return null;
  })),
  signMessage: method('approval', async (call, params) => {
    const node = await nodeFor(call);
    const fm = buildFullMessage(params, { address: call.address, application: call.origin, chainId: node.chainId });
    return {
      approval: { kind: 'aptos:signMessage', display: { aptos_full_message: fm.fullMessage } },
      run: async () =>
        call.withKey(async (k) => ({ ...fm, signature: hex(signEd25519(new TextEncoder().encode(fm.fullMessage), k.secretKey).signature) })),
    };
  }),
  signIn: method(
    'approval',
    async (call, params) => {
      const node = await nodeFor(call);
      const { input, text } = prepareSignIn(params.input ?? {}, { origin: call.origin, address: call.address, network: node.standard.name });
      return {
        approval: { kind: 'aptos:signIn', display: { aptos_full_message: text } },
        run: async () => {
          const account = await accountOf(call);
          const signature = await call.withKey(async (k) => hex(signEd25519(signInSigningMessage(text), k.secretKey).signature));
          return { account, input, signature, type: 'ed25519' };
        },
      };
    },
    true,
  ),
  signTransaction: method('approval', async (call, params) => {
    const node = await nodeFor(call);
    if (params.transaction !== undefined) return prepareRawSign(call, node, params);
    // v1.1: a payload the wallet builds (sequence number and gas from the node), signs, returns.
    const { payload, sig } = await buildFromInput(node, params.payload);
    const plan = await planPayload(call, node, payload, sig, params);
    return {
      approval: { kind: 'aptos:signTransaction', display: plan.display, facts: plan.facts, warnings: plan.warnings },
      run: async () => {
        const acc = await node.client.account(call.address);
        const raw = rawTransaction({ sender: call.address, sequenceNumber: BigInt(acc?.sequence_number ?? '0'), payload, ...plan.gas, nowSecs: Date.now() / 1000, chainId: node.chainId });
        const bytes = encodeRawTransaction(raw);
        return { authenticator: await signRaw(call, bytes, {}), rawTransaction: hex(bytes) };
      },
    };
  }),
  signAndSubmitTransaction: method('approval', async (call, params) => {
    const node = await nodeFor(call);
    const { payload, sig } = await buildFromInput(node, params.payload);
    const plan = await planPayload(call, node, payload, sig, params);
    return {
      approval: { kind: 'aptos:signAndSubmitTransaction', display: plan.display, facts: plan.facts, warnings: plan.warnings },
      run: async () => ({ hash: (await signAndSubmit(call, node, payload, plan.gas)).hash }),
    };
  }),
};
