import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, importFile } from '../../src/import';

const HEADER = '买家昵称,客服,会话开始时间,首次响应时长(秒),买家消息数,客服消息数,咨询类型';
const AGENTS = ['小丸子', '乔巴', '小明', '小红', '美美', '阿杰'];
const line = (i: number, buyer = `tb_${1000 + i}`) => `${buyer},${AGENTS[i % 6]},2026-11-03 09:${String(i).padStart(2, '0')}:00,${5 + i},4,4,售前`;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

async function counts(bytes: Uint8Array) {
  const result = await importFile({ name: 'chats.csv', bytes });
  expect(result.refused.map((r) => r.reason)).toEqual([]);
  const [table] = result.tables;
  return { encoding: table.encoding, read: table.rowsRead, accepted: table.consultations.length, rejected: table.rejected.map((r) => [r.row, r.reason]) };
}

describe('encodings decided by bytes, not lines', () => {
  it('a CR-only (old Mac) UTF-8 file with one stray non-UTF-8 byte stays UTF-8 and loses nothing', async () => {
    const text = [HEADER, ...Array.from({ length: 12 }, (_, i) => line(i))].join('\r') + '\r';
    const bytes = utf8(text);
    const at = Buffer.from(bytes).indexOf('tb_1005');
    bytes[at + 2] = 0xe9;
    const got = await counts(bytes);
    expect(got).toMatchObject({ encoding: 'utf-8', read: 12, accepted: 12 });
  });

  it.each([
    ['ASCII text', 'tb_9999'],
    ['Chinese text', '买家九九'],
  ])('one row pasted in UTF-16 (%s) inside a UTF-8 file is rejected alone; the rest is read', async (_, buyer) => {
    const before = utf8([HEADER, ...Array.from({ length: 6 }, (_, i) => line(i))].join('\n') + '\n');
    const pasted = new Uint8Array(iconv.encode(line(6, buyer) + '\n', 'utf-16le'));
    const after = utf8(Array.from({ length: 5 }, (_, i) => line(i + 7)).join('\n') + '\n');
    const got = await counts(concat(before, pasted, after));
    expect(got.encoding).toBe('utf-8');
    expect(got.accepted).toBe(11);
    expect(got.rejected).toEqual([[8, expect.stringContaining('not UTF-8 text like the rest')]]);
    expect(got.read).toBe(12);
  });

  it('a BOM-less UTF-16LE file of mostly Chinese text is read as UTF-16LE', async () => {
    const chinese = (i: number) => `买家${'甲乙丙丁戊己庚辛壬癸'[i % 10]}号淘宝会员,客服${AGENTS[i % 6]}组长,二〇二六年十一月三日,五秒,四条,四条,售前咨询`;
    const text = [HEADER, ...Array.from({ length: 12 }, (_, i) => chinese(i))].join('\r\n');
    const bytes = new Uint8Array(iconv.encode(text, 'utf-16le'));
    expect(decodeBytes(bytes).encoding).toBe('utf-16le');
    const be = new Uint8Array(iconv.encode(text, 'utf-16be'));
    expect(decodeBytes(be).encoding).toBe('utf-16be');
    expect(decodeBytes(bytes).text).toBe(text);
  });

  it('Chinese in UTF-8 and in GBK is never taken for UTF-16', () => {
    const text = Array.from({ length: 40 }, (_, i) => `买家${i},${AGENTS[i % 6]},售前售后赠品`).join('\n');
    expect(decodeBytes(utf8(text)).encoding).toBe('utf-8');
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'gbk'))).encoding).toBe('gb18030');
  });
});
