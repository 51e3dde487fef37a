// The province-sized committee for benchmarks (reference-scenario.md, "Larger datasets"): Tỉnh ủy
// Hà Tĩnh with 15 committees of district level (the city of the demo, two towns, ten districts and
// the two blocs of provincial agencies and enterprises), about 1,500 grassroots units, 10,000 chi bộ
// and 150,000 members. Districts are as before the 2025 reform; names of units are illustrative.
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
  unit,
  type CellSpec,
  type Slot,
  type UnitSpec,
} from './blueprint.js';
import { cityBlueprint, HAMLET_NAMES } from './city.js';
import type { Rng } from './random.js';

interface District {
  name: string;
  level: 'thị xã' | 'huyện';
  /** First syllable of most of its communes' names (illustrative). */
  prefix: string;
}

const DISTRICTS: readonly District[] = [
  { name: 'Hồng Lĩnh', level: 'thị xã', prefix: 'Trung' },
  { name: 'Kỳ Anh', level: 'thị xã', prefix: 'Kỳ' },
  { name: 'Nghi Xuân', level: 'huyện', prefix: 'Xuân' },
  { name: 'Đức Thọ', level: 'huyện', prefix: 'Đức' },
  { name: 'Hương Sơn', level: 'huyện', prefix: 'Sơn' },
  { name: 'Vũ Quang', level: 'huyện', prefix: 'Hương' },
  { name: 'Can Lộc', level: 'huyện', prefix: 'Thanh' },
  { name: 'Lộc Hà', level: 'huyện', prefix: 'Thạch' },
  { name: 'Thạch Hà', level: 'huyện', prefix: 'Thạch' },
  { name: 'Cẩm Xuyên', level: 'huyện', prefix: 'Cẩm' },
  { name: 'Kỳ Anh', level: 'huyện', prefix: 'Kỳ' },
  { name: 'Hương Khê', level: 'huyện', prefix: 'Phúc' },
];

const SECOND_SYLLABLES = [
  'Tân',
  'Trung',
  'Hải',
  'Phong',
  'Hòa',
  'Bình',
  'Long',
  'Sơn',
  'Thủy',
  'Lâm',
  'Văn',
  'Đồng',
  'Hưng',
  'Thịnh',
  'Xuân',
  'Lạc',
  'Ninh',
  'Khang',
  'Lợi',
  'Thắng',
  'Châu',
  'Tiến',
  'Hà',
  'Vĩnh',
  'Mỹ',
  'Phú',
  'Thọ',
  'Lộc',
  'Yên',
  'Quang',
  'An',
  'Nam',
  'Bắc',
  'Đông',
  'Tây',
  'Minh',
  'Hương',
  'Liên',
  'Kim',
  'Giang',
];

const AGENCY_STAFF = ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Nhân viên'];
const COMPANY_STAFF = ['Nhân viên', 'Kế toán', 'Kỹ sư', 'Công nhân', 'Công nhân', 'Tổ trưởng sản xuất'];
const pad = (n: number) => String(n).padStart(2, '0');

function cellsUnder(
  code: string,
  kind: 'grassroots_party',
  name: string,
  suffix: string,
  sector: UnitSpec['sector'],
  cells: { name: string; cell: CellSpec }[],
  committeeSize: number,
): UnitSpec {
  return unit(code, name, kind, sector, {
    partySuffix: suffix,
    committeeSize,
    children: cells.map((c, i) => unit(cellCode(code, i), c.name, 'cell', sector, { cell: c.cell })),
  });
}

/** How the head and the deputy of a department are called. */
function titlesOf(d: string): { head: string; deputy: string } {
  if (/^(Văn phòng|Thanh tra)/.test(d)) return { head: `Chánh ${d}`, deputy: `Phó Chánh ${d}` };
  if (d.startsWith('Ban Giám đốc')) return { head: 'Giám đốc', deputy: 'Phó Giám đốc' };
  if (d.startsWith('phân xưởng')) return { head: `Quản đốc ${d}`, deputy: `Phó Quản đốc ${d}` };
  if (d.startsWith('đội')) return { head: `Đội trưởng ${d}`, deputy: `Đội phó ${d}` };
  return { head: `Trưởng ${d}`, deputy: `Phó Trưởng ${d}` };
}

