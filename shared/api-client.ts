// The typed Api the UI uses, built once over whichever Bridge the UI runs on. It needs no list of the methods (and so
// none of the contract's schemas, which would weigh down the UI's start): the far side checks every name it is sent.
import type { Api, CallOptions, MethodName } from './api.ts';
import type { Bridge } from './bridge.ts';
import { fromErrorPayload } from './errors.ts';

let counter = 0;

export function createApiClient(bridge: Bridge): Api {
  const call = async (method: MethodName, args: unknown, options: CallOptions = {}) => {
    const callId = `${Date.now().toString(36)}-${(counter++).toString(36)}`;
    const stopListening = options.onProgress
      ? bridge.onProgress((id, p) => id === callId && options.onProgress!(p))
      : undefined;
    const onAbort = () => void bridge.cancel(callId);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await bridge.invoke(method, args, callId);
      if (!result.ok) throw fromErrorPayload(result.error);
      return result.value;
    } finally {
      stopListening?.();
      options.signal?.removeEventListener('abort', onAbort);
    }
  };
  return new Proxy({} as Api, {
    // "then" is asked of anything awaited: the client is not a promise.
    get: (_target, name) => (typeof name === 'string' && name !== 'then' ? (args: unknown, options?: CallOptions) => call(name as MethodName, args, options) : undefined),
  });
}
