// Drive v3 over HTTP: files.create/get/list/update/delete and the /upload endpoints (multipart, media, resumable).
import { createHash } from 'node:crypto';
import type { DriveAccess } from './access';
import { GoogleError, badRequest, fileNotFound, invalidParameter } from './errors';
import { intParam, json, parseJsonBody, type Reply } from './http';
import { SPREADSHEET, hasBytes, type DriveFile, type DriveStore } from './drive-store';
import { fileResource, newFile, patchFile, projectFile, projectList } from './drive-files';
import { matches, parseQuery } from './drive-query';
import { parseMultipart, uploadLength, type UploadSession, type UploadSessions } from './drive-uploads';
import type { GeneratedIds } from './drive-ids';
import type { Ctx, Route } from './route';

/** Hooks the Sheets side provides so a spreadsheet made through Drive is a real, empty spreadsheet. */
export interface DriveHooks {
  newSpreadsheetContent(file: DriveFile): Buffer;
}

const ORDER_KEYS = [
  'createdTime',
  'folder',
  'modifiedByMeTime',
  'modifiedTime',
  'name',
  'name_natural',
  'quotaBytesUsed',
  'recency',
  'sharedWithMeTime',
  'starred',
  'viewedByMeTime',
];

/** How Google's search may differ from a perfect one: short pages, and new files that show up in queries late. */
export interface SearchOptions {
  /** Pages hold at most this many files whatever pageSize asks, with a nextPageToken when more remain. */
  listPageMax?: number;
  /** A new file is left out of files.list for this long after its creation (files.get finds it at once). */
  searchLagMs?: number;
}

export interface DriveDeps {
  store: DriveStore;
  uploads: UploadSessions;
  ids: GeneratedIds;
  access: DriveAccess;
  hooks: DriveHooks;
  search?: SearchOptions;
}

/** A path segment as the client percent-encoded it; broken encoding is the client's error (400), not ours. */
export function decodeSegment(raw: string, what = 'file ID'): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest(`The ${what} in the request path is not valid percent-encoding: ${raw}`, 'invalid');
  }
}