/** A đảng bộ cơ sở of an office with departments: the first department's head leads its đảng ủy. */
function departmentalUnit(
  rng: Rng,
  code: string,
  name: string,
  suffix: string,
  sector: UnitSpec['sector'],
  departments: string[],
  size: [number, number],
  staff: readonly string[],
  civilServant: boolean,
): UnitSpec {
  const cells = departments.map((d, i) => {
    const t = titlesOf(d);
    const cell = officeCell(rng, { head: t.head, deputy: t.deputy, deputies: 1, size, staff, civilServant });
    if (i === 0) cell.slots.find((s) => s.head)!.unitPost = 'secretary';
    if (i === 1) cell.slots.find((s) => s.head)!.unitPost = 'deputy';
    return { name: `Chi bộ ${d.charAt(0).toUpperCase()}${d.slice(1)}`, cell };
  });
  return cellsUnder(code, 'grassroots_party', name, suffix, sector, cells, rng.int(5, 9));
}

function locality(
  rng: Rng,
  code: string,
  level: 'phường' | 'xã' | 'thị trấn',
  placeName: string,
  upperMember: string,
  small = false,
): UnitSpec {
  const place = `${level} ${placeName}`;
  const cells: { name: string; cell: CellSpec }[] = [
    { name: `Chi bộ Cơ quan ${place}`, cell: localOfficeCell(rng, place, upperMember) },
    { name: `Chi bộ Quân sự ${place}`, cell: localMilitaryCell(rng, place) },
    { name: `Chi bộ Công an ${place}`, cell: localPoliceCell(rng, place) },
    { name: `Chi bộ Trường Mầm non ${placeName}`, cell: schoolCell(rng, [6, 13]) },
    { name: `Chi bộ Trường Tiểu học ${placeName}`, cell: schoolCell(rng, [8, 15]) },
  ];
  const residential = small ? rng.int(3, 5) : rng.int(12, 19);
  if (level === 'xã') {
    for (const hamlet of rng.sample(HAMLET_NAMES, residential))
      cells.push({ name: `Chi bộ Thôn ${hamlet}`, cell: residentialCell(rng, `Trưởng thôn ${hamlet}`, [10, 24]) });
  } else {
    const word = level === 'phường' ? 'Tổ dân phố' : 'Khối';
    for (let i = 1; i <= residential; i++)
      cells.push({ name: `Chi bộ ${word} ${i}`, cell: residentialCell(rng, `Tổ trưởng ${word.toLowerCase()} ${i}`, [10, 24]) });
  }
  const sector = level === 'xã' ? 'commune' : level === 'phường' ? 'ward' : 'town';
  return cellsUnder(code, 'grassroots_party', `Đảng bộ ${place}`, place, sector, cells, rng.int(11, 15));
}

