// The typed Api the UI uses, built once over whichever Bridge the UI runs on.
import { METHOD_NAMES, type Api, type CallOptions, type MethodName } from './api.ts';
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
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, (args: unknown, options?: CallOptions) => call(name, args, options)])) as Api;
}
