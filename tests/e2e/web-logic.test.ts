// The browser app's pure logic, without a browser: the sidebar rules of design §4, how dates,
// codes and history are shown, how API errors become Vietnamese text, one-time passwords.
import { describe, expect, it } from 'vitest';
import type { Me } from '../../src/shared/contracts/auth.js';
import { newPassword } from '../../src/shared/contracts/auth.js';
import { buildMenu, selectedMenuKey, type MenuEntry } from '../../src/web/app/menu.js';
import { actionLabel, auditChanges, formatDate, formatDateTime, referenceText, refKindOf } from '../../src/web/format.js';
import { ApiError, errorMessage, fileNameFrom, withQuery } from '../../src/web/api/client.js';
import { generatePassword } from '../../src/web/features/admin/passwords.js';

function me(overrides: Omit<Partial<Me>, 'abilities'> & { abilities?: Partial<Me['abilities']> } = {}): Me {
  const { abilities, ...rest } = overrides;
  return {
    accountId: 'a1',
    username: 'u',
    displayName: 'U',
    memberId: null,
    mustChangePassword: false,
    grants: [],
    csrfToken: 't',
    committee: { id: 'c1', name: 'Thành ủy Hà Tĩnh' },
    businessDate: '2017-12-05',
    businessDateIsReal: false,
    scopeRoots: [],
    ...rest,
    abilities: {
      manageAccounts: false,
      readOrgTree: false,
      readAudit: false,
      readCampaigns: false,
      configureDocuments: false,
      ...abilities,
    },
  };
}

const labels = (entries: MenuEntry[]): string[] => entries.flatMap((e) => [e.label, ...labels(e.children ?? [])]);

describe('sidebar (design §4: only what the user may open)', () => {
  it('a member sees Trang chủ, their own profile, commitment, review, result and remediation, nothing else (design §4)', () => {
    expect(labels(buildMenu(me({ memberId: 'm1' })))).toEqual([
      'Trang chủ',
      'Hồ sơ của tôi',
      'Bản kiểm điểm của tôi',
      'Cam kết của tôi',
      'Kết quả xếp loại của tôi',
      'Khắc phục của tôi',
    ]);
  });

  it('an account without member and without grants sees only Trang chủ', () => {
    expect(labels(buildMenu(me()))).toEqual(['Trang chủ']);
  });

  it('office staff see the tree, members, the review modules and those to come, but no administration', () => {
    const l = labels(buildMenu(me({ abilities: { readOrgTree: true, readCampaigns: true } })));
    expect(l).toEqual(expect.arrayContaining(['Tổ chức đảng', 'Đảng viên', 'Kiểm điểm', 'Hội nghị', 'Xếp loại', 'Khắc phục', 'Báo cáo']));
    expect(l).not.toContain('Tài khoản và quyền');
    expect(l).not.toContain('Nhật ký');
    expect(l).not.toContain('Hồ sơ của tôi');
  });

  it('an administrator also gets Quản trị with accounts, imports and the audit log', () => {
    const entries = buildMenu(me({ abilities: { readOrgTree: true, manageAccounts: true, readAudit: true } }));
    const admin = entries.find((e) => e.key === 'admin');
    expect(admin?.children?.map((c) => c.label)).toEqual(['Tài khoản và quyền', 'Nhập dữ liệu từ Excel', 'Nhật ký']);
  });

  it('audit readers without account management see only Nhật ký under Quản trị', () => {
    const admin = buildMenu(me({ abilities: { readOrgTree: true, readAudit: true } })).find((e) => e.key === 'admin');
    expect(admin?.children?.map((c) => c.key)).toEqual(['audit']);
  });

  it('highlights the longest matching menu path', () => {
    const entries = buildMenu(me({ memberId: 'm1', abilities: { readOrgTree: true, manageAccounts: true, readAudit: true } }));
    expect(selectedMenuKey(entries, '/')).toBe('home');
    expect(selectedMenuKey(entries, '/to-chuc/abc123')).toBe('tree');
    expect(selectedMenuKey(entries, '/dang-vien')).toBe('members');
    expect(selectedMenuKey(entries, '/quan-tri/nhat-ky')).toBe('audit');
    expect(selectedMenuKey(entries, '/dang-vienxyz')).toBeNull();
    expect(selectedMenuKey(entries, '/khong-co')).toBeNull();
  });
});

describe('dates and labels (design §4: dd/mm/yyyy, Vietnamese)', () => {
  it('shows calendar dates as dd/mm/yyyy and nothing for none', () => {
    expect(formatDate('2017-12-05')).toBe('05/12/2017');
    expect(formatDate(null)).toBe('');
  });

  it('shows timestamps in local time as dd/mm/yyyy HH:mm', () => {
    const d = new Date(2026, 0, 15, 8, 5);
    expect(formatDateTime(d.toISOString())).toBe('15/01/2026 08:05');
  });

  it('labels audit actions in Vietnamese and keeps unknown codes as they are', () => {
    expect(actionLabel('member.transfer')).toBe('Đảng viên: Chuyển sinh hoạt');
    expect(actionLabel('org_unit.absorb')).toBe('Tổ chức đảng: Tiếp nhận đơn vị hợp nhất');
    expect(actionLabel('account.reset_password')).toBe('Tài khoản: Đặt lại mật khẩu');
    expect(actionLabel('campaign.frobnicate')).toBe('campaign.frobnicate');
  });
});

