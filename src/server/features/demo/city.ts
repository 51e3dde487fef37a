// Thành ủy Hà Tĩnh as of the 2017 review (reference-scenario.md, "What the demo committee must
// contain"): 42 grassroots party organizations, 16 for the wards and communes of 2017 and 26 in
// agencies, public services, schools, enterprises, police and the military command. All people
// are fictitious and the units are illustrative; the shape is real.
import {
  cellCode,
  localMilitaryCell,
  localOfficeCell,
  localPoliceCell,
  militaryCell,
  officeCell,
  policeCell,
  residentialCell,
  schoolCell,
  tagSlot,
  unit,
  type CellSpec,
  type UnitSpec,
} from './blueprint.js';
import type { Rng } from './random.js';

/** The 16 wards and communes of Hà Tĩnh city in 2017, with the number of their residential chi bộ. */
export const CITY_WARDS: readonly { name: string; residential: number }[] = [
  { name: 'Bắc Hà', residential: 14 },
  { name: 'Nam Hà', residential: 12 },
  { name: 'Trần Phú', residential: 10 },
  { name: 'Tân Giang', residential: 9 },
  { name: 'Hà Huy Tập', residential: 11 },
  { name: 'Nguyễn Du', residential: 10 },
  { name: 'Đại Nài', residential: 9 },
  { name: 'Văn Yên', residential: 8 },
  { name: 'Thạch Linh', residential: 13 },
  { name: 'Thạch Quý', residential: 12 },
];
export const CITY_COMMUNES: readonly { name: string; residential: number }[] = [
  { name: 'Thạch Trung', residential: 9 },
  { name: 'Thạch Hạ', residential: 8 },
  { name: 'Thạch Môn', residential: 6 },
  { name: 'Thạch Đồng', residential: 7 },
  { name: 'Thạch Hưng', residential: 6 },
  { name: 'Thạch Bình', residential: 7 },
];

/** Hamlet names for the communes' chi bộ thôn (illustrative). */
export const HAMLET_NAMES = [
  'Tân Học',
  'Đông Tiến',
  'Trung Tiến',
  'Bắc Tiến',
  'Nam Tiến',
  'Hòa Bình',
  'Thanh Bình',
  'Tiền Phong',
  'Quyết Tiến',
  'Liên Hương',
  'Tân Phú',
  'Đồng Công',
  'Văn Minh',
  'Xuân Hà',
  'Yên Đồng',
  'Trung Thượng',
  'Bình Yên',
  'Tân Hòa',
  'Đông Văn',
  'Hợp Tiến',
  'Thuận Hòa',
  'Kim Quy',
  'Đồng Xuân',
  'Vĩnh Hòa',
  'Tân Lộc',
  'Đoài Thịnh',
  'Nam Tiến Phong',
  'Bắc Thượng',
  'Trung Hòa',
  'Đông Hạ',
];

export interface CityOptions {
  /** Code of the committee; its units are coded below it ("TU" → "TU.P02.C03"). */
  code: string;
  /**
   * The committee is the demo's root and its leaders get the demo account tags (bithu, thuongtruc,
   * bantochuc, vanphong). Inside the province the province's own leaders take those tags.
   */
  leadersTagged: boolean;
}

/** The posts of the city's Standing Committee, spelled as on a roster. */
const BTV = 'Ủy viên Ban Thường vụ Thành ủy';
const TUV = 'Thành ủy viên';

