import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { readXlsx, xlsxBuffer, xlsxParts, xlsxResponse } from './xlsx.ts';

describe('xlsxBuffer', () => {
  it('writes sheets that read back cell for cell: text stays text, numbers stay numbers, gaps stay empty', async () => {
    const buf = await xlsxBuffer([
      { name: 'Roster', rows: [['agent', '2026-12-01', 'hours'], ['A001', '=1+1 早班 & <x>', 7.5], ['A002', null, 0]], stickyColumns: 1, widths: [10, 12] },
      { name: '覆盖', rows: [['date', 'need'], ['2026-12-01', 42]] },
    ]);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    expect(readXlsx(buf)).toEqual([
      { name: 'Roster', rows: [['agent', '2026-12-01', 'hours'], ['A001', '=1+1 早班 & <x>', 7.5], ['A002', null, 0]] },
      { name: '覆盖', rows: [['date', 'need'], ['2026-12-01', 42]] },
    ]);
  });

  it('never writes a formula: a leading = is stored as a shared string', async () => {
    const buf = await xlsxBuffer([{ name: 'S', rows: [['=HYPERLINK("x")']], header: false }]);
    expect(readXlsx(buf)[0]!.rows).toEqual([['=HYPERLINK("x")']]);
    const sheet = xlsxParts(buf).get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet).toContain('<c r="A1" t="s"><v>0</v></c>');
    expect(sheet).not.toMatch(/<f[ >]/);
  });

  it('freezes the header row and the sticky columns', async () => {
    const buf = await xlsxBuffer([{ name: 'S', rows: [['a', 'b'], [1, 2]], stickyColumns: 2 }]);
    const sheet = xlsxParts(buf).get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet).toMatch(/<pane ySplit="1" xSplit="2"[^>]*state="frozen"/);
  });

  it('refuses bad or duplicate sheet names and an empty workbook', async () => {
    await expect(xlsxBuffer([])).rejects.toThrow(/at least one sheet/);
    await expect(xlsxBuffer([{ name: 'a/b', rows: [] }])).rejects.toThrow(/bad sheet name/);
    await expect(xlsxBuffer([{ name: 'x'.repeat(32), rows: [] }])).rejects.toThrow(/bad sheet name/);
    await expect(xlsxBuffer([{ name: 'S', rows: [] }, { name: 's', rows: [] }])).rejects.toThrow(/duplicate/);
  });
});

describe('xlsxResponse', () => {
  it('answers an attachment with the spreadsheet type, no-store, and an RFC 5987 name when it is not ASCII', async () => {
    const app = new Hono();
    app.get('/a', (c) => xlsxResponse(c as never, 'roster-2026-12.xlsx', [{ name: 'S', rows: [['a']] }]));
    app.get('/b', (c) => xlsxResponse(c as never, '排班-12.xlsx', [{ name: 'S', rows: [['a']] }]));
    const a = await app.request('/a');
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(a.headers.get('content-disposition')).toBe('attachment; filename="roster-2026-12.xlsx"');
    expect(a.headers.get('cache-control')).toBe('no-store');
    expect(readXlsx(Buffer.from(await a.arrayBuffer()))[0]!.rows).toEqual([['a']]);
    const b = await app.request('/b');
    expect(b.headers.get('content-disposition')).toBe(`attachment; filename="__-12.xlsx"; filename*=UTF-8''%E6%8E%92%E7%8F%AD-12.xlsx`);
  });
});

