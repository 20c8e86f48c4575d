import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../../shared/file/schema.ts';
import { createReport } from '../../../shared/model/report.ts';
import type { ReportFormats } from '../../../electron/services/handlers.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/content.ts';
import { insideFolder } from '../../../electron/webhost/confine.ts';
import { PortInUseError, startWebHost } from '../../../electron/webhost/server.ts';
import type { WebHost } from '../../../electron/webhost/server.ts';

const formats: ReportFormats = {
  codec: { serialize: (r) => JSON.stringify(r), parse: (t) => ReportSchema.parse(JSON.parse(t)) },
  exporters: { docx: () => new Uint8Array([0x50, 0x4b, 3, 4]), text: (r) => `${r.organ}\n`, html: (r) => `<p>${r.organ}</p>` },
  importers: {
    read: () => {
      throw new Error('unused');
    },
  },
};

let dir: string;
let workspace: string;
let host: WebHost;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-web-'));
  workspace = join(dir, 'workspace');
  const rendererDir = join(dir, 'renderer');
  await mkdir(workspace);
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/app.js"></script></head><body></body></html>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  host = await startWebHost({ port: 0, workspace, rendererDir, userData: join(dir, 'userData'), formats });
});
afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

async function post(method: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(`/__nianbao/api/${method}`, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; message?: string } };
}

const report = createReport({ format: 'gov2021', year: 2024, organ: '甲镇人民政府' });

