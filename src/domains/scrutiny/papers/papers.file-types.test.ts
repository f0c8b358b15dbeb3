import { describe, expect, it } from 'vitest';
import { checkPaperFile, PAPER_MAX_BYTES, safeFileName } from './papers.file-types.ts';
import { SAMPLE_FILES } from './papers.testing.ts';

describe('checkPaperFile', () => {
  it.each([
    ['Draft plan.pdf', SAMPLE_FILES.pdf, 'application/pdf', 'Draft-plan.pdf'],
    [
      'report.DOCX',
      SAMPLE_FILES.docx,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'report.docx',
    ],
    [
      'figures.xlsx',
      SAMPLE_FILES.xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'figures.xlsx',
    ],
    ['notes.odt', SAMPLE_FILES.odt, 'application/vnd.oasis.opendocument.text', 'notes.odt'],
    ['crimes.csv', SAMPLE_FILES.csv, 'text/csv', 'crimes.csv'],
  ])('accepts %s by its content', async (name, bytes, mediaType, fileName) => {
    expect(await checkPaperFile(name, bytes)).toEqual({ ok: true, mediaType, fileName });
  });

  it('refuses a file whose name is allowed but whose content is another kind', async () => {
    expect(await checkPaperFile('report.pdf', SAMPLE_FILES.docx)).toEqual({
      ok: false,
      message:
        'The selected file is named .pdf but its content is a Word document (DOCX): check you chose the right file',
    });
    expect(await checkPaperFile('page.pdf', SAMPLE_FILES.html)).toMatchObject({
      ok: false,
      message: expect.stringContaining('its content is a CSV'),
    });
  });

  it.each([
    ['a program renamed .pdf', 'setup.pdf', SAMPLE_FILES.exe, 'nor text in UTF-8'],
    ['a program renamed .csv', 'data.csv', SAMPLE_FILES.exe, 'nor text in UTF-8'],
    ['a Word file with macros', 'report.docx', SAMPLE_FILES.docm, 'it contains macros'],
    ['an old or password-protected Office file', 'report.docx', SAMPLE_FILES.ole, 'older Office file'],
    ['a PDF cut short', 'plan.pdf', SAMPLE_FILES.truncatedPdf, 'this PDF is incomplete'],
    ['a zip that is no document', 'pack.docx', SAMPLE_FILES.odt.subarray(0, 40), 'damaged zip'],
    ['badly quoted CSV', 'data.csv', Buffer.from('a,b\n"unclosed,1\n'), 'not well-formed CSV'],
  ])('refuses %s, saying why', async (_label, name, bytes, reason) => {
    const result = await checkPaperFile(name, bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^The selected file must be a PDF, DOCX, XLSX, ODT or CSV file: /,
    );
    expect(!result.ok && result.message).toContain(reason);
  });

  it('refuses a disallowed extension, an empty file and one over the limit', async () => {
    expect(await checkPaperFile('page.html', SAMPLE_FILES.html)).toEqual({
      ok: false,
      message: 'The selected file must be a PDF, DOCX, XLSX, ODT or CSV file',
    });
    expect(await checkPaperFile('empty.pdf', Buffer.alloc(0))).toEqual({
      ok: false,
      message: 'The selected file is empty',
    });
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(PAPER_MAX_BYTES)]);
    expect(await checkPaperFile('big.pdf', big)).toEqual({
      ok: false,
      message: 'The selected file must be smaller than 20 MB',
    });
  });
});

describe('safeFileName', () => {
  it('keeps only safe characters from the last part of the name, with the proven extension', () => {
    expect(safeFileName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\me\\Rapport d’été.docx', 'docx')).toBe('Rapport-d-ete.docx');
    expect(safeFileName('"; rm -rf.csv', 'csv')).toBe('rm-rf.csv');
    expect(safeFileName('....pdf', 'pdf')).toBe('paper.pdf');
  });
});
