/** The extension pages' only way to the wallet: typed requests to the background. */
import { browser } from 'wxt/browser';
import type { UiErrorShape, UiEvent, UiMessage, UiMethod, UiRequests, UiResponse } from '../protocol/ui';

export class UiError extends Error {
  constructor(readonly shape: UiErrorShape) {
    super(shape.message);
    this.name = 'UiError';
  }
  get code(): string {
    return this.shape.code;
  }
}

export async function call<M extends UiMethod>(method: M, params: UiRequests[M]['params']): Promise<UiRequests[M]['result']> {
  const msg: UiMessage<M> = { kind: 'ui', method, params };
  return unwrap<M>((await browser.runtime.sendMessage(msg)) as UiResponse<M> | undefined);
}

/** The result of a background answer, or its error as a UiError. */
export function unwrap<M extends UiMethod>(res: UiResponse<M> | undefined): UiRequests[M]['result'] {
  if (!res) throw new UiError({ code: 'NO_RESPONSE', message: 'The wallet service did not answer' });
  if (!res.ok) throw new UiError(res.error);
  return res.result;
}

export function onWalletEvent(fn: (e: UiEvent['event']) => void): () => void {
  const listener = (msg: unknown): undefined => {
    if (typeof msg === 'object' && msg !== null && (msg as UiEvent).kind === 'event') fn((msg as UiEvent).event);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
