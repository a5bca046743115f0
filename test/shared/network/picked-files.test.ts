// What a member picks in Google's Picker to connect the extension: the network spreadsheet open in the
// add-on and the root folder, each named when missing, wrong or doubled; and the Picker's answer checked.
import { describe, expect, it } from 'vitest';
import {
  FOLDER_MIME_TYPE,
  networkPicks,
  readPickedFile,
  SPREADSHEET_MIME_TYPE,
  type PickedFile,
} from '../../../shared/network/picked-files';

const sheet = (id: string, name = 'Cedar Valley Network tracker'): PickedFile => ({
  id,
  name,
  mimeType: SPREADSHEET_MIME_TYPE,
  url: `https://docs.google.com/spreadsheets/d/${id}/edit`,
});
const folder = (id: string, name = 'Cedar Valley Network'): PickedFile => ({
  id,
  name,
  mimeType: FOLDER_MIME_TYPE,
  url: `https://drive.google.com/drive/folders/${id}`,
});
const OPEN = '1AbCdEfGhIjKlMnOpQrStUv';

describe('networkPicks', () => {
  it('takes the open spreadsheet and one folder, with nothing to fix', () => {
    const picks = networkPicks([folder('1FolderFolderFolder'), sheet(OPEN)], OPEN);
    expect(picks.problems).toEqual([]);
    expect(picks.spreadsheet?.id).toBe(OPEN);
    expect(picks.folder?.id).toBe('1FolderFolderFolder');
  });

  it('asks for what is missing', () => {
    expect(networkPicks([sheet(OPEN)], OPEN).problems).toEqual([
      "Choose the network's root folder too (the folder that holds its cycles).",
    ]);
    expect(networkPicks([folder('1FolderFolderFolder')], OPEN).problems).toEqual([
      'Choose this network spreadsheet too: Rounds needs both it and the folder.',
    ]);
  });

  it('names a spreadsheet that is not the one open here, and extra or unneeded picks', () => {
    const other = sheet('1OtherOtherOther', 'Budget 2025');
    const pdf = { ...folder('1PdfPdfPdfPdf', 'agenda.pdf'), mimeType: 'application/pdf' };
    const picks = networkPicks([other, folder('1FolderAAAAAAA'), folder('1FolderBBBBBBB'), pdf], OPEN);
    expect(picks.problems).toEqual([
      '“Budget 2025” is not the spreadsheet open here. Choose the network spreadsheet you opened this from.',
      "Choose one folder: the network's root folder.",
      '“agenda.pdf” is neither a folder nor a spreadsheet; Rounds does not need it.',
    ]);
  });

  it('prefers the open spreadsheet when two are picked, and still asks for one', () => {
    const picks = networkPicks([sheet('1OtherOtherOther'), sheet(OPEN), folder('1FolderFolderFolder')], OPEN);
    expect(picks.spreadsheet?.id).toBe(OPEN);
    expect(picks.problems).toEqual(['Choose one spreadsheet: the network spreadsheet.']);
  });
});

describe('readPickedFile', () => {
  it('keeps a well-formed pick and refuses anything else', () => {
    expect(readPickedFile(sheet(OPEN))).toEqual(sheet(OPEN));
    expect(readPickedFile(null)).toBeUndefined();
    expect(readPickedFile({ ...sheet(OPEN), id: '../../x' })).toBeUndefined();
    expect(readPickedFile({ ...sheet(OPEN), url: 'javascript:alert(1)' })).toBeUndefined();
    expect(readPickedFile({ ...sheet(OPEN), url: 'https://evil.example/docs.google.com/' })).toBeUndefined();
    expect(readPickedFile({ id: OPEN })).toBeUndefined();
  });
});
