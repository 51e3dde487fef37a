import { describe, expect, it } from 'vitest';
import { cleanText, foldForSearch, nameSearchText, nameWordOffsets, rosterSortKey, splitFullName } from '../../src/shared/text.js';
import { formatVietnameseDate, parseVietnameseDate } from '../../src/shared/dates.js';

describe('nameWordOffsets', () => {
  it('gives each distinct word once, at the space before its first occurrence', () => {
    const text = nameSearchText('Nguyễn Thị Thu Thủy Thu');
    expect(text).toBe(' nguyen thi thu thuy thu');
    const offsets = nameWordOffsets(text);
    expect(offsets).toEqual([
      { word: 'nguyen', offset: 1 },
      { word: 'thi', offset: 8 },
      { word: 'thu', offset: 12 },
      { word: 'thuy', offset: 16 },
    ]);
    // What the prefix search relies on: the text before the offset (1-based) ends just before " word".
    for (const { word, offset } of offsets) expect(text.slice(offset - 1).startsWith(` ${word}`)).toBe(true);
  });
});

describe('foldForSearch', () => {
  it.each([
    ['Thúy', 'thuy'],
    ['Đặng', 'dang'],
    ['Nguyễn Văn Ánh', 'nguyen van anh'],
    ['ĐỖ THỊ HỒNG', 'do thi hong'],
    ['Trương  Ưng   Ơn', 'truong ung on'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('folds NFD input the same as NFC', () => {
    expect(foldForSearch('Thúy'.normalize('NFD'))).toBe(foldForSearch('Thúy'.normalize('NFC')));
  });
});

describe('rosterSortKey', () => {
  const collator = new Intl.Collator('vi');
  // Roster order (design §3): given name, then family name, then middle name, each in Vietnamese order.
  const byRoster = (a: string, b: string) => {
    const x = splitFullName(a);
    const y = splitFullName(b);
    return (
      collator.compare(x.givenName, y.givenName) ||
      collator.compare(x.familyName, y.familyName) ||
      collator.compare(x.middleName, y.middleName)
    );
  };
  const byKey = (a: string, b: string) => {
    const ka = rosterSortKey(splitFullName(a));
    const kb = rosterSortKey(splitFullName(b));
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

  it('orders letters as the Vietnamese alphabet: a < ă < â, d < đ, o < ô < ơ, u < ư', () => {
    const names = ['Lê Văn Ư', 'Lê Văn U', 'Lê Văn Đ', 'Lê Văn D', 'Lê Văn Ơ', 'Lê Văn Ô', 'Lê Văn O', 'Lê Văn Â', 'Lê Văn Ă', 'Lê Văn A'];
    expect([...names].sort(byKey).map((n) => splitFullName(n).givenName)).toEqual(['A', 'Ă', 'Â', 'D', 'Đ', 'O', 'Ô', 'Ơ', 'U', 'Ư']);
  });

  it('orders tones plain < huyền < hỏi < ngã < sắc < nặng', () => {
    const names = ['Trần Thị Thụy', 'Trần Thị Thúy', 'Trần Thị Thũy', 'Trần Thị Thủy', 'Trần Thị Thùy', 'Trần Thị Thuy'];
    expect([...names].sort(byKey).map((n) => splitFullName(n).givenName)).toEqual(['Thuy', 'Thùy', 'Thủy', 'Thũy', 'Thúy', 'Thụy']);
  });

  it('sorts by given name first, then family, then middle name', () => {
    const names = ['Nguyễn Văn Bình', 'Trần Thị An', 'Lê Văn An', 'Lê Thị An', 'Nguyễn Thị Anh'];
    expect([...names].sort(byKey)).toEqual(['Lê Thị An', 'Lê Văn An', 'Trần Thị An', 'Nguyễn Thị Anh', 'Nguyễn Văn Bình']);
  });

  it('agrees with Intl.Collator("vi") on a generated roster', () => {
    const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Vũ', 'Đặng', 'Đỗ', 'Bùi', 'Ngô', 'Dương', 'Ông', 'Ân'];
    const middles = ['Văn', 'Thị', 'Đình', 'Hữu', 'Thị Thu', 'Ngọc', 'Minh', ''];
    const givens = [
      'An',
      'Ân',
      'Anh',
      'Ánh',
      'Bình',
      'Dũng',
      'Đức',
      'Hà',
      'Hạ',
      'Hải',
      'Hằng',
      'Hương',
      'Thu',
      'Thư',
      'Thúy',
      'Thủy',
      'Thùy',
      'Ưng',
      'Uyên',
      'Yến',
    ];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const names: string[] = [];
    for (let i = 0; i < 600; i++)
      names.push(cleanText(`${families[rand(families.length)]} ${middles[rand(middles.length)]} ${givens[rand(givens.length)]}`));
    const expected = [...names].sort(byRoster);
    const actual = [...names].sort(byKey);
    // Equal names may come in any order; compare the sequences of names.
    expect(actual).toEqual(expected);
  });
});

describe('splitFullName', () => {
  it('takes the first word as family name and the last as given name', () => {
    expect(splitFullName(' Nguyễn  Thị Minh  Khai ')).toEqual({ familyName: 'Nguyễn', middleName: 'Thị Minh', givenName: 'Khai' });
    expect(splitFullName('Lê Thủy')).toEqual({ familyName: 'Lê', middleName: '', givenName: 'Thủy' });
  });
});

describe('dates', () => {
  it('parses dd/mm/yyyy and refuses impossible dates', () => {
    expect(parseVietnameseDate('05/12/2017')).toBe('2017-12-05');
    expect(parseVietnameseDate('5/2/2017')).toBe('2017-02-05');
    expect(parseVietnameseDate('30/02/2017')).toBeNull();
    expect(parseVietnameseDate('2017-12-05')).toBe('2017-12-05');
    expect(parseVietnameseDate('12/2017')).toBeNull();
  });
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatVietnameseDate('2017-12-05')).toBe('05/12/2017');
    expect(formatVietnameseDate(null)).toBe('');
  });
});
