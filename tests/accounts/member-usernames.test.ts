// Usernames of members' accounts (pure).
import { describe, expect, it } from 'vitest';
import { pickUsername, usernameBase } from '../../src/server/features/accounts/member-usernames.js';
import { createAccountBody } from '../../src/shared/contracts/auth.js';

describe('member usernames', () => {
  it('puts the given name first, without diacritics', () => {
    expect(usernameBase({ familyName: 'Nguyễn', middleName: 'Thị', givenName: 'Thúy' })).toBe('thuy.nguyenthi');
    expect(usernameBase({ familyName: 'Đặng', middleName: 'Văn', givenName: 'Hùng' })).toBe('hung.dangvan');
    expect(usernameBase({ familyName: 'Tôn Nữ', middleName: 'Thị Ngọc', givenName: 'Diệp' })).toBe('diep.tonnuthingoc');
    expect(usernameBase({ familyName: 'Lê', middleName: '', givenName: 'Thủy' })).toBe('thuy.le');
  });

  it('always gives a valid username, even for short or odd names', () => {
    for (const name of [
      { familyName: '', middleName: '', givenName: 'An' },
      { familyName: '', middleName: '', givenName: '' },
      { familyName: 'Nguyễn', middleName: 'Văn Thành Công Minh Đức Trí Tuệ Quang', givenName: 'Vinhquanghuyhoang' },
      { familyName: "O'Neil", middleName: '', givenName: 'Ý' },
    ]) {
      const base = usernameBase(name);
      expect(createAccountBody.shape.username.safeParse(`${base}99`).success, base).toBe(true);
    }
    expect(usernameBase({ familyName: '', middleName: '', givenName: 'An' })).toBe('dv.an');
  });

  it('numbers a taken name from 2', () => {
    const taken = new Set(['thuy.nguyenthi', 'thuy.nguyenthi2']);
    expect(pickUsername('thuy.nguyenthi', taken)).toBe('thuy.nguyenthi3');
    expect(pickUsername('thuy.nguyenthi', taken)).toBe('thuy.nguyenthi4');
    expect(pickUsername('lan.tranthi', taken)).toBe('lan.tranthi');
    expect(taken.has('lan.tranthi')).toBe(true);
  });
});
