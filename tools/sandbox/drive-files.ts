// Drive file resources: what a request body may set, and how a stored file looks on the wire (kind "drive#file").
import { GoogleError, badRequest, fileNotFound } from './errors';
import { checkFields, parseFields, project } from './fields';
import {
  FOLDER,
  SHORTCUT,
  SPREADSHEET,
  hasBytes,
  newId,
  type DriveFile,
  type DriveStore,
} from './drive-store';
import type { GeneratedIds } from './drive-ids';
import { isObject, rejectUnknownKeys } from './route';

/** Every field name Drive v3 knows on a File, so `fields=` may name any of them as it may against Google. */
export const FILE_FIELDS = new Set(
  (
    'kind driveId fileExtension copyRequiresWriterPermission md5Checksum contentHints writersCanShare viewedByMe ' +
    'mimeType exportLinks parents thumbnailLink iconLink shared lastModifyingUser owners headRevisionId sharingUser ' +
    'webViewLink webContentLink size viewersCanCopyContent permissions hasThumbnail spaces folderColorRgb id name ' +
    'description starred trashed explicitlyTrashed createdTime modifiedTime modifiedByMeTime viewedByMeTime ' +
    'sharedWithMeTime quotaBytesUsed version originalFilename ownedByMe fullFileExtension properties appProperties ' +
    'isAppAuthorized teamDriveId capabilities hasAugmentedPermissions trashingUser thumbnailVersion trashedTime ' +
    'modifiedByMe permissionIds imageMediaMetadata videoMediaMetadata shortcutDetails contentRestrictions resourceKey ' +
    'linkShareMetadata labelInfo sha1Checksum sha256Checksum inheritedPermissionsDisabled downloadRestrictions'
  ).split(' '),
);

const CREATE_KEYS = [
  'kind',
  'id',
  'name',
  'mimeType',
  'parents',
  'description',
  'appProperties',
  'properties',
  'starred',
  'trashed',
  'shortcutDetails',
  'originalFilename',
  'createdTime',
  'modifiedTime',
  'folderColorRgb',
  'contentHints',
  'writersCanShare',
  'copyRequiresWriterPermission',
  'viewedByMeTime',
];
const UPDATE_KEYS = CREATE_KEYS.filter((k) => k !== 'id' && k !== 'shortcutDetails');

const DEFAULT_FILE = parseFields('kind,id,name,mimeType');
const DEFAULT_LIST = parseFields('kind,nextPageToken,incompleteSearch,files(kind,id,name,mimeType)');
const fileKnown = Object.fromEntries([...FILE_FIELDS].map((f) => [f, true as const]));

export function fileResource(store: DriveStore, file: DriveFile): Record<string, unknown> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1];
  const link =
    file.mimeType === SPREADSHEET
      ? `https://docs.google.com/spreadsheets/d/${file.id}/edit?usp=drivesdk`
      : file.mimeType === FOLDER
        ? `https://drive.google.com/drive/folders/${file.id}`
        : `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`;
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: file.parents.map((p) => (p === store.rootId ? store.rootId : p)),
    description: file.description,
    starred: file.starred,
    trashed: file.trashed,
    explicitlyTrashed: file.explicitlyTrashed,
    version: String(file.version),
    webViewLink: link,
    createdTime: file.createdTime,
    modifiedTime: file.modifiedTime,
    ownedByMe: true,
    spaces: ['drive'],
    originalFilename: hasBytes(file.mimeType) ? (file.originalFilename ?? file.name) : undefined,
    fullFileExtension: hasBytes(file.mimeType) ? ext : undefined,
    fileExtension: hasBytes(file.mimeType) ? ext : undefined,
    size: file.size === undefined ? undefined : String(file.size),
    quotaBytesUsed: String(file.size ?? 0),
    md5Checksum: file.md5Checksum,
    appProperties: Object.keys(file.appProperties).length ? file.appProperties : undefined,
    properties: Object.keys(file.properties).length ? file.properties : undefined,
    shortcutDetails: file.shortcutDetails,
  };
}

export function projectFile(resource: Record<string, unknown>, fields: string | null): unknown {
  if (!fields) return project(resource, DEFAULT_FILE);
  const selection = parseFields(fields);
  checkFields(selection, fileKnown, fields);
  return project(resource, selection);
}

export function projectList(list: Record<string, unknown>, fields: string | null): unknown {
  if (!fields) return project(list, DEFAULT_LIST);
  const selection = parseFields(fields);
  checkFields(
    selection,
    { kind: true, nextPageToken: true, incompleteSearch: true, files: FILE_FIELDS },
    fields,
  );
  return project(list, selection);
}

const stringMap = (value: unknown, where: string): Record<string, string | null> => {
  if (!isObject(value))
    throw badRequest(`Invalid value at '${where}': expected an object of strings.`, 'invalid');
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && typeof v !== 'string')
      throw badRequest(`Invalid value at '${where}.${k}': expected a string.`, 'invalid');
    // Google's documented limit: key plus value at most 124 bytes.
    if (Buffer.byteLength(k) + Buffer.byteLength(String(v ?? '')) > 124) {
      throw badRequest(
        `The property ${k} exceeds the maximum size of 124 bytes for key plus value.`,
        'invalidProperty',
      );
    }
  }
  return value as Record<string, string | null>;
};

