// Drive v3 behaviour the product relies on, written once and run against the sandbox and (with credentials) Google.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { FOLDER, expectGoogleError, newFolder, raw, type Scenario, type Target } from './target';

const upload = (
  t: Target,
  name: string,
  parent: string,
  body: Buffer | string,
  extra: Record<string, unknown> = {},
) =>
  t.drive.files.create(
    {
      requestBody: { name, parents: [parent], ...extra },
      media: { mimeType: 'text/plain', body: Readable.from([Buffer.from(body)]) },
      fields: 'id,name,size,md5Checksum,mimeType,appProperties,parents',
    },
    { rootUrl: t.rootUrl },
  );

const names = async (t: Target, q: string): Promise<string[]> => {
  const res = await t.drive.files.list({ q, fields: 'files(name)', pageSize: 100 });
  return (res.data.files ?? []).map((f) => f.name as string).sort();
};

export const driveScenarios: Record<string, Scenario> = {
  'a cycle folder holds step folders found by parent and type': async (t) => {
    const cycle = await newFolder(t, 'Cycle 2 — Spring');
    const step = await newFolder(t, 'Step 1: Problem of practice', cycle);
    const got = await t.drive.files.get({ fileId: step, fields: 'id,name,mimeType,parents' });
    expect(got.data).toEqual({
      id: step,
      name: 'Step 1: Problem of practice',
      mimeType: FOLDER,
      parents: [cycle],
    });
    await upload(t, 'notes.txt', cycle, 'n');
    expect(await names(t, `'${cycle}' in parents and mimeType = '${FOLDER}'`)).toEqual([
      'Step 1: Problem of practice',
    ]);
    expect(await names(t, `'${cycle}' in parents and mimeType != '${FOLDER}'`)).toEqual(['notes.txt']);
  },

  'an uploaded email comes back byte for byte with size and checksum': async (t) => {
    const folder = await newFolder(t, 'uploads');
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    const made = await upload(t, 'message.eml', folder, bytes);
    expect(made.data.size).toBe('1000');
    expect(made.data.md5Checksum).toBe(createHash('md5').update(bytes).digest('hex'));
    const media = await t.drive.files.get(
      { fileId: made.data.id as string, alt: 'media' },
      { responseType: 'arraybuffer' },
    );
    expect(Buffer.from(media.data as ArrayBuffer).equals(bytes)).toBe(true);
  },

  'a filed email is found again by its appProperties, names with quotes included': async (t) => {
    const folder = await newFolder(t, 'step');
    const tricky = `Re: it's "final" \\ draft.eml`;
    await upload(t, tricky, folder, 'a', { appProperties: { src: 'gmail', srcId: 'msg-1' } });
    await upload(t, 'other.eml', folder, 'b', { appProperties: { src: 'gmail', srcId: 'msg-2' } });
    const q = `'${folder}' in parents and appProperties has { key='srcId' and value='msg-1' } and trashed = false`;
    const found = await t.drive.files.list({ q, fields: 'files(id,name,appProperties),nextPageToken' });
    expect(found.data.files).toHaveLength(1);
    expect(found.data.files?.[0]?.appProperties).toEqual({ src: 'gmail', srcId: 'msg-1' });
    expect(Object.keys(found.data)).toEqual(['files']);
    expect(Object.keys(found.data.files?.[0] ?? {}).sort()).toEqual(['appProperties', 'id', 'name']);
    const escaped = tricky.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    expect(await names(t, `'${folder}' in parents and name = '${escaped}'`)).toEqual([tricky]);
  },

  'without fields a file and a list carry Drive’s default fields': async (t) => {
    const folder = await newFolder(t, 'defaults');
    const got = await t.drive.files.get({ fileId: folder });
    expect(Object.keys(got.data).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    expect(got.data.kind).toBe('drive#file');
    const list = await t.drive.files.list({ q: `'${t.folderId}' in parents and name = 'defaults'` });
    expect(list.data.kind).toBe('drive#fileList');
    expect(Object.keys(list.data.files?.[0] ?? {}).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
  },

  'search combines name contains, or, not and parentheses': async (t) => {
    const folder = await newFolder(t, 'search');
    for (const name of ['Visit notes.txt', 'Debrief notes.txt', 'Mandate.txt'])
      await upload(t, name, folder, name);
    const inFolder = `'${folder}' in parents`;
    expect(await names(t, `${inFolder} and name contains 'notes'`)).toEqual([
      'Debrief notes.txt',
      'Visit notes.txt',
    ]);
    expect(await names(t, `${inFolder} and (name = 'Mandate.txt' or name contains 'Visit')`)).toEqual([
      'Mandate.txt',
      'Visit notes.txt',
    ]);
    expect(await names(t, `${inFolder} and not name contains 'notes'`)).toEqual(['Mandate.txt']);
  },

  'a malformed search is refused with 400': async (t) => {
    await expectGoogleError(t.drive.files.list({ q: `name = 'unterminated` }), 400);
    await expectGoogleError(t.drive.files.list({ q: `name === 'x'` }), 400);
  },

  'listing pages through every file exactly once': async (t) => {
    const folder = await newFolder(t, 'paging');
    for (let i = 0; i < 5; i++) await upload(t, `file-${i}.txt`, folder, String(i));
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await t.drive.files.list({
        q: `'${folder}' in parents`,
        pageSize: 2,
        pageToken,
        fields: 'nextPageToken,files(name)',
        orderBy: 'name',
      });
      seen.push(...(res.data.files ?? []).map((f) => f.name as string));
      pageToken = res.data.nextPageToken ?? undefined;
      pages++;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(['file-0.txt', 'file-1.txt', 'file-2.txt', 'file-3.txt', 'file-4.txt']);
  },

  'renaming, tagging and moving a file keeps its id': async (t) => {
    const from = await newFolder(t, 'from');
    const to = await newFolder(t, 'to');
    const made = await upload(t, 'draft.txt', from, 'x', {
      appProperties: { src: 'docs', keep: 'yes', drop: 'me' },
    });
    const id = made.data.id as string;
    const res = await t.drive.files.update({
      fileId: id,
      addParents: to,
      removeParents: from,
      // Drive clears a property given as null; the typings only know strings.
      requestBody: {
        name: 'final.txt',
        appProperties: { drop: null, added: 'new' } as unknown as Record<string, string>,
      },
      fields: 'id,name,parents,appProperties',
    });
    expect(res.data).toEqual({
      id,
      name: 'final.txt',
      parents: [to],
      appProperties: { src: 'docs', keep: 'yes', added: 'new' },
    });
    expect(await names(t, `'${from}' in parents`)).toEqual([]);
    expect(await names(t, `'${to}' in parents`)).toEqual(['final.txt']);
  },

  'replacing a file’s content keeps its id and name': async (t) => {
    const folder = await newFolder(t, 'replace');
    const made = await upload(t, 'minutes.txt', folder, 'first draft');
    const id = made.data.id as string;
    const res = await t.drive.files.update(
      {
        fileId: id,
        media: { mimeType: 'text/plain', body: Readable.from([Buffer.from('second draft')]) },
        fields: 'id,name,size',
      },
      { rootUrl: t.rootUrl },
    );
    expect(res.data).toEqual({ id, name: 'minutes.txt', size: '12' });
    const media = await t.drive.files.get({ fileId: id, alt: 'media' }, { responseType: 'text' });
    expect(media.data).toBe('second draft');
  },

  'a Doc filed as a shortcut points at its target': async (t) => {
    const folder = await newFolder(t, 'step');
    const target = await upload(t, 'lesson plan.txt', t.folderId, 'plan');
    const shortcut = await t.drive.files.create({
      requestBody: {
        name: 'lesson plan',
        mimeType: 'application/vnd.google-apps.shortcut',
        parents: [folder],
        shortcutDetails: { targetId: target.data.id as string },
      },
      fields: 'id,mimeType,shortcutDetails',
    });
    expect(shortcut.data.mimeType).toBe('application/vnd.google-apps.shortcut');
    expect(shortcut.data.shortcutDetails).toEqual({ targetId: target.data.id, targetMimeType: 'text/plain' });
  },

  'a trashed file leaves trashed = false searches and a deleted one is gone': async (t) => {
    const folder = await newFolder(t, 'bin');
    const a = await upload(t, 'a.txt', folder, 'a');
    const b = await upload(t, 'b.txt', folder, 'b');
    await t.drive.files.update({ fileId: a.data.id as string, requestBody: { trashed: true } });
    expect(await names(t, `'${folder}' in parents and trashed = false`)).toEqual(['b.txt']);
    expect(await names(t, `'${folder}' in parents and trashed = true`)).toEqual(['a.txt']);
    const del = await t.drive.files.delete({ fileId: b.data.id as string });
    expect(del.status).toBe(204);
    await expectGoogleError(t.drive.files.get({ fileId: b.data.id as string }), 404, 'notFound');
  },

  'a large upload interrupted after one chunk resumes from the byte Drive reports': async (t) => {
    const folder = await newFolder(t, 'resumable');
    const chunk = 256 * 1024;
    const bytes = Buffer.from(Array.from({ length: chunk * 2 + 1234 }, (_, i) => (i * 7) % 251));
    const start = await raw(t, 'POST', 'upload/drive/v3/files?uploadType=resumable&fields=id,name,size', {
      headers: {
        'Content-Type': 'application/json; charset=UTF-8',
        'X-Upload-Content-Type': 'application/octet-stream',
        'X-Upload-Content-Length': String(bytes.length),
      },
      body: JSON.stringify({ name: 'recording.bin', parents: [folder] }),
    });
    expect(start.status).toBe(200);
    const session = start.headers.get('location') as string;
    expect(session).toMatch(/upload_id=/);
    const first = await raw(t, 'PUT', session, {
      headers: { 'Content-Range': `bytes 0-${chunk - 1}/${bytes.length}` },
      body: bytes.subarray(0, chunk),
    });
    expect(first.status).toBe(308);
    // The "connection dropped" moment: ask where the upload stands before sending more.
    const status = await raw(t, 'PUT', session, { headers: { 'Content-Range': `bytes */${bytes.length}` } });
    expect(status.status).toBe(308);
    expect(status.headers.get('range')).toBe(`bytes=0-${chunk - 1}`);
    const from = Number(/-(\d+)$/.exec(status.headers.get('range') as string)?.[1]) + 1;
    const rest = await raw(t, 'PUT', session, {
      headers: { 'Content-Range': `bytes ${from}-${bytes.length - 1}/${bytes.length}` },
      body: bytes.subarray(from),
    });
    expect(rest.status).toBe(200);
    const file = (await rest.json()) as { id: string; size: string };
    expect(file.size).toBe(String(bytes.length));
    const media = await t.drive.files.get({ fileId: file.id, alt: 'media' }, { responseType: 'arraybuffer' });
    expect(Buffer.from(media.data as ArrayBuffer).equals(bytes)).toBe(true);
  },

  'an unknown file id is a 404 in Google’s error shape': async (t) => {
    const body = await expectGoogleError(
      t.drive.files.get({ fileId: 'no-such-file-id-000' }),
      404,
      'notFound',
    );
    expect(body.error.errors?.[0]?.domain).toBe('global');
  },
};
