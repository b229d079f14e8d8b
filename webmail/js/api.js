// The one way to the server's JSON API: same-origin fetch with the session cookie, the CSRF header on
// every state-changing request, JSON in and out, and errors as ApiError carrying the server's French
// message ({"error": "…"}) and its body (the 422 refusals, the 403 right).
import { t } from './i18n.js';

let csrfToken = null;
let onUnauthorized = () => {};

/** An API call that did not succeed. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body ?? null;
  }
}

/** Sets the token sent in X-CSRF-Token (from the session). */
export function setCsrfToken(token) {
  csrfToken = token;
}

/** Called when the server answers 401 to a signed-in request (the session ended). */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

const SAFE = new Set(['GET', 'HEAD']);

async function request(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (!SAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: options.signal, keepalive: Boolean(options.keepalive) });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, t('error.network'));
  }
  const data = await readBody(response);
  if (response.ok) return data;
  if (response.status === 401 && !options.allow401) onUnauthorized();
  const message = data && typeof data === 'object' && data.error ? data.error : t('error.http', { status: response.status });
  throw new ApiError(response.status, message, data);
}

async function readBody(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try { return await response.json(); } catch { return null; }
  }
  const text = await response.text();
  return text.length ? text : null;
}

/** GET; `query` values that are null, undefined or "" are left out. */
export function get(path, query, options) {
  return request('GET', withQuery(path, query), undefined, options);
}

export function post(path, body, options) {
  return request('POST', path, body ?? {}, options);
}

export function put(path, body, options) {
  return request('PUT', path, body ?? {}, options);
}

export function patch(path, body, options) {
  return request('PATCH', path, body ?? {}, options);
}

export function del(path, options) {
  return request('DELETE', path, undefined, options);
}

/**
 * Sends a file as multipart/form-data (field "file"), reporting progress (XMLHttpRequest: fetch has
 * no upload progress).
 * @returns {{promise: Promise<any>, abort: () => void}}
 */
export function upload(path, file, onProgress) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else {
        if (xhr.status === 401) onUnauthorized();
        reject(new ApiError(xhr.status, data?.error ?? t('error.http', { status: xhr.status }), data));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, t('error.network'))));
    xhr.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** `path?key=value&…`, skipping empty values. */
export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Encodes an opaque id for a path segment. */
export function seg(id) {
  return encodeURIComponent(String(id));
}