const merged = (
  base: Record<string, string>,
  patch: Record<string, string | null>,
): Record<string, string> => {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
};

const cannotAddParent = (): GoogleError =>
  new GoogleError(403, 'Increasing the number of parents is not allowed.', 'cannotAddParent');

function parentFolder(store: DriveStore, id: string): string {
  const parent = store.get(id);
  if (!store.isFolder(id)) {
    if (!parent) throw fileNotFound(id);
    throw badRequest(`The parent ${id} is not a folder.`, 'invalidParent');
  }
  return store.resolveId(id);
}

/** Validates a files.create body and turns it into a stored file (not yet written). */
export function newFile(
  store: DriveStore,
  ids: GeneratedIds,
  body: Record<string, unknown>,
  now: string,
  mediaType?: string,
): Omit<DriveFile, 'diskName' | 'version' | 'size' | 'md5Checksum'> {
  rejectUnknownKeys(body, CREATE_KEYS, '');
  const id = body.id === undefined ? newId() : ids.check(body.id, (wanted) => store.has(wanted));
  const parents = Array.isArray(body.parents) ? body.parents.map(String) : [];
  if (parents.length > 1) throw cannotAddParent();
  const mimeType =
    typeof body.mimeType === 'string' && body.mimeType
      ? body.mimeType
      : (mediaType ?? 'application/octet-stream');
  let shortcutDetails: DriveFile['shortcutDetails'];
  if (mimeType === SHORTCUT) {
    const targetId = isObject(body.shortcutDetails) ? body.shortcutDetails.targetId : undefined;
    if (typeof targetId !== 'string')
      throw badRequest('A shortcut needs shortcutDetails.targetId.', 'shortcutTargetRequired');
    const target = store.get(targetId);
    if (!target) throw fileNotFound(targetId);
    shortcutDetails = { targetId: target.id, targetMimeType: target.mimeType };
  } else if (body.shortcutDetails !== undefined) {
    throw badRequest('shortcutDetails may only be set on a shortcut.', 'invalid');
  }
  const time = (v: unknown): string =>
    typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : now;
  return {
    id,
    name: typeof body.name === 'string' && body.name !== '' ? body.name : 'Untitled',
    mimeType,
    parents: [parentFolder(store, parents[0] ?? 'root')],
    description: typeof body.description === 'string' ? body.description : undefined,
    appProperties: merged(
      {},
      body.appProperties === undefined ? {} : stringMap(body.appProperties, 'appProperties'),
    ),
    properties: merged({}, body.properties === undefined ? {} : stringMap(body.properties, 'properties')),
    trashed: body.trashed === true,
    explicitlyTrashed: body.trashed === true,
    starred: body.starred === true,
    createdTime: time(body.createdTime),
    modifiedTime: time(body.modifiedTime),
    shortcutDetails,
    originalFilename: typeof body.originalFilename === 'string' ? body.originalFilename : undefined,
  };
}

/** Applies a files.update body and addParents/removeParents to a copy; the caller saves it. */
export function patchFile(
  store: DriveStore,
  file: DriveFile,
  body: Record<string, unknown>,
  query: URLSearchParams,
): DriveFile {
  if (body.parents !== undefined) {
    throw new GoogleError(
      403,
      'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      'fieldNotWritable',
    );
  }
  rejectUnknownKeys(body, UPDATE_KEYS, '');
  const next: DriveFile = { ...file, parents: [...file.parents] };
  if (typeof body.name === 'string' && body.name !== '') next.name = body.name;
  if (typeof body.description === 'string') next.description = body.description;
  if (typeof body.mimeType === 'string' && body.mimeType !== file.mimeType) {
    if (!hasBytes(file.mimeType) || !hasBytes(body.mimeType))
      throw badRequest('This file’s type cannot be changed.', 'invalid');
    next.mimeType = body.mimeType;
  }
  if (body.appProperties !== undefined)
    next.appProperties = merged(file.appProperties, stringMap(body.appProperties, 'appProperties'));
  if (body.properties !== undefined)
    next.properties = merged(file.properties, stringMap(body.properties, 'properties'));
  if (typeof body.starred === 'boolean') next.starred = body.starred;
  if (typeof body.trashed === 'boolean') {
    next.trashed = body.trashed;
    next.explicitlyTrashed = body.trashed;
  }
  const split = (name: string): string[] => (query.get(name) ?? '').split(',').filter(Boolean);
  const removed = split('removeParents').map((id) => store.resolveId(id));
  const added = split('addParents').map((id) => parentFolder(store, id));
  next.parents = next.parents.filter((p) => !removed.includes(p));
  for (const id of added) if (!next.parents.includes(id)) next.parents.push(id);
  if (next.parents.length > 1) throw cannotAddParent();
  if (next.parents.length === 0)
    throw badRequest(
      'A file must keep one parent: add a parent when removing its last one.',
      'invalidParent',
    );
  const parent = next.parents[0] as string;
  if (file.mimeType === FOLDER && (parent === file.id || store.isAncestor(file.id, parent))) {
    throw badRequest('A folder cannot be moved into itself or one of its subfolders.', 'invalidParent');
  }
  return next;
}
