// The console's only way to the service: the public HTTP API, same origin.
//
// The access token lives in this module's memory and nowhere else. Web storage and cookies
// outlive the page and are readable by anything that runs in it later; a counter PC is shared,
// so reloading or closing the page must end the session.

let session = null;

/**
 * What the console needs to know of the signed-in clerk, read from the token's claims without
 * checking its signature: it only chooses what to show. The API decides what may be done.
 */
export function caller() {
  return session && session.caller;
}

export function signOut() {
  session = null;
}

/** Signs in with HTTP Basic; resolves to { ok, status, problem, retryAfter }. */
export async function signIn(username, password) {
  signOut();
  const response = await send('POST', '/api/v1/auth/token', {
    Authorization: `Basic ${base64(new TextEncoder().encode(`${username}:${password}`))}`,
  });
  if (!response.ok) {
    return response;
  }
  const token = response.body && response.body.access_token;
  const claims = token && decodeClaims(token);
  if (!claims) {
    return { ok: false, status: 0, problem: {} };
  }
  session = {
    token,
    caller: {
      username: String(claims.sub || username),
      role: String(claims.role || ''),
      branchCode: claims.branchCode ? String(claims.branchCode) : null,
      expiresAt: claims.exp ? claims.exp * 1000 : Date.now() + (response.body.expires_in || 900) * 1000,
    },
  };
  return response;
}

export function get(path) {
  return authorised('GET', path);
}

/** A POST with an Idempotency-Key, so that a retry after a lost answer is never carried out twice. */
export function post(path, body, idempotencyKey) {
  return authorised('POST', path, { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    JSON.stringify(body));
}

export function newIdempotencyKey() {
  // crypto.randomUUID exists only on HTTPS or localhost; getRandomValues works everywhere.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function authorised(method, path, headers = {}, body) {
  if (!session) {
    return { ok: false, status: 401, problem: { code: 'UNAUTHENTICATED' } };
  }
  const response = await send(method, path, { ...headers, Authorization: `Bearer ${session.token}` }, body);
  if (response.status === 401) {
    signOut();
  }
  return response;
}

/**
 * Resolves to { ok, status, body, problem, retryAfter }; rejects only when the service cannot
 * be reached. credentials 'omit': the browser neither sends cookies nor pops up its own
 * sign-in dialog on a 401 with WWW-Authenticate: Basic.
 */
async function send(method, path, headers, body) {
  const response = await fetch(path, {
    method,
    headers: { Accept: 'application/json, application/problem+json', ...headers },
    body,
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
  });
  const type = response.headers.get('Content-Type') || '';
  let json = null;
  if (type.includes('json')) {
    try {
      json = await response.json();
    } catch {
      json = null;
    }
  }
  return {
    ok: response.ok,
    status: response.status,
    body: response.ok ? json : null,
    problem: response.ok ? null : (json || {}),
    retryAfter: response.headers.get('Retry-After'),
  };
}

function decodeClaims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = payload + '='.repeat((4 - (payload.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

function base64(bytes) {
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
}