function districtBlueprint(rng: Rng, code: string, d: District, small = false): UnitSpec {
  const area = `${d.level} ${d.name}`;
  const committee = `${d.level === 'huyện' ? 'Huyện ủy' : 'Thị ủy'} ${d.name}`;
  const upperMember = d.level === 'huyện' ? 'Huyện ủy viên' : 'Thị ủy viên';
  const units: UnitSpec[] = [];

  const names = rng.sample(SECOND_SYLLABLES, 30).map((s) => `${d.prefix} ${s}`);
  names.slice(0, small ? 7 : names.length).forEach((placeName, i) => {
    const level = d.level === 'thị xã' ? (i < 6 ? 'phường' : 'xã') : i === 0 ? 'thị trấn' : 'xã';
    const letter = level === 'phường' ? 'P' : level === 'thị trấn' ? 'T' : 'X';
    units.push(locality(rng, `${code}.${letter}${pad(i + 1)}`, level, level === 'thị trấn' ? d.name : placeName, upperMember, small));
  });
  // A small district (tests): its localities and one office, enough for the campaigns and the merger.
  if (small) {
    units.push(
      unit(`${code}.CQ02`, `Chi bộ Văn phòng ${committee}`, 'grassroots_cell', 'agency', {
        cell: officeCell(rng, {
          head: `Chánh Văn phòng ${committee}`,
          deputy: `Phó Chánh Văn phòng ${committee}`,
          size: [9, 14],
          staff: AGENCY_STAFF,
          civilServant: true,
        }),
      }),
    );
    return unit(code, committee, 'committee', null, { children: units });
  }

  units.push(
    departmentalUnit(
      rng,
      `${code}.CQ01`,
      `Đảng bộ Cơ quan UBND ${area}`,
      `Cơ quan UBND ${area}`,
      'agency',
      [
        `Văn phòng HĐND và UBND ${area}`,
        'phòng Tài chính – Kế hoạch',
        'phòng Tài nguyên và Môi trường',
        'phòng Kinh tế – Hạ tầng',
        'phòng Nội vụ',
        'phòng Lao động – Thương binh và Xã hội',
        'phòng Nông nghiệp và Phát triển nông thôn',
        'phòng Tư pháp',
        `Thanh tra ${area}`,
        'phòng Văn hóa và Thông tin',
        'phòng Giáo dục và Đào tạo',
        'phòng Y tế',
      ],
      [6, 12],
      AGENCY_STAFF,
      true,
    ),
  );
  const policeCells = [
    'Tham mưu – Tổng hợp',
    'An ninh',
    'Cảnh sát hình sự',
    'Cảnh sát kinh tế – ma túy',
    'Cảnh sát giao thông – trật tự',
    'Cảnh sát quản lý hành chính',
    'Cảnh sát điều tra',
  ].map((n, i) => ({
    name: `Chi bộ ${n}`,
    cell: policeCell(
      rng,
      `Đội trưởng Đội ${n}`,
      'Phó Đội trưởng',
      [9, 15],
      i === 0
        ? [{ gov: `Trưởng Công an ${area}`, head: true, leader: true, unitPost: 'secretary', gender: 'male', age: [45, 55] } satisfies Slot]
        : [],
    ),
  }));
  units.push(
    cellsUnder(`${code}.CA01`, 'grassroots_party', `Đảng bộ Công an ${area}`, `Công an ${area}`, 'police', policeCells, rng.int(7, 9)),
  );
  const militaryCells = ['Chỉ huy – Tham mưu', 'Chính trị – Hậu cần', 'Trung đội Dân quân cơ động'].map((n, i) => ({
    name: `Chi bộ ${n}`,
    cell: militaryCell(
      rng,
      i === 0 ? 'Phó Chỉ huy trưởng – Tham mưu trưởng' : 'Trung đội trưởng',
      [8, 13],
      i === 0
        ? [
            {
              gov: `Chính trị viên Ban Chỉ huy Quân sự ${area}`,
              leader: true,
              unitPost: 'secretary',
              gender: 'male',
              age: [40, 52],
            } satisfies Slot,
          ]
        : [],
    ),
  }));
  units.push(
    cellsUnder(`${code}.QS01`, 'grassroots_party', `Đảng bộ Quân sự ${area}`, `Quân sự ${area}`, 'military', militaryCells, rng.int(5, 7)),
  );
  units.push(
    departmentalUnit(
      rng,
      `${code}.SN01`,
      `Đảng bộ Trung tâm Y tế ${area}`,
      `Trung tâm Y tế ${area}`,
      'public_service',
      ['Ban Giám đốc – phòng Kế hoạch', 'khoa Khám bệnh', 'khoa Nội', 'khoa Ngoại – Sản', 'khoa Kiểm soát bệnh tật'],
      [10, 18],
      ['Bác sĩ', 'Điều dưỡng', 'Dược sĩ', 'Nhân viên'],
      false,
    ),
  );

  const agencies = [
    `Văn phòng ${committee}`,
    `Ban Tổ chức – Ủy ban Kiểm tra ${committee}`,
    `Ban Tuyên giáo – Ban Dân vận ${committee}`,
    `Khối Mặt trận và các đoàn thể ${area}`,
    `Chi cục Thuế ${area}`,
    `Kho bạc Nhà nước ${area}`,
    `Tòa án nhân dân ${area}`,
    `Viện Kiểm sát nhân dân ${area}`,
    `Chi cục Thi hành án dân sự ${area}`,
    `Bảo hiểm xã hội ${area}`,
    `Ngân hàng Chính sách xã hội ${area}`,
    `Ngân hàng Nông nghiệp và Phát triển nông thôn ${area}`,
  ];
  agencies.forEach((n, i) =>
    units.push(
      unit(`${code}.CQ${pad(i + 2)}`, `Chi bộ ${n}`, 'grassroots_cell', 'agency', {
        cell: officeCell(rng, {
          head: `Thủ trưởng ${n}`,
          deputy: `Phó Thủ trưởng ${n}`,
          size: [9, 18],
          staff: AGENCY_STAFF,
          civilServant: true,
        }),
      }),
    ),
  );
  const services = [
    `Ban Quản lý dự án đầu tư xây dựng ${area}`,
    `Trung tâm Văn hóa – Truyền thông ${area}`,
    `Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên ${area}`,
    `Hạt Kiểm lâm ${area}`,
    `Trạm Khuyến nông ${area}`,
    `Trung tâm Dịch vụ nông nghiệp ${area}`,
  ];
  services.forEach((n, i) =>
    units.push(
      unit(`${code}.SN${pad(i + 2)}`, `Chi bộ ${n}`, 'grassroots_cell', 'public_service', {
        cell: officeCell(rng, {
          head: `Giám đốc ${n}`,
          deputy: `Phó Giám đốc ${n}`,
          size: [8, 16],
          staff: ['Viên chức', 'Viên chức', 'Nhân viên', 'Kỹ sư'],
        }),
      }),
    ),
  );
  // Secondary schools: one per commune for most communes, and the district's high schools.
  const schools = [...names.slice(0, 26).map((n) => `Trường THCS ${n}`), ...[1, 2, 3, 4].map((n) => `Trường THPT ${d.name} ${n}`)];
  schools.forEach((n, i) =>
    units.push(
      unit(`${code}.TH${pad(i + 1)}`, `Chi bộ ${n}`, 'grassroots_cell', 'school', {
        cell: schoolCell(rng, n.includes('THPT') ? [20, 32] : [12, 22]),
      }),
    ),
  );
  companyNames(rng, 26).forEach((n, i) => {
    const code2 = `${code}.DN${pad(i + 1)}`;
    if (i < 4) {
      units.push(
        departmentalUnit(
          rng,
          code2,
          `Đảng bộ ${n}`,
          n,
          'enterprise',
          ['phòng Tổng hợp', 'phòng Kỹ thuật', 'phân xưởng Sản xuất', 'đội Thi công'],
          [8, 14],
          COMPANY_STAFF,
          false,
        ),
      );
    } else {
      units.push(
        unit(code2, `Chi bộ ${n}`, 'grassroots_cell', 'enterprise', {
          cell: officeCell(rng, { head: 'Giám đốc', deputy: 'Phó Giám đốc', size: [7, 14], staff: COMPANY_STAFF, femaleShare: 0.35 }),
        }),
      );
    }
  });
  return unit(code, committee, 'committee', null, { children: units });
}

