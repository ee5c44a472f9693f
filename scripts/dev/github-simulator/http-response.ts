/** The answer a route computes, before the server adds rate-limit headers and writes it out. */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON; `undefined` sends no body. */
  body?: unknown;
}

export const REST_DOCS = 'https://docs.github.com/rest';

/** GitHub's REST error body: `{ message, documentation_url, status }`. */
export function restError(status: number, message: string, documentationUrl = REST_DOCS): SimResponse {
  return { status, body: { message, documentation_url: documentationUrl, status: String(status) } };
}

export function notFoundResponse(documentationUrl = REST_DOCS): SimResponse {
  return restError(404, 'Not Found', documentationUrl);
}
