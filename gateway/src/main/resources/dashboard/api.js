// The REST API as the dashboard calls it: the API key of this tab, problem details, server-sent events.

const KEY = 'simplecrawler.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: (key) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An answer that is not 2xx: its status and RFC 9457 problem (title, detail, errors[{field, message}]). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let askForKey = null;

/** Sets what asks the person for a key when the API answers 401; it resolves once a key is set. */
export function onKeyNeeded(ask) {
  askForKey = ask;
}

function headers(extra = {}) {
  const key = apiKey.get();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

async function problemOf(response) {
  try {
    const body = await response.json();
    return typeof body === 'object' && body ? body : { title: response.statusText };
  } catch {
    return { title: response.statusText || `HTTP ${response.status}` };
  }
}

async function send(path, init) {
  for (;;) {
    const response = await fetch(path, { ...init, headers: headers(init.headers) });
    if (response.status === 401 && askForKey) {
      apiKey.clear();
      await askForKey(await problemOf(response));
      continue;
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problemOf(response));
    }
    return response;
  }
}

/** GET, POST or DELETE a JSON resource; resolves to the body (null for 204). */
export async function api(path, { method = 'GET', body, signal } = {}) {
  const init = { method, signal, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await send(path, init);
  return response.status === 204 ? null : response.json();
}

/** Downloads a result file with this tab's key (a plain link could not send it). */
export async function download(url, name) {
  const response = await send(url, { headers: {} });
  const blob = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = blob;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(blob), 10_000);
}

/**
 * Reads a server-sent event stream with this tab's key (EventSource cannot send headers) and
 * calls onEvent(name, data) for each event; resolves when the server ends the stream.
 */
export async function events(path, onEvent, signal) {
  const response = await send(path, { signal, headers: { Accept: 'text/event-stream' } });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}
