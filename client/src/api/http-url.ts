/** `POST <base>/api/<function>`; the base has no trailing slash requirement. */
export function functionUrl(apiBase: string, name: string): string {
  return `${apiBase.replace(/\/+$/, '')}/api/${encodeURIComponent(name)}`;
}

export function requestHeaders(token: string | null): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}
