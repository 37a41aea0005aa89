import { RowChunk, RowChunker } from '../src/row-chunks';

/** The rows a chunk carries, its documents decoded back from UTF-8. */
function rowsOf({ ids, ends, bytes, values }: RowChunk, width: number) {
  const text = Buffer.from(bytes);
  return ids.map((id, i) => ({
    id,
    json: text.toString('utf8', i === 0 ? 0 : ends[i - 1], ends[i]),
    values: values.slice(i * width, (i + 1) * width),
  }));
}

describe('RowChunker', () => {
  it('hands on every row exactly as added, in order, across chunks, whatever the characters', () => {
    // given: about 9 MB of documents with Danish letters, typographic quotes and a character outside the BMP
    const chunks: RowChunk[] = [];
    const chunker = new RowChunker('sager', (chunk) => chunks.push(chunk));
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      id: `sag-${i}`,
      json: JSON.stringify({ i, tekst: `Børn og “unge” 😀 ${'æøå'.repeat(i % 7)}`.repeat(100) }),
      values: [`titel ${i}`, i % 3 === 0 ? null : i],
    }));
    // when
    for (const { id, json, values } of rows) chunker.add(id, json, values);
    chunker.flush();
    // then
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.projection === 'sager')).toBe(true);
    expect(chunks.flatMap((chunk) => rowsOf(chunk, 2))).toEqual(rows);
  });

  it('gives a document larger than a chunk a chunk of its own, and flushes nothing when empty', () => {
    const chunks: RowChunk[] = [];
    const chunker = new RowChunker('moeder', (chunk) => chunks.push(chunk));
    const small = JSON.stringify({ tekst: 'lille' });
    const large = JSON.stringify({ tekst: 'ø'.repeat(5 << 20) });
    chunker.add('a', small, []);
    chunker.add('b', large, []);
    chunker.flush();
    chunker.flush();
    expect(chunks.map((chunk) => rowsOf(chunk, 0))).toEqual([
      [{ id: 'a', json: small, values: [] }],
      [{ id: 'b', json: large, values: [] }],
    ]);
  });
});