function companyNames(rng: Rng, n: number): string[] {
  const forms = ['Công ty Cổ phần', 'Công ty TNHH MTV', 'Công ty TNHH', 'Hợp tác xã'];
  const fields = [
    'Xây dựng',
    'Thương mại',
    'Vận tải',
    'Cấp nước',
    'Khoáng sản',
    'Du lịch',
    'Môi trường',
    'Cao su',
    'Lâm nghiệp',
    'Thủy lợi',
    'Dược phẩm',
    'In',
    'Xăng dầu',
    'May mặc',
    'Thép',
    'Cảng',
    'Vật liệu xây dựng',
    'Nông sản',
    'Thủy sản',
    'Dịch vụ nông nghiệp',
  ];
  const places = [
    'Hà Tĩnh',
    'Hồng Lĩnh',
    'Thiên Cầm',
    'Vũng Áng',
    'Hồng Lam',
    'Sông La',
    'Ngàn Phố',
    'Kẻ Gỗ',
    'Xuân Thành',
    'Thạch Khê',
    'Sơn Kim',
    'Cửa Sót',
    'Hoành Sơn',
    'Lam Hồng',
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const name = `${rng.pick(forms)} ${rng.pick(fields)} ${rng.pick(places)}`;
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

const PROVINCIAL_AGENCIES = [
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Tài nguyên và Môi trường',
  'Sở Lao động – Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Khoa học và Công nghệ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Thông tin và Truyền thông',
  'Thanh tra tỉnh',
  'Văn phòng UBND tỉnh',
  'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
  'Cục Thuế tỉnh',
  'Cục Hải quan tỉnh',
  'Kho bạc Nhà nước tỉnh',
  'Bảo hiểm xã hội tỉnh',
  'Ngân hàng Nhà nước chi nhánh tỉnh',
  'Cục Thống kê tỉnh',
  'Tòa án nhân dân tỉnh',
  'Viện Kiểm sát nhân dân tỉnh',
  'Cục Thi hành án dân sự tỉnh',
  'Ủy ban MTTQ tỉnh',
  'Tỉnh đoàn',
  'Hội Liên hiệp Phụ nữ tỉnh',
  'Hội Nông dân tỉnh',
  'Liên đoàn Lao động tỉnh',
  'Đài Phát thanh – Truyền hình tỉnh',
  'Bệnh viện Đa khoa tỉnh',
  'Trường Đại học Hà Tĩnh',
  'Ban Quản lý Khu kinh tế tỉnh',
  'Cục Quản lý thị trường tỉnh',
  'Chi cục Kiểm lâm',
  'Báo Hà Tĩnh',
  'Trường Chính trị Trần Phú',
];
const PROVINCIAL_SERVICES = [
  'Trung tâm Khuyến nông',
  'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn',
  'Trung tâm Xúc tiến đầu tư',
  'Trung tâm Quan trắc môi trường',
  'Trung tâm Công nghệ thông tin',
  'Trung tâm Lưu trữ lịch sử',
  'Trung tâm Bảo trợ xã hội',
  'Trung tâm Dịch vụ việc làm',
  'Trung tâm Kiểm soát bệnh tật',
  'Trung tâm Giám định y khoa',
  'Bệnh viện Phục hồi chức năng',
  'Bệnh viện Y học cổ truyền',
  'Bệnh viện Phổi',
  'Bệnh viện Mắt',
  'Trường Cao đẳng Y tế',
  'Trường Cao đẳng Kỹ thuật Việt – Đức',
  'Trường Cao đẳng Nguyễn Du',
  'Trường THPT chuyên Hà Tĩnh',
  'Quỹ Đầu tư phát triển',
  'Quỹ Bảo vệ môi trường',
  'Ban Quản lý dự án công trình dân dụng',
  'Ban Quản lý dự án công trình giao thông',
  'Ban Quản lý dự án công trình nông nghiệp',
  'Văn phòng Đăng ký đất đai',
  'Trung tâm Phát triển quỹ đất',
  'Trung tâm Thông tin – Ứng dụng khoa học',
  'Nhà xuất bản',
  'Thư viện tỉnh',
  'Bảo tàng tỉnh',
  'Nhà hát Nghệ thuật truyền thống',
  'Trung tâm Huấn luyện và Thi đấu thể thao',
  'Trung tâm Văn hóa – Điện ảnh',
  'Chi cục Thủy lợi',
  'Chi cục Chăn nuôi và Thú y',
  'Chi cục Trồng trọt và Bảo vệ thực vật',
  'Chi cục Thủy sản',
  'Chi cục Phát triển nông thôn',
  'Chi cục Bảo vệ môi trường',
  'Chi cục Tiêu chuẩn – Đo lường – Chất lượng',
  'Chi cục Dân số',
  'Vườn Quốc gia Vũ Quang',
  'Ban Quản lý Khu bảo tồn Kẻ Gỗ',
  'Hội Chữ thập đỏ tỉnh',
  'Liên minh Hợp tác xã tỉnh',
];

/** The bloc of provincial agencies; its first chi bộ hold the province's leaders, with the demo tags. */
function agenciesBloc(rng: Rng, code: string, small = false): UnitSpec {
  const units: UnitSpec[] = [];
  const BTV = 'Ủy viên Ban Thường vụ Tỉnh ủy';
  units.push(
    unit(`${code}.CQ01`, 'Chi bộ Văn phòng Tỉnh ủy', 'grassroots_cell', 'agency', {
      cell: officeCell(rng, {
        head: 'Chánh Văn phòng Tỉnh ủy',
        deputy: 'Phó Chánh Văn phòng Tỉnh ủy',
        deputies: 2,
        size: [20, 28],
        staff: AGENCY_STAFF,
        civilServant: true,
        extra: [
          { party: ['Bí thư Tỉnh ủy'], gov: 'Chủ tịch HĐND tỉnh', leader: true, standing: 'province', age: [50, 58], tag: 'bithu' },
          { party: ['Phó Bí thư Thường trực Tỉnh ủy'], leader: true, standing: 'province', age: [48, 58], tag: 'thuongtruc' },
          { gov: 'Chuyên viên Văn phòng Tỉnh ủy', age: [28, 45], tag: 'vanphong' },
        ],
      }),
    }),
  );
  units.push(
    unit(`${code}.CQ02`, 'Chi bộ Ban Tổ chức Tỉnh ủy', 'grassroots_cell', 'agency', {
      cell: officeCell(rng, {
        head: 'Trưởng Ban Tổ chức Tỉnh ủy',
        deputy: 'Phó Trưởng Ban Tổ chức Tỉnh ủy',
        size: [16, 22],
        staff: AGENCY_STAFF,
        civilServant: true,
        extra: [{ gov: 'Chuyên viên Ban Tổ chức Tỉnh ủy', age: [28, 45], tag: 'bantochuc' }],
      }),
    }),
  );
  for (const first of units)
    Object.assign(
      first.cell!.slots.find((s) => s.head)!,
      { party: [BTV], standing: 'province' },
    );
  if (small) return unit(code, 'Đảng ủy Khối các cơ quan tỉnh', 'committee', null, { children: units });
  PROVINCIAL_AGENCIES.forEach((n, i) => {
    const depts = rng.int(8, 14);
    const names = Array.from({ length: depts }, (_, k) => (k === 0 ? `Văn phòng ${n}` : `phòng Nghiệp vụ ${k}`));
    units.push(
      departmentalUnit(
        rng,
        `${code}.CQ${pad(i + 3)}`,
        `Đảng bộ ${n}`,
        n,
        i >= 33 ? 'public_service' : 'agency',
        names,
        [9, 19],
        AGENCY_STAFF,
        i < 33,
      ),
    );
  });
  PROVINCIAL_SERVICES.slice(0, 84 - units.length).forEach((n, i) =>
    units.push(
      unit(`${code}.SN${pad(i + 1)}`, `Chi bộ ${n}`, 'grassroots_cell', 'public_service', {
        cell: officeCell(rng, {
          head: `Giám đốc ${n}`,
          deputy: `Phó Giám đốc ${n}`,
          size: [10, 20],
          staff: ['Viên chức', 'Viên chức', 'Nhân viên', 'Kỹ sư'],
        }),
      }),
    ),
  );
  return unit(code, 'Đảng ủy Khối các cơ quan tỉnh', 'committee', null, { children: units });
}

function enterprisesBloc(rng: Rng, code: string): UnitSpec {
  const units: UnitSpec[] = [];
  companyNames(rng, 84).forEach((n, i) => {
    const c = `${code}.DN${pad(i + 1)}`;
    if (i < 40) {
      const depts = rng.int(8, 14);
      const names = Array.from({ length: depts }, (_, k) =>
        k === 0 ? 'Văn phòng Công ty' : k % 3 === 0 ? `phòng Kỹ thuật ${k}` : `phân xưởng ${k}`,
      );
      units.push(departmentalUnit(rng, c, `Đảng bộ ${n}`, n, 'enterprise', names, [9, 19], COMPANY_STAFF, false));
    } else {
      units.push(
        unit(c, `Chi bộ ${n}`, 'grassroots_cell', 'enterprise', {
          cell: officeCell(rng, { head: 'Giám đốc', deputy: 'Phó Giám đốc', size: [9, 18], staff: COMPANY_STAFF, femaleShare: 0.35 }),
        }),
      );
    }
  });
  return unit(code, 'Đảng ủy Khối doanh nghiệp tỉnh', 'committee', null, { children: units });
}

/** 'small' (tests): the city, two districts of seven small localities and the leaders' two chi bộ. */
export type ProvinceSize = 'full' | 'small';

export function provinceBlueprint(rng: Rng, size: ProvinceSize = 'full'): UnitSpec {
  const code = 'HT';
  const small = size === 'small';
  const children: UnitSpec[] = [cityBlueprint(rng, { code: `${code}.01`, leadersTagged: false })];
  (small ? DISTRICTS.slice(0, 2) : DISTRICTS).forEach((d, i) => children.push(districtBlueprint(rng, `${code}.${pad(i + 2)}`, d, small)));
  children.push(agenciesBloc(rng, `${code}.${pad(DISTRICTS.length + 2)}`, small));
  if (!small) children.push(enterprisesBloc(rng, `${code}.${pad(DISTRICTS.length + 3)}`));
  return unit(code, 'Tỉnh ủy Hà Tĩnh', 'committee', null, { children, tag: 'province' });
}