describe('sources as users read them', () => {
  it('shows the reference document’s sections only, without English titles or source tags', () => {
    expect(referenceText('regulations §2.3, §9b "Order of review at the meeting" [S31][S32]')).toBe('tài liệu tham chiếu §2.3, §9b');
    expect(referenceText('regulations §2.4 R9 [S28]; regulations §9b "Quota arithmetic"')).toBe('tài liệu tham chiếu §2.4 R9; §9b');
    expect(referenceText('')).toBe('');
  });
});

describe('history of changes', () => {
  it('lists only the changed fields of an update, with readable values', () => {
    const changes = auditChanges(
      { name: 'Chi bộ 1', version: 1, validFrom: null, isLeader: 0 },
      { name: 'Chi bộ khối phố 1', version: 2, validFrom: '2017-12-05', isLeader: 1 },
    );
    expect(changes).toEqual([
      { field: 'name', label: 'Tên', before: 'Chi bộ 1', after: 'Chi bộ khối phố 1' },
      { field: 'validFrom', label: 'Ngày thành lập', before: '—', after: '05/12/2017' },
      { field: 'isLeader', label: 'Lãnh đạo, quản lý', before: 'Không', after: 'Có' },
    ]);
  });

  it('shows a creation as its values, without a "before"', () => {
    const [c] = auditChanges(null, { status: 'exempt' });
    expect(c).toMatchObject({ label: 'Trạng thái', before: null, after: 'Miễn sinh hoạt' });
  });

  it('marks id fields so the page shows names instead of ids', () => {
    expect(refKindOf('unitId')).toBe('unit');
    expect(refKindOf('toUnitId')).toBe('unit');
    expect(refKindOf('sourceIds')).toBe('unit');
    expect(refKindOf('member_id')).toBe('member');
    expect(refKindOf('name')).toBeNull();
    const [c] = auditChanges({ unitId: 'aaa111' }, { unitId: 'bbb222' });
    expect(c.ref).toEqual({ kind: 'unit', before: ['aaa111'], after: ['bbb222'] });
  });
});

describe('API client helpers', () => {
  it('shows the server message, with field problems appended for a rejected form', () => {
    const err = new ApiError(400, 'request.invalid', 'Dữ liệu gửi lên không hợp lệ.', {
      problems: [{ field: 'birthDate', message: 'Ngày không hợp lệ (YYYY-MM-DD)' }],
    });
    expect(errorMessage(err)).toBe('Dữ liệu gửi lên không hợp lệ. Ngày không hợp lệ (YYYY-MM-DD)');
    expect(errorMessage(new ApiError(401, 'auth.invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.'))).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
  });

  it('never shows a raw error or stack to the user', () => {
    const text = errorMessage(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(text).toBe('Máy chủ trả lời không như mong đợi. Vui lòng thử lại sau.');
  });

  it('reads row problems of an import refusal', () => {
    const err = new ApiError(422, 'import.invalid_rows', 'Tệp có dòng không hợp lệ; chưa có dữ liệu nào được ghi.', {
      problems: [{ row: 3, column: 'Ngày sinh', message: 'Ngày không hợp lệ' }],
    });
    expect(err.rowProblems).toEqual([{ row: 3, column: 'Ngày sinh', message: 'Ngày không hợp lệ' }]);
    expect(err.fieldProblems).toEqual([]);
  });

  it('takes the UTF-8 file name of a download', () => {
    expect(fileNameFrom(`attachment; filename="dang-vien.xlsx"; filename*=UTF-8''%C4%91%E1%BA%A3ng-vi%C3%AAn.xlsx`, 'x.xlsx')).toBe(
      'đảng-viên.xlsx',
    );
    expect(fileNameFrom('attachment; filename="mau.xlsx"', 'x.xlsx')).toBe('mau.xlsx');
    expect(fileNameFrom(null, 'x.xlsx')).toBe('x.xlsx');
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/members', { q: 'thuy', unit: undefined, status: '', page: 2 })).toBe('/api/members?q=thuy&page=2');
    expect(withQuery('/api/members', {})).toBe('/api/members');
  });
});

describe('one-time passwords typed by an administrator', () => {
  it('always satisfy the shared password rule and avoid look-alike characters', () => {
    for (let i = 0; i < 500; i++) {
      const p = generatePassword();
      expect(newPassword.safeParse(p).success, p).toBe(true);
      expect(p).not.toMatch(/[0O1lI]/);
    }
  });
});
