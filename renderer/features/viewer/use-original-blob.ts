// An original shown by the browser itself (a picture): fetched through the bridge, with its headers, and shown from a
// blob URL that lives as long as the component, so that no original is ever reachable by a bare address.
import { useEffect, useState } from 'react';
import { bridge } from '../../api/api.ts';

export function useOriginalBlobUrl(sha256: string): { url: string | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });
  useEffect(() => {
    const abort = new AbortController();
    let url: string | null = null;
    setState({ url: null, error: null });
    const { url: address, headers } = bridge.originalRequest(sha256);
    fetch(address, { headers, signal: abort.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The original could not be read (${response.status}).`);
        url = URL.createObjectURL(await response.blob());
        if (abort.signal.aborted) URL.revokeObjectURL(url);
        else setState({ url, error: null });
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setState({ url: null, error: (e as Error).message });
      });
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [sha256]);
  return state;
}
