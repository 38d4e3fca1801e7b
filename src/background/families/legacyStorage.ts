/**
 * An install from before a family became a module kept its network and node URLs under its own
 * storage key (Bitcoin: 'bitcoin'). While that key is present, it is moved into the shared records
 * (familyNetwork, familyEndpoints) and removed, so an upgrade keeps the user's choices. Checked on
 * every read rather than once per worker: a key written by an older copy of the code (or a test
 * that sets it) still takes effect. Names no family: the descriptor says where its old state is.
 */
import type { FamilyDescriptor } from '../../families/types';
import { localArea } from '../storageCache';

export async function moveLegacyStorage(d: FamilyDescriptor, networkKey: string, endpointsKey: string): Promise<void> {
  const legacy = d.legacyStorage;
  if (!legacy) return;
  const got = await localArea.get([legacy.key, networkKey, endpointsKey]);
  const old: unknown = got[legacy.key];
  if (old === undefined) return;
  const { network, endpoints } = legacy.read(old);
  const asMap = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const nets = asMap(got[networkKey]);
  const eps = asMap(got[endpointsKey]);
  const mine = asMap(eps[d.id]);
  const known = network && d.networks.some((n) => n.ref === network);
  await localArea.set({
    ...(known ? { [networkKey]: { ...nets, [d.id]: network } } : {}),
    ...(endpoints && Object.keys(endpoints).length ? { [endpointsKey]: { ...eps, [d.id]: { ...mine, ...endpoints } } } : {}),
  });
  await localArea.remove(legacy.key);
}