describe('web host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('serves the editor with the bridge script injected before it, and the CSP', async () => {
    const response = await fetch(host.url);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(html.indexOf('/__nianbao_bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('/__nianbao_bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'));
    const script = await fetch(new URL('/__nianbao_bridge.js', host.url));
    expect(script.headers.get('content-type')).toContain('javascript');
    const code = await script.text();
    expect(code).toContain('openReport');
    expect(() => new Function(code)).not.toThrow();
    expect((await fetch(new URL('/assets/app.js', host.url))).status).toBe(200);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL(host.url);
        // fetch would normalize the path; send it raw.
        request({ host: url.hostname, port: url.port, path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status, path).toBe(404);
    }
  });

  it('saves into the workspace and opens it again', async () => {
    const saved = await post('saveReportAs', { args: [report], dialog: '甲镇' });
    expect(saved.body).toEqual({ ok: true, value: { path: join(workspace, '甲镇.nianbao'), name: '甲镇.nianbao' } });
    expect(JSON.parse(await readFile(join(workspace, '甲镇.nianbao'), 'utf8')).organ).toBe('甲镇人民政府');
    const opened = await post('openReport', { args: [], dialog: '甲镇.nianbao' });
    expect(opened.body).toMatchObject({ ok: true, value: { name: '甲镇.nianbao', report: { organ: '甲镇人民政府' } } });
    const again = await post('saveReport', { args: [report, join(workspace, '甲镇.nianbao')] });
    expect(again.body.ok).toBe(true);
  });

  it('treats a missing answer as a cancelled dialog', async () => {
    expect((await post('openReport', { args: [] })).body).toEqual({ ok: true, value: null });
  });

  it('refuses dialog answers outside the workspace', async () => {
    const result = await post('openReport', { args: [], dialog: '../secret.txt' });
    expect(result.body).toEqual({ ok: false, message: expect.stringContaining('工作区') });
  });

  it('exports into the workspace', async () => {
    const result = await post('exportDocx', { args: [report, {}], dialog: '报告.docx' });
    expect(result.body).toMatchObject({ ok: true, value: { name: '报告.docx' } });
    expect([...(await readFile(join(workspace, '报告.docx')))]).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('refuses a path that was never handed out', async () => {
    const result = await post('saveReport', { args: [report, join(dir, 'secret.txt')] });
    expect(result.body).toEqual({ ok: false, message: expect.stringContaining('已拒绝') });
    expect(await readFile(join(dir, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('refuses a drop claim, even one that matches a file outside the workspace on disk', async () => {
    const secret = join(dir, 'secret.txt');
    const info = await stat(secret);
    const result = await post('countyReadDropped', { args: [[{ path: secret, size: info.size, lastModified: Math.floor(info.mtimeMs) }]] });
    expect(result.body).toEqual({ ok: false, message: expect.stringContaining('选择文件夹') });
  });

  it('refuses malformed and foreign requests', async () => {
    expect((await post('autosave', { args: [{ ...report, year: 'x' }] })).status).toBe(400);
    expect((await post('autosave', { args: [report], extra: 1 })).status).toBe(400);
    expect((await post('noSuchMethod', { args: [] })).status).toBe(404);
    expect((await post('__proto__', { args: [] })).status).toBe(404);
    expect((await post('listRecent', { args: [] }, { Origin: 'http://evil.example' })).status).toBe(403);
    const wrongType = await fetch(new URL('/__nianbao/api/listRecent', host.url), {
      method: 'POST',
      body: '{"args":[]}',
      headers: { 'Content-Type': 'text/plain', 'X-Nianbao-Token': host.token },
    });
    expect(wrongType.status).toBe(415);
  });

  it('refuses a rebound host name', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(host.url);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/__nianbao/api/listRecent',
          method: 'POST',
          headers: { Host: `evil.example:${url.port}`, 'Content-Type': 'application/json', 'X-Nianbao-Token': host.token },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{"args":[]}');
    });
    expect(status).toBe(403);
  });

  it('autosaves and recovers', async () => {
    expect((await post('autosave', { args: [report] })).body).toEqual({ ok: true, value: null });
    expect((await post('recoverAutosave', { args: [] })).body).toMatchObject({ ok: true, value: { path: null, report: { organ: '甲镇人民政府' } } });
  });

  it('asks the page about a file changed on disk, then acts on the answer sent with the call again', async () => {
    expect((await post('saveReportAs', { args: [report], dialog: 'a.nianbao' })).body).toMatchObject({ ok: true });
    const path = join(workspace, 'a.nianbao');
    await writeFile(path, JSON.stringify({ ...report, organ: '另一位同事' }));
    const save = { args: [{ ...report, organ: '我的修改' }, path] };
    expect((await post('saveReport', save)).body).toEqual({ needDialog: { kind: 'conflict', name: 'a.nianbao', conflict: 'changed' } });
    expect(JSON.parse(await readFile(path, 'utf8')).organ).toBe('另一位同事');
    // 另存为 needs a file name next; with it, the copy is written and the other save stays.
    expect((await post('saveReport', { ...save, conflict: 'saveAs' })).body).toEqual({ needDialog: { kind: 'save' } });
    expect((await post('saveReport', { ...save, conflict: 'saveAs', dialog: 'b.nianbao' })).body).toMatchObject({ ok: true, value: { name: 'b.nianbao' } });
    expect(JSON.parse(await readFile(path, 'utf8')).organ).toBe('另一位同事');
    expect((await post('saveReport', { ...save, conflict: 'overwrite' })).body).toMatchObject({ ok: true, value: { name: 'a.nianbao' } });
    expect(JSON.parse(await readFile(path, 'utf8')).organ).toBe('我的修改');
    expect((await post('saveReport', { ...save, conflict: 'never' })).status).toBe(400);
  });
});

describe('the run token', () => {
  it('is in the address fragment only, never sent to the server, and differs per run', async () => {
    const url = new URL(host.url);
    expect(url.hash).toBe(`#token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(`${url.origin}`).toBe(host.origin);
    const other = await startWebHost({ port: 0, workspace, rendererDir: join(dir, 'renderer'), userData: join(dir, 'userData2'), formats });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it.each([
    ['no token', {}],
    ['an empty token', { 'X-Nianbao-Token': '' }],
    ['a wrong token of the same length', { 'X-Nianbao-Token': 'f'.repeat(64) }],
    ['a prefix of the token', { 'X-Nianbao-Token': 'TOKEN_PREFIX' }],
  ])('refuses every bridge call with %s', async (_name, headers: Record<string, string>) => {
    const sent = { ...headers };
    if (sent['X-Nianbao-Token'] === 'TOKEN_PREFIX') sent['X-Nianbao-Token'] = host.token.slice(0, 32);
    for (const [method, body] of [
      ['listRecent', { args: [] }],
      ['saveReportAs', { args: [report], dialog: 'stolen' }],
      ['autosave', { args: [report] }],
    ] as const) {
      const response = await fetch(new URL(`/__nianbao/api/${method}`, host.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...sent },
        body: JSON.stringify(body),
      });
      expect(response.status, method).toBe(403);
      expect(((await response.json()) as { message: string }).message).toContain('访问口令');
    }
    await expect(readFile(join(workspace, 'stolen.nianbao'))).rejects.toThrow();
  });

  it('hands the token to the page through the bridge script, which sends it and strips it from the address', async () => {
    const code = await (await fetch(new URL('/__nianbao_bridge.js', host.url))).text();
    expect(code).not.toContain(host.token);
    expect(code).toContain('x-nianbao-token');
    expect(code).toContain('history.replaceState');
  });
});

describe('workspace confinement through links', () => {
  it('refuses to open, save or export through a link that leads outside, and allows one that stays inside', async () => {
    await writeFile(join(dir, 'outside.nianbao'), JSON.stringify(report));
    await symlink(dir, join(workspace, 'escape'), 'dir');
    await symlink(join(dir, 'outside.nianbao'), join(workspace, 'alias.nianbao'));
    await symlink(join(dir, 'nowhere.nianbao'), join(workspace, 'dangling.nianbao'));
    await mkdir(join(workspace, 'real'));
    await symlink(join(workspace, 'real'), join(workspace, 'inner'), 'dir');

    const refused = { ok: false, message: expect.stringContaining('工作区') };
    expect((await post('openReport', { args: [], dialog: 'escape/outside.nianbao' })).body).toEqual(refused);
    expect((await post('openReport', { args: [], dialog: 'alias.nianbao' })).body).toEqual(refused);
    expect((await post('importLastYear', { args: [], dialog: 'escape/secret.txt' })).body).toEqual(refused);
    expect((await post('saveReportAs', { args: [report], dialog: 'escape/new' })).body).toEqual(refused);
    expect((await post('saveReportAs', { args: [report], dialog: 'dangling' })).body).toEqual(refused);
    expect((await post('exportHtml', { args: [report, {}], dialog: 'escape/page.html' })).body).toEqual(refused);
    // The extension the file side adds is part of the name checked: "alias" is written as alias.nianbao.
    expect((await post('saveReportAs', { args: [report], dialog: 'alias' })).body).toEqual(refused);
    await expect(readFile(join(dir, 'new.nianbao'))).rejects.toThrow();
    await expect(readFile(join(dir, 'nowhere.nianbao'))).rejects.toThrow();
    await expect(readFile(join(dir, 'page.html'))).rejects.toThrow();
    expect(JSON.parse(await readFile(join(dir, 'outside.nianbao'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));

    const inside = await post('saveReportAs', { args: [report], dialog: 'inner/乙镇' });
    expect(inside.body).toMatchObject({ ok: true, value: { name: '乙镇.nianbao' } });
    expect(JSON.parse(await readFile(join(workspace, 'real', '乙镇.nianbao'), 'utf8')).organ).toBe('甲镇人民政府');
  });

  it('checks a handed-out path again when it is used: a folder swapped for a link is refused', async () => {
    await mkdir(join(workspace, 'sub'));
    const saved = await post('saveReportAs', { args: [report], dialog: 'sub/甲镇' });
    const path = (saved.body.value as { path: string }).path;
    await rm(join(workspace, 'sub'), { recursive: true });
    await mkdir(join(dir, 'elsewhere'));
    await symlink(join(dir, 'elsewhere'), join(workspace, 'sub'), 'dir');

    expect((await post('saveReport', { args: [report, path] })).body).toEqual({ ok: false, message: expect.stringContaining('工作区') });
    expect((await post('openRecent', { args: [path] })).body).toEqual({ ok: false, message: expect.stringContaining('工作区') });
    await expect(readFile(join(dir, 'elsewhere', '甲镇.nianbao'))).rejects.toThrow();
  });

  it('confines a workspace that is itself reached through a link', async () => {
    const linked = join(dir, 'linked-workspace');
    await symlink(workspace, linked, 'dir');
    const viaLink = await startWebHost({ port: 0, workspace: linked, rendererDir: join(dir, 'renderer'), userData: join(dir, 'userData3'), formats });
    try {
      const response = await fetch(new URL('/__nianbao/api/saveReportAs', viaLink.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': viaLink.token },
        body: JSON.stringify({ args: [report], dialog: '丙镇' }),
      });
      expect(await response.json()).toMatchObject({ ok: true, value: { name: '丙镇.nianbao' } });
      expect(JSON.parse(await readFile(join(workspace, '丙镇.nianbao'), 'utf8')).organ).toBe('甲镇人民政府');
    } finally {
      await viaLink.close();
    }
  });
});

describe('a port in use', () => {
  it('is one clear error when the port was asked for, and the next free port otherwise', async () => {
    const taken = Number(new URL(host.url).port);
    const options = { workspace, rendererDir: join(dir, 'renderer'), userData: join(dir, 'userData4'), formats };
    const refused = startWebHost({ ...options, port: taken });
    await expect(refused).rejects.toBeInstanceOf(PortInUseError);
    await expect(refused).rejects.toThrow(`端口 ${taken} 已被占用`);

    const moved = await startWebHost({ ...options, port: taken, nextFreePort: true });
    try {
      expect(Number(new URL(moved.url).port)).toBeGreaterThan(taken);
      expect(Number(new URL(moved.url).port)).toBeLessThan(taken + 20);
      expect((await fetch(moved.origin)).status).toBe(200);
    } finally {
      await moved.close();
    }
  });
});

describe('insideFolder', () => {
  it.each([
    ['a.nianbao', join('/w', 'a.nianbao')],
    ['sub/a.nianbao', join('/w', 'sub', 'a.nianbao')],
    ['..a.nianbao', join('/w', '..a.nianbao')],
    ['sub/../a', join('/w', 'a')],
    ['/w/b.nianbao', join('/w', 'b.nianbao')],
    ['../a', null],
    ['sub/../../a', null],
    ['/etc/passwd', null],
    ['/wx/a', null],
    ['', null],
    ['.', null],
    ['a\0b', null],
  ])('%j → %j', (name, expected) => {
    expect(insideFolder('/w', name)).toBe(expected);
  });
});
