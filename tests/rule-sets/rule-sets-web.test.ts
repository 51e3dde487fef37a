// The rule-set page's pure helpers (src/web/features/rule-sets/labels.ts) agree with the server:
// the page shows, for each meaning, the form the server's formFor would give.
import { describe, expect, it } from 'vitest';
import { FORM_MEANINGS } from '../../src/shared/campaign-vocabulary.js';
import { ALL_RULE_SETS, formFor } from '../../src/server/domain/rule-sets/index.js';
import { MEANING_LABELS, MEANING_ORDER, formForMeaning, yearsText } from '../../src/web/features/rule-sets/labels.js';

describe('rule-set page helpers', () => {
  it('formForMeaning gives the same form as the server for every period and meaning, and says when it is borrowed', () => {
    for (const rs of ALL_RULE_SETS) {
      for (const meaning of FORM_MEANINGS) {
        const found = formForMeaning(rs, meaning);
        expect(found?.form, `${rs.id} ${meaning}`).toBe(formFor(rs, meaning));
        expect(found?.borrowed).toBe(rs.forms[meaning] === undefined);
      }
    }
  });

  it('every meaning is shown, with a Vietnamese label', () => {
    expect([...MEANING_ORDER].sort()).toEqual([...FORM_MEANINGS].sort());
    for (const m of FORM_MEANINGS) expect(MEANING_LABELS[m]).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i);
  });

  it.each([
    [{ from: 2008, to: 2017 }, '2008 – 2017'],
    [{ from: 2018, to: 2018 }, 'Năm 2018'],
    [{ from: 2025, to: null }, 'Từ năm 2025'],
  ])('yearsText(%o) = %s', (years, text) => {
    expect(yearsText(years)).toBe(text);
  });
});