function territorial(
  rng: Rng,
  code: string,
  level: 'phường' | 'xã',
  placeName: string,
  residential: number,
  upperMember: string,
): UnitSpec {
  const place = `${level} ${placeName}`;
  const cells: { name: string; cell: CellSpec }[] = [
    { name: `Chi bộ Cơ quan ${place}`, cell: localOfficeCell(rng, place, upperMember) },
    { name: `Chi bộ Quân sự ${place}`, cell: localMilitaryCell(rng, place) },
    { name: `Chi bộ Công an ${place}`, cell: localPoliceCell(rng, place) },
    { name: `Chi bộ Trường Mầm non ${placeName}`, cell: schoolCell(rng, [7, 14]) },
    { name: `Chi bộ Trường Tiểu học ${placeName}`, cell: schoolCell(rng, [9, 16]) },
  ];
  if (level === 'phường') {
    for (let i = 1; i <= residential; i++)
      cells.push({ name: `Chi bộ Khối phố ${i}`, cell: residentialCell(rng, `Trưởng khối phố ${i}`, [9, 23]) });
  } else {
    for (const hamlet of rng.sample(HAMLET_NAMES, residential)) {
      cells.push({ name: `Chi bộ Thôn ${hamlet}`, cell: residentialCell(rng, `Trưởng thôn ${hamlet}`, [10, 26]) });
    }
  }
  return unit(code, `Đảng bộ ${place}`, 'grassroots_party', level === 'phường' ? 'ward' : 'commune', {
    partySuffix: place,
    committeeSize: rng.int(11, 15),
    children: cells.map((c, i) => unit(cellCode(code, i), c.name, 'cell', level === 'phường' ? 'ward' : 'commune', { cell: c.cell })),
  });
}

function cellUnit(code: string, name: string, sector: UnitSpec['sector'], cell: CellSpec): UnitSpec {
  return unit(code, name, 'grassroots_cell', sector, { cell });
}

function partyUnit(
  rng: Rng,
  code: string,
  name: string,
  suffix: string,
  sector: UnitSpec['sector'],
  cells: { name: string; cell: CellSpec }[],
  committee: [number, number],
): UnitSpec {
  return unit(code, name, 'grassroots_party', sector, {
    partySuffix: suffix,
    committeeSize: rng.int(committee[0], committee[1]),
    children: cells.map((c, i) => unit(cellCode(code, i), c.name, 'cell', sector, { cell: c.cell })),
  });
}

const AGENCY_STAFF = ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Nhân viên'];