export function driveRoutes({ store, uploads, ids, access, hooks, search = {} }: DriveDeps): Route[] {
  /** The file if this request may reach it; otherwise Google's 404, the same as for a file that does not exist. */
  const get = (ctx: Ctx, id: string): DriveFile => {
    const file = store.get(id);
    if (!file || !access.canSee(ctx.principal, file, 'drive')) throw fileNotFound(id);
    return file;
  };
  /** A folder or target named in a body or parameter must be reachable too, or it "does not exist". */
  const reachable = (ctx: Ctx, id: string): void => {
    const file = store.get(id);
    if (file && !access.canSee(ctx.principal, file, 'drive')) throw fileNotFound(id);
  };
  const reply = (ctx: Ctx, file: DriveFile): Reply =>
    json(projectFile(fileResource(store, file), ctx.query.get('fields')));

  /** A files.create body as Google checks it, including that its parent and shortcut target are reachable. */
  function checkedNew(ctx: Ctx, metadata: Record<string, unknown>, mediaType?: string) {
    const init = newFile(store, ids, metadata, ctx.now, mediaType);
    reachable(ctx, init.parents[0] as string);
    if (init.shortcutDetails) reachable(ctx, init.shortcutDetails.targetId);
    return init;
  }

  function create(
    ctx: Ctx,
    metadata: Record<string, unknown>,
    content?: Buffer,
    mediaType?: string,
  ): DriveFile {
    const init = checkedNew(ctx, metadata, mediaType);
    if (content && !hasBytes(init.mimeType)) {
      throw new GoogleError(
        400,
        `Uploads of ${init.mimeType} are not supported by the sandbox (no conversion).`,
        'badContent',
      );
    }
    init.createdBy = ctx.principal.user;
    const provisional = { ...init, diskName: '', version: 1 };
    return store.create(
      init,
      init.mimeType === SPREADSHEET ? hooks.newSpreadsheetContent(provisional) : content,
    );
  }

  function update(ctx: Ctx, id: string, metadata: Record<string, unknown>, content?: Buffer): DriveFile {
    const file = get(ctx, id);
    const next = patchFile(store, file, metadata, ctx.query);
    for (const parent of next.parents) reachable(ctx, parent);
    if (content && !hasBytes(next.mimeType))
      throw new GoogleError(400, 'This file has no binary content to replace.', 'badContent');
    const previous = { name: file.name, parentId: file.parents[0] as string };
    Object.assign(file, next);
    store.save(file, previous, ctx.now);
    if (content) store.writeContent(file, content, ctx.now);
    return file;
  }

  function list(ctx: Ctx): Reply {
    const q = ctx.query.get('q');
    const query = q ? parseQuery(q) : null;
    // Google may return fewer than pageSize (even none) with a nextPageToken; --list-page-max makes it do so.
    const pageSize = Math.min(
      intParam(ctx.query, 'pageSize', 100, 1, 1000),
      search.listPageMax ?? Number.POSITIVE_INFINITY,
    );
    const orderBy = (ctx.query.get('orderBy') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((part) => {
        const [key = '', dir = 'asc', extra] = part.split(/\s+/);
        if (!ORDER_KEYS.includes(key) || !['asc', 'desc'].includes(dir) || extra)
          throw invalidParameter('orderBy');
        return { key, desc: dir === 'desc' };
      });
    const now = Date.now();
    const lag = search.searchLagMs ?? 0;
    const found = store
      .all()
      .filter((f) => access.canSee(ctx.principal, f, 'drive'))
      .filter((f) => lag <= 0 || now - store.bornAt(f.id) >= lag)
      .filter(
        (f) =>
          !query ||
          matches(
            query,
            f,
            (id) => store.resolveId(id),
            () => (hasBytes(f.mimeType) ? store.readBytes(f).toString('utf8') : ''),
          ),
      )
      .sort((a, b) => {
        for (const { key, desc } of orderBy) {
          const va =
            key === 'folder'
              ? String(a.mimeType !== 'application/vnd.google-apps.folder')
              : String((a as unknown as Record<string, unknown>)[key.replace('_natural', '')] ?? '');
          const vb =
            key === 'folder'
              ? String(b.mimeType !== 'application/vnd.google-apps.folder')
              : String((b as unknown as Record<string, unknown>)[key.replace('_natural', '')] ?? '');
          const c = va.localeCompare(vb, undefined, { numeric: key === 'name_natural' });
          if (c !== 0) return desc ? -c : c;
        }
        return a.createdTime.localeCompare(b.createdTime) || a.id.localeCompare(b.id);
      });
    // The page token binds the offset to the query, so a token reused with another query is refused, not misread.
    const fingerprint = createHash('sha1')
      .update(`${q}|${ctx.query.get('orderBy')}`)
      .digest('hex')
      .slice(0, 12);
    let offset = 0;
    const token = ctx.query.get('pageToken');
    if (token) {
      const [at, print] = Buffer.from(token, 'base64url').toString('utf8').split(':');
      offset = Number(at);
      if (print !== fingerprint || !Number.isInteger(offset) || offset < 0)
        throw invalidParameter('pageToken');
    }
    const page = found.slice(offset, offset + pageSize);
    const more = offset + pageSize < found.length;
    const body = {
      kind: 'drive#fileList',
      nextPageToken: more
        ? Buffer.from(`${offset + pageSize}:${fingerprint}`).toString('base64url')
        : undefined,
      incompleteSearch: false,
      files: page.map((f) => fileResource(store, f)),
    };
    return json(projectList(body, ctx.query.get('fields')));
  }

  /** A resumable session's URL is where the client PUTs bytes: Google's own shape, with upload_id. */
  function startResumable(ctx: Ctx, metadata: Record<string, unknown>, fileId?: string): Reply {
    if (fileId) patchFile(store, get(ctx, fileId), metadata, ctx.query);
    else checkedNew(ctx, metadata); // validate now: Google rejects a bad body when the session starts
    const declared = uploadLength(ctx.headers['x-upload-content-length']);
    const session = uploads.start({
      fileId: fileId ? get(ctx, fileId).id : undefined,
      metadata,
      contentType: String(
        ctx.headers['x-upload-content-type'] ?? metadata.mimeType ?? 'application/octet-stream',
      ),
      total: declared,
    });
    const params = new URLSearchParams(ctx.query);
    params.set('upload_id', session.id);
    const path = fileId ? `/upload/drive/v3/files/${encodeURIComponent(fileId)}` : '/upload/drive/v3/files';
    return {
      status: 200,
      headers: { Location: `${ctx.baseUrl}${path}?${params}`, 'X-GUploader-UploadID': session.id },
      body: Buffer.alloc(0),
    };
  }

  function putResumable(ctx: Ctx): Reply {
    const session: UploadSession = uploads.get(ctx.query.get('upload_id') ?? '');
    if (session.doneFileId) return reply(ctx, get(ctx, session.doneFileId));
    const progress = uploads.put(session, ctx.headers['content-range'], ctx.body);
    if (!progress.done) {
      const headers: Record<string, string> =
        progress.received > 0 ? { Range: `bytes=0-${progress.received - 1}` } : {};
      return { status: 308, headers, body: Buffer.alloc(0) };
    }
    const done = session.fileId
      ? update(ctx, session.fileId, session.metadata, progress.content)
      : create(ctx, session.metadata, progress.content, session.contentType);
    uploads.finish(session, done.id);
    return reply(ctx, done);
  }

  function upload(ctx: Ctx, fileId?: string): Reply {
    const type = ctx.query.get('uploadType');
    const contentType = String(ctx.headers['content-type'] ?? '');
    if (type === 'multipart') {
      const part = parseMultipart(ctx.body, contentType);
      return reply(
        ctx,
        fileId
          ? update(ctx, fileId, part.metadata, part.content)
          : create(ctx, part.metadata, part.content, part.contentType),
      );
    }
    if (type === 'media')
      return reply(
        ctx,
        fileId ? update(ctx, fileId, {}, ctx.body) : create(ctx, {}, ctx.body, contentType || undefined),
      );
    if (type === 'resumable') return startResumable(ctx, parseJsonBody(ctx.body), fileId);
    throw invalidParameter('uploadType');
  }

  const F = '/drive/v3/files';
  const U = '/upload/drive/v3/files';
  return [
    {
      name: 'drive.files.list',
      method: 'GET',
      pattern: new RegExp(`^${F}$`),
      api: 'drive',
      write: false,
      handle: list,
    },
    {
      name: 'drive.files.create',
      method: 'POST',
      pattern: new RegExp(`^${F}$`),
      api: 'drive',
      write: true,
      handle: (ctx) => reply(ctx, create(ctx, parseJsonBody(ctx.body))),
    },
    {
      name: 'drive.files.generateIds',
      method: 'GET',
      pattern: new RegExp(`^${F}/generateIds$`),
      api: 'drive',
      // Google asks for a scope that can create files (drive, drive.file, drive.appdata), not a read-only one.
      write: true,
      handle: (ctx) => json(ids.generate(ctx.query)),
    },
    {
      name: 'drive.files.get',
      method: 'GET',
      pattern: new RegExp(`^${F}/([^/]+)$`),
      api: 'drive',
      write: false,
      handle: (ctx, [id = '']) => {
        const fileId = decodeSegment(id);
        if (ctx.query.get('alt') !== 'media' && store.resolveId(fileId) === store.rootId)
          return reply(ctx, store.rootFile());
        const file = get(ctx, fileId);
        if (ctx.query.get('alt') !== 'media') return reply(ctx, file);
        if (!hasBytes(file.mimeType)) {
          throw new GoogleError(
            403,
            'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
            'fileNotDownloadable',
          );
        }
        if (file.damaged)
          throw new GoogleError(
            500,
            `The sandbox's store is damaged: file ${file.id} ${file.damaged}. Restore the bytes or delete the file.`,
            'backendError',
          );
        return { status: 200, headers: { 'Content-Type': file.mimeType }, body: store.readBytes(file) };
      },
    },
    {
      name: 'drive.files.update',
      method: 'PATCH',
      pattern: new RegExp(`^${F}/([^/]+)$`),
      api: 'drive',
      write: true,
      handle: (ctx, [id = '']) => reply(ctx, update(ctx, decodeSegment(id), parseJsonBody(ctx.body))),
    },
    {
      name: 'drive.files.delete',
      method: 'DELETE',
      pattern: new RegExp(`^${F}/([^/]+)$`),
      api: 'drive',
      write: true,
      handle: (ctx, [id = '']) => {
        const file = get(ctx, decodeSegment(id));
        if (file.id === store.rootId)
          throw new GoogleError(403, 'The root folder cannot be deleted.', 'cannotDeleteRoot');
        store.delete(file);
        return { status: 204, body: Buffer.alloc(0) };
      },
    },
    {
      name: 'drive.files.create.upload',
      method: 'POST',
      pattern: new RegExp(`^${U}$`),
      api: 'drive',
      write: true,
      handle: (ctx) => upload(ctx),
    },
    {
      name: 'drive.files.update.upload',
      method: 'PATCH',
      pattern: new RegExp(`^${U}/([^/]+)$`),
      api: 'drive',
      write: true,
      handle: (ctx, [id = '']) => upload(ctx, decodeSegment(id)),
    },
    {
      name: 'drive.upload.resumable',
      method: 'PUT',
      pattern: new RegExp(`^${U}(?:/[^/]+)?$`),
      api: 'drive',
      write: true,
      handle: putResumable,
    },
  ];
}
