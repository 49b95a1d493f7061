// A minimal Graph API client for the Send API: one POST per call, no retries (the outbox owns those).

import { NetworkError } from '../../core/errors';
import { classifyGraphFailure, graphErrorOf } from './graph-errors';

/** The Graph API version every call goes to. */
export const GRAPH_API_VERSION = 'v25.0';

/** Where Graph lives unless MESSENGER_GRAPH_API_URL says otherwise. */
export const DEFAULT_GRAPH_API_URL = 'https://graph.facebook.com';

export interface GraphClientOptions {
  graphApiUrl?: string | undefined;
  pageAccessToken: string;
  fetch?: typeof fetch;
}

/** POSTs JSON to the Graph API as the Page. */
export interface GraphClient {
  readonly baseUrl: string;
  /** POSTs `body` to `/<version><path>`; resolves with the parsed answer, throws PlatformError or NetworkError. */
  post(path: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>>;
}

/** Creates a client. The Page token goes in an Authorization header, never in a URL that could be logged. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = (options.graphApiUrl || DEFAULT_GRAPH_API_URL).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  // Graph accepts an OAuth 2.0 bearer token in the header as well as the access_token parameter.
  const authorization = `Bearer ${options.pageAccessToken}`;
  return {
    baseUrl,
    async post(path, body, signal) {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(`${baseUrl}/${GRAPH_API_VERSION}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify(body),
          ...(signal ? { signal } : {}),
        });
        text = await response.text();
      } catch (error) {
        // A timeout or cancellation is the caller's own signal: pass it on as it is.
        if (signal?.aborted) throw signal.reason ?? error;
        throw new NetworkError('could not reach the Graph API', { cause: error });
      }
      const json = parseJson(text);
      if (!response.ok || graphErrorOf(json)) throw classifyGraphFailure(response.status, json, response.headers);
      return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
