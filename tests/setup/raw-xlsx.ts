import JSZip from 'jszip';
import { columnLetters } from '../../functions/imports/sheet-limits.ts';

/**
 * A minimal .xlsx written by hand, XML and all: how a hostile file (or another program's file) is
 * built when exceljs would not write it — a cell at row 2,500 and column 2,500, a merge over the
 * whole sheet, a declared dimension that lies. `sheets` are the <sheetData> (and what follows it)
 * of each worksheet; `extraEntries` are added as they are (a zip bomb, a padded entry).
 */
export interface RawSheet {
  name?: string;
  /** The XML between <worksheet> and </worksheet>. */
  body: string;
}

export async function rawXlsx(options: {
  sheets: RawSheet[];
  sharedStrings?: string[];
  extraEntries?: Record<string, string | Uint8Array>;
}): Promise<Uint8Array> {
  const zip = new JSZip();
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${options.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rns}"><sheets>${options.sheets
      .map((s, i) => `<sheet name="${s.name ?? `Sheet${i + 1}`}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')}${
      options.sharedStrings
        ? `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
        : ''
    }</Relationships>`,
  );
  options.sheets.forEach((s, i) => {
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}" xmlns:r="${rns}">${s.body}</worksheet>`,
    );
  });
  if (options.sharedStrings) {
    const items = options.sharedStrings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`);
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`,
    );
  }
  for (const [name, content] of Object.entries(options.extraEntries ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One <row> of cells: numbers as values, text as inline strings, null left out. */
export function inlineRow(row: number, cells: (string | number | null)[]): string {
  const xml = cells
    .map((cell, i) => {
      if (cell === null) return '';
      const ref = `${columnLetters(i + 1)}${row}`;
      return typeof cell === 'number'
        ? `<c r="${ref}"><v>${cell}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
    })
    .join('');
  return `<row r="${row}">${xml}</row>`;
}
