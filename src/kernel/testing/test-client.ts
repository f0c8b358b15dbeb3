import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * Drives the app through app.inject() as a browser would: keeps cookies between requests and sends the
 * page's CSRF token with each form, so tests exercise the real protections rather than switching them off.
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.send({ method: 'GET', url, headers });
  }

  /** Posts a form with a fresh CSRF token taken from a page, as a browser form would carry it. */
  async post(url: string, form: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const csrf = await this.csrfToken();
    return this.postRaw(url, { _csrf: csrf, ...form });
  }

  /** Posts a form exactly as given: no CSRF token unless the test adds one. */
  async postRaw(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.send({
      method: 'POST',
      url,
      payload: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Sends a file's bytes as the browser's upload script does: the body is the file, the fields in the query. */
  async upload(url: string, file: string | Buffer): Promise<LightMyRequestResponse> {
    return this.send({
      method: 'POST',
      url,
      payload: file,
      headers: {
        'content-type': 'application/octet-stream',
        accept: 'application/json',
        'x-csrf-token': await this.csrfToken(),
      },
    });
  }

  async csrfToken(): Promise<string> {
    const page = await this.get('/accessibility');
    const token = /<meta name="csrf-token" content="([^"]+)">/.exec(page.body)?.[1];
    if (!token) throw new Error('No CSRF token on the page');
    return token;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private async send(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookieHeader = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      ...options,
      headers: { ...(options.headers ?? {}), ...(cookieHeader ? { cookie: cookieHeader } : {}) },
    });
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() <= Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }
}