export function cityBlueprint(rng: Rng, o: CityOptions): UnitSpec {
  const tag = (t: string) => (o.leadersTagged ? t : undefined);
  const units: UnitSpec[] = [];

  CITY_WARDS.forEach((w, i) =>
    units.push(territorial(rng, `${o.code}.P${String(i + 1).padStart(2, '0')}`, 'phường', w.name, w.residential, TUV)),
  );
  CITY_COMMUNES.forEach((w, i) =>
    units.push(territorial(rng, `${o.code}.X${String(i + 1).padStart(2, '0')}`, 'xã', w.name, w.residential, TUV)),
  );

  // Bắc Hà's secretary sits on the Standing Committee; Nam Hà carries the unit and chi bộ accounts.
  const bacHa = units[0];
  tagSlot(bacHa.children[0].cell, (s) => s.unitPost === 'secretary', { party: [BTV], standing: 'city' });
  const namHa = units[1];
  namHa.tag = 'namha';
  tagSlot(namHa.children[0].cell, (s) => s.unitPost === 'secretary', { tag: 'capuy' });
  // Chi bộ Khối phố 3 of Nam Hà: its secretary and one member, "… Thúy", have demo accounts.
  const demoCell = namHa.children.find((c) => c.name === 'Chi bộ Khối phố 3')!;
  demoCell.tag = 'namha.cell';
  demoCell.cell!.size = Math.max(demoCell.cell!.size, 18);
  demoCell.cell!.slots.push(
    { cellPost: 'secretary', age: [56, 66], tag: 'cellSecretary' },
    { givenName: 'Thúy', gender: 'female', age: [38, 52], tag: 'dangvien', gov: 'Tổ trưởng tổ phụ nữ' },
  );

  const c = (n: number) => `${o.code}.CQ${String(n).padStart(2, '0')}`;

  units.push(
    cellUnit(
      c(1),
      'Chi bộ Văn phòng Thành ủy',
      'agency',
      officeCell(rng, {
        head: 'Chánh Văn phòng Thành ủy',
        deputy: 'Phó Chánh Văn phòng Thành ủy',
        deputies: 2,
        size: [18, 24],
        staff: AGENCY_STAFF,
        civilServant: true,
        extra: [
          { party: ['Bí thư Thành ủy'], gov: 'Chủ tịch HĐND thành phố', leader: true, standing: 'city', age: [47, 56], tag: tag('bithu') },
          { party: ['Phó Bí thư Thường trực Thành ủy'], leader: true, standing: 'city', age: [45, 56], tag: tag('thuongtruc') },
          { gov: 'Chuyên viên Văn phòng Thành ủy', age: [28, 45], tag: tag('vanphong') },
        ],
      }),
    ),
    cellUnit(
      c(2),
      'Chi bộ Ban Tổ chức – Ủy ban Kiểm tra Thành ủy',
      'agency',
      officeCell(rng, {
        head: 'Trưởng Ban Tổ chức Thành ủy',
        deputy: 'Phó Trưởng Ban Tổ chức Thành ủy',
        size: [14, 19],
        staff: AGENCY_STAFF,
        civilServant: true,
        extra: [
          { gov: 'Chủ nhiệm Ủy ban Kiểm tra Thành ủy', party: [BTV], leader: true, standing: 'city', cellPost: 'committee', age: [45, 56] },
          { gov: 'Chuyên viên Ban Tổ chức Thành ủy', age: [28, 45], tag: tag('bantochuc') },
        ],
      }),
    ),
    cellUnit(
      c(3),
      'Chi bộ Ban Tuyên giáo – Ban Dân vận Thành ủy',
      'agency',
      officeCell(rng, {
        head: 'Trưởng Ban Tuyên giáo Thành ủy',
        deputy: 'Phó Trưởng Ban Tuyên giáo Thành ủy',
        deputies: 1,
        size: [12, 16],
        staff: AGENCY_STAFF,
        civilServant: true,
        extra: [{ gov: 'Trưởng Ban Dân vận Thành ủy', party: [BTV], leader: true, standing: 'city', cellPost: 'deputy', age: [45, 56] }],
      }),
    ),
    cellUnit(
      c(4),
      'Chi bộ Khối Mặt trận và các đoàn thể thành phố',
      'agency',
      officeCell(rng, {
        head: 'Chủ tịch Ủy ban MTTQ Việt Nam thành phố',
        size: [15, 20],
        staff: AGENCY_STAFF,
        civilServant: true,
        extra: [
          { gov: 'Chủ tịch Hội Liên hiệp Phụ nữ thành phố', gender: 'female', leader: true, head: true, cellPost: 'deputy', age: [40, 54] },
          { gov: 'Bí thư Thành đoàn', leader: true, head: true, age: [30, 36] },
          { gov: 'Chủ tịch Hội Nông dân thành phố', leader: true, head: true, age: [45, 58] },
          { gov: 'Chủ tịch Hội Cựu chiến binh thành phố', gender: 'male', leader: true, head: true, age: [52, 59] },
          { gov: 'Chủ tịch Liên đoàn Lao động thành phố', leader: true, head: true, age: [42, 56] },
        ],
      }),
    ),
  );
  // The Standing Committee posts of the heads of the boards and of the Front.
  for (const cu of units.slice(-4)) {
    const head = cu.cell!.slots.find(
      (s) => s.head && /^(Chánh Văn phòng|Trưởng Ban Tổ chức|Trưởng Ban Tuyên giáo|Chủ tịch Ủy ban MTTQ)/.test(s.gov ?? ''),
    );
    if (head) Object.assign(head, { party: [BTV], standing: 'city' });
  }

  const departments: { name: string; short: string }[] = [
    { name: 'Văn phòng HĐND và UBND thành phố', short: 'Văn phòng HĐND và UBND thành phố' },
    { name: 'Phòng Tài chính – Kế hoạch', short: 'phòng Tài chính – Kế hoạch' },
    { name: 'Phòng Tài nguyên và Môi trường', short: 'phòng Tài nguyên và Môi trường' },
    { name: 'Phòng Quản lý đô thị', short: 'phòng Quản lý đô thị' },
    { name: 'Phòng Nội vụ', short: 'phòng Nội vụ' },
    { name: 'Phòng Lao động – Thương binh và Xã hội', short: 'phòng Lao động – Thương binh và Xã hội' },
    { name: 'Phòng Kinh tế', short: 'phòng Kinh tế' },
    { name: 'Phòng Tư pháp', short: 'phòng Tư pháp' },
    { name: 'Thanh tra thành phố', short: 'Thanh tra thành phố' },
    { name: 'Phòng Văn hóa và Thông tin', short: 'phòng Văn hóa và Thông tin' },
    { name: 'Phòng Giáo dục và Đào tạo', short: 'phòng Giáo dục và Đào tạo' },
  ];
  const ubnd = departments.map((d, i) => {
    const isOffice = i === 0;
    const headTitle = isOffice
      ? 'Chánh Văn phòng HĐND và UBND thành phố'
      : d.short.startsWith('Thanh tra')
        ? 'Chánh Thanh tra thành phố'
        : `Trưởng ${d.short}`;
    const deputyTitle = isOffice
      ? 'Phó Chánh Văn phòng HĐND và UBND thành phố'
      : d.short.startsWith('Thanh tra')
        ? 'Phó Chánh Thanh tra thành phố'
        : `Phó Trưởng ${d.short}`;
    const cell = officeCell(rng, {
      head: headTitle,
      deputy: deputyTitle,
      size: isOffice ? [14, 20] : [6, 12],
      staff: AGENCY_STAFF,
      civilServant: true,
      extra: isOffice
        ? [
            {
              party: ['Phó Bí thư Thành ủy'],
              gov: 'Chủ tịch UBND thành phố',
              leader: true,
              head: true,
              standing: 'city',
              unitPost: 'committee',
              age: [45, 55],
            },
            { party: [BTV], gov: 'Phó Chủ tịch UBND thành phố', leader: true, standing: 'city', age: [42, 55] },
            { party: [TUV], gov: 'Phó Chủ tịch UBND thành phố', leader: true, age: [40, 55] },
          ]
        : [],
    });
    const head = cell.slots.find((s) => s.gov === headTitle)!;
    // The office's head leads the đảng ủy, Finance's head deputizes; the generator fills the rest.
    if (i === 0) head.unitPost = 'secretary';
    if (i === 1) head.unitPost = 'deputy';
    return { name: `Chi bộ ${d.name}`, cell };
  });
  units.push(partyUnit(rng, c(5), 'Đảng bộ Cơ quan Ủy ban nhân dân thành phố', 'Cơ quan UBND thành phố', 'agency', ubnd, [9, 11]));

  const agency = (n: number, name: string, headTitle: string, deputy: string, size: [number, number]) =>
    cellUnit(c(n), `Chi bộ ${name}`, 'agency', officeCell(rng, { head: headTitle, deputy, size, staff: AGENCY_STAFF, civilServant: true }));
  units.push(
    agency(6, 'Chi cục Thuế thành phố', 'Chi cục trưởng Chi cục Thuế', 'Phó Chi cục trưởng Chi cục Thuế', [20, 28]),
    agency(7, 'Kho bạc Nhà nước thành phố', 'Giám đốc Kho bạc Nhà nước thành phố', 'Phó Giám đốc Kho bạc Nhà nước thành phố', [9, 14]),
    agency(8, 'Tòa án nhân dân thành phố', 'Chánh án Tòa án nhân dân thành phố', 'Phó Chánh án Tòa án nhân dân thành phố', [10, 14]),
    agency(
      9,
      'Viện Kiểm sát nhân dân thành phố',
      'Viện trưởng Viện Kiểm sát nhân dân thành phố',
      'Phó Viện trưởng Viện Kiểm sát nhân dân thành phố',
      [9, 13],
    ),
    agency(
      10,
      'Chi cục Thi hành án dân sự thành phố',
      'Chi cục trưởng Chi cục Thi hành án dân sự',
      'Phó Chi cục trưởng Chi cục Thi hành án dân sự',
      [8, 12],
    ),
    agency(11, 'Bảo hiểm xã hội thành phố', 'Giám đốc Bảo hiểm xã hội thành phố', 'Phó Giám đốc Bảo hiểm xã hội thành phố', [10, 16]),
  );

  const s = (n: number) => `${o.code}.SN${String(n).padStart(2, '0')}`;
  const health = [
    'Ban Giám đốc – Phòng chức năng',
    'Khoa Khám bệnh',
    'Khoa Nội – Nhi',
    'Khoa Kiểm soát bệnh tật',
    'Trạm Y tế các phường',
  ].map((name, i) => ({
    name: `Chi bộ ${name}`,
    cell: officeCell(rng, {
      head: i === 0 ? 'Giám đốc Trung tâm Y tế thành phố' : name.startsWith('Khoa') ? `Trưởng k${name.slice(1)}` : `Trưởng ${name}`,
      deputy: i === 0 ? 'Phó Giám đốc Trung tâm Y tế thành phố' : undefined,
      size: [10, 18],
      staff: ['Bác sĩ', 'Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Dược sĩ', 'Kỹ thuật viên', 'Nhân viên'],
      femaleShare: 0.65,
    }),
  }));
  health[0].cell.slots.find((x) => x.head)!.unitPost = 'secretary';
  units.push(partyUnit(rng, s(1), 'Đảng bộ Trung tâm Y tế thành phố', 'Trung tâm Y tế thành phố', 'public_service', health, [5, 7]));
  const service = (
    n: number,
    name: string,
    headTitle: string,
    deputy: string,
    size: [number, number],
    staff = ['Viên chức', 'Viên chức', 'Nhân viên', 'Kỹ sư'],
  ) => cellUnit(s(n), `Chi bộ ${name}`, 'public_service', officeCell(rng, { head: headTitle, deputy, size, staff }));
  units.push(
    service(2, 'Ban Quản lý dự án đầu tư xây dựng thành phố', 'Giám đốc Ban Quản lý dự án', 'Phó Giám đốc Ban Quản lý dự án', [12, 18]),
    service(
      3,
      'Trung tâm Văn hóa – Thông tin thành phố',
      'Giám đốc Trung tâm Văn hóa – Thông tin',
      'Phó Giám đốc Trung tâm Văn hóa – Thông tin',
      [9, 14],
    ),
    service(
      4,
      'Đội Quản lý trật tự đô thị thành phố',
      'Đội trưởng Đội Quản lý trật tự đô thị',
      'Đội phó Đội Quản lý trật tự đô thị',
      [9, 14],
      ['Đội viên', 'Đội viên', 'Nhân viên'],
    ),
    service(
      5,
      'Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên thành phố',
      'Giám đốc Trung tâm',
      'Phó Giám đốc Trung tâm',
      [9, 14],
      ['Giáo viên', 'Giáo viên', 'Nhân viên'],
    ),
  );

  const t = (n: number) => `${o.code}.TH${String(n).padStart(2, '0')}`;
  ['Trường THCS Lê Văn Thiêm', 'Trường THCS Nguyễn Du', 'Trường THCS Hàm Nghi', 'Trường THCS Nam Hà'].forEach((name, i) =>
    units.push(cellUnit(t(i + 1), `Chi bộ ${name}`, 'school', schoolCell(rng, [14, 24]))),
  );

  const d = (n: number) => `${o.code}.DN${String(n).padStart(2, '0')}`;
  const urenco = ['Văn phòng Công ty', 'Đội Vệ sinh môi trường', 'Đội Cây xanh – Điện chiếu sáng'].map((name, i) => ({
    name: `Chi bộ ${name}`,
    cell: officeCell(rng, {
      head: i === 0 ? 'Giám đốc Công ty' : `Đội trưởng ${name.replace(/^Đội /, 'đội ')}`,
      deputy: i === 0 ? 'Phó Giám đốc Công ty' : 'Đội phó',
      size: [12, 18],
      staff: i === 0 ? ['Nhân viên', 'Kế toán', 'Kỹ sư'] : ['Công nhân', 'Công nhân', 'Tổ trưởng'],
      femaleShare: i === 0 ? 0.5 : 0.35,
    }),
  }));
  urenco[0].cell.slots.find((x) => x.head)!.unitPost = 'secretary';
  units.push(
    partyUnit(
      rng,
      d(1),
      'Đảng bộ Công ty Cổ phần Môi trường và Dịch vụ đô thị Hà Tĩnh',
      'Công ty Cổ phần Môi trường và Dịch vụ đô thị',
      'enterprise',
      urenco,
      [5, 7],
    ),
  );
  const company = (n: number, name: string, size: [number, number]) =>
    cellUnit(
      d(n),
      `Chi bộ ${name}`,
      'enterprise',
      officeCell(rng, {
        head: 'Giám đốc',
        deputy: 'Phó Giám đốc',
        size,
        staff: ['Nhân viên', 'Kế toán', 'Kỹ sư', 'Công nhân', 'Công nhân'],
        femaleShare: 0.35,
      }),
    );
  units.push(
    company(2, 'Công ty Cổ phần Xây dựng và Thương mại Hồng Lam', [10, 16]),
    company(3, 'Công ty Cổ phần Xe khách Hà Tĩnh', [8, 12]),
    company(4, 'Công ty TNHH Xây dựng Thành Sen', [6, 10]),
  );

  const policeUnits = [
    'Tham mưu – Tổng hợp',
    'An ninh',
    'Cảnh sát điều tra tội phạm về trật tự xã hội',
    'Cảnh sát kinh tế – ma túy',
    'Cảnh sát giao thông – trật tự',
    'Cảnh sát quản lý hành chính về trật tự xã hội',
    'Cảnh sát thi hành án hình sự và hỗ trợ tư pháp',
  ].map((name, i) => ({
    name: `Chi bộ ${name}`,
    cell: policeCell(
      rng,
      i === 0 ? 'Đội trưởng Đội Tham mưu – Tổng hợp' : `Đội trưởng Đội ${name}`,
      'Phó Đội trưởng',
      [9, 15],
      i === 0
        ? [
            {
              gov: 'Trưởng Công an thành phố',
              party: [BTV],
              standing: 'city',
              head: true,
              leader: true,
              unitPost: 'secretary',
              gender: 'male',
              age: [45, 55],
            },
            { gov: 'Phó Trưởng Công an thành phố', leader: true, unitPost: 'deputy', age: [40, 54] },
          ]
        : [],
    ),
  }));
  units.push(partyUnit(rng, `${o.code}.CA01`, 'Đảng bộ Công an thành phố', 'Công an thành phố', 'police', policeUnits, [7, 9]));

  const military = [
    {
      name: 'Chi bộ Chỉ huy – Tham mưu',
      cell: militaryCell(
        rng,
        'Phó Chỉ huy trưởng – Tham mưu trưởng',
        [10, 14],
        [
          {
            gov: 'Chỉ huy trưởng Ban Chỉ huy Quân sự thành phố',
            party: [BTV],
            standing: 'city',
            leader: true,
            unitPost: 'deputy',
            gender: 'male',
            age: [42, 52],
          },
          { gov: 'Chính trị viên Ban Chỉ huy Quân sự thành phố', leader: true, unitPost: 'secretary', gender: 'male', age: [42, 52] },
        ],
      ),
    },
    { name: 'Chi bộ Chính trị – Hậu cần', cell: militaryCell(rng, 'Chính trị viên phó', [8, 12]) },
    { name: 'Chi bộ Trung đội Dân quân cơ động', cell: militaryCell(rng, 'Trung đội trưởng', [7, 12]) },
  ];
  units.push(partyUnit(rng, `${o.code}.QS01`, 'Đảng bộ Quân sự thành phố', 'Quân sự thành phố', 'military', military, [5, 7]));

  return unit(o.code, 'Thành ủy Hà Tĩnh', 'committee', null, { children: units, tag: 'city' });
}
