import { describe, expect, it } from 'vitest';
import { csvFile, csvRows, guardFormula, type CsvValue } from './csv';

describe('csvRows: one cell', () => {
  it.each<[string, CsvValue, string]>([
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['empty text', '', ''],
    ['integer', 288, '288'],
    ['decimal keeps the `.` point', 83.33, '83.33'],
    ['negative number is a number, not a formula', -1.5, '-1.5'],
    ['zero', 0, '0'],
    ['NaN', Number.NaN, ''],
    ['Infinity', Number.POSITIVE_INFINITY, ''],
    ['plain text', 'COD', 'COD'],
    ['Vietnamese text', 'Trạm xử lý nước thải', 'Trạm xử lý nước thải'],
    ['one character', 'x', 'x'],
    ['one character =', '=', "'="],
    ['one character +', '+', "'+"],
    ['one character @', '@', "'@"],
    ['a lone - (unit of pH)', '-', '-'],
    ['formula =', '=1+2', "'=1+2"],
    ['formula +', '+84 912', "'+84 912"],
    ['formula -', '-2+3', "'-2+3"],
    ['formula @', '@SUM(A1)', "'@SUM(A1)"],
    ['leading tab', '\t=1', "'\t=1"],
    ['full-width =', '＝1+1', "'＝1+1"],
    ['= inside is fine', 'a=b', 'a=b'],
    ['comma', 'a,b', '"a,b"'],
    ['semicolon', 'a;b', '"a;b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['one quote', '"', '""""'],
    ['newline', 'line 1\nline 2', '"line 1\nline 2"'],
    ['CRLF', 'a\r\nb', '"a\r\nb"'],
    ['formula with a comma', '=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
  ])('%s', (_label, value, expected) => {
    expect(csvRows([[value]])).toBe(`${expected}\r\n`);
  });
});

describe('csvRows and csvFile', () => {
  it('separates cells with `,` and ends every row with CRLF', () => {
    expect(csvRows([['a', 1, null, 'b'], ['c', 2.5, undefined, '']])).toBe('a,1,,b\r\nc,2.5,,\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(csvRows([])).toBe('');
  });

  it('a file starts with the UTF-8 BOM and the header, guarded like any cell', () => {
    const bytes = csvFile(['Mã trạm', '=x'], [['NT_01', 1]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe("\uFEFFMã trạm,'=x\r\nNT_01,1\r\n");
  });

  it('guardFormula is the rule the writer applies to text', () => {
    expect(guardFormula('@x')).toBe("'@x");
    expect(guardFormula('x@')).toBe('x@');
  });
});
