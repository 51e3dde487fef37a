// The shape of a demo committee before it is written: units with their chi bộ, and for every chi bộ
// the size and the posts it must contain. Blueprints are plain data drawn from the seed; people.ts
// fills them with members and write.ts stores them. Templates here follow how party rosters are
// organized (Điều lệ Đảng 2011, Điều 21–24; regulations.md §7.1): a chi bộ elects a secretary, and
// with 9 or more full members a chi ủy with a deputy secretary; a đảng bộ cơ sở elects a đảng ủy.
import type { Gender, OrgKind, Sector } from '../../../shared/vocabulary.js';
import type { Rng } from './random.js';

export type CellPost = 'secretary' | 'deputy' | 'committee';

/** A post a chi bộ must have filled, given to one of its generated members. */
export interface Slot {
  /** Government, mass-organization or job title (government_posts). */
  gov?: string;
  /** Party posts above the chi bộ and its đảng ủy, e.g. "Ủy viên Ban Thường vụ Thành ủy". */
  party?: string[];
  /** Post in the member's own chi bộ. */
  cellPost?: CellPost;
  /** Post in the đảng ủy of the grassroots unit (đảng bộ cơ sở) holding the chi bộ. */
  unitPost?: CellPost;
  head?: boolean;
  leader?: boolean;
  gender?: Gender;
  /** Age range on the business date. */
  age?: [number, number];
  givenName?: string;
  /** Remember this member under a name (accounts, later campaign steps). */
  tag?: string;
  /** Tag of the committee whose Standing Committee (Ban Thường vụ) this member sits on. */
  standing?: string;
}

export type AgeProfile = 'working' | 'residential' | 'military';

export interface CellSpec {
  size: number;
  femaleShare: number;
  ages: AgeProfile;
  civilServant: boolean;
  slots: Slot[];
  /** Job titles for the members without a slot; null when members have none (residents, retirees). */
  staff: readonly string[] | null;
}

export interface UnitSpec {
  code: string;
  name: string;
  kind: OrgKind;
  sector: Sector | null;
  children: UnitSpec[];
  /** For the kinds that hold members (chi bộ cơ sở, chi bộ trực thuộc). */
  cell: CellSpec | null;
  /** For a đảng bộ cơ sở: how its posts are spelled, "phường Nam Hà" → "Bí thư Đảng ủy phường Nam Hà". */
  partySuffix?: string;
  /** For a đảng bộ cơ sở: members of its đảng ủy, the slot holders included. */
  committeeSize?: number;
  /** Remember this unit under a name (accounts, later campaign steps). */
  tag?: string;
}

export function unit(
  code: string,
  name: string,
  kind: OrgKind,
  sector: Sector | null,
  extra: Partial<Pick<UnitSpec, 'children' | 'cell' | 'partySuffix' | 'committeeSize' | 'tag'>> = {},
): UnitSpec {
  return { code, name, kind, sector, children: extra.children ?? [], cell: extra.cell ?? null, ...extra };
}

/** Chi bộ codes: "<parent>.C01", "<parent>.C02", … in the order given. */
export function cellCode(parentCode: string, index: number): string {
  return `${parentCode}.C${String(index + 1).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Chi bộ templates. `place` is spelled as in posts: "phường Nam Hà", "xã Thạch Trung".

/** A residential chi bộ (khối phố, thôn): many retirees; a head of the neighbourhood. */
export function residentialCell(rng: Rng, headTitle: string, size: [number, number]): CellSpec {
  return {
    size: rng.triangular(size[0], size[1]),
    femaleShare: 0.45,
    ages: 'residential',
    civilServant: false,
    slots: [{ gov: headTitle, age: [45, 68] }],
    staff: null,
  };
}

/**
 * The chi bộ of the ward or commune offices. Its leading members make up most of the đảng ủy: the
 * secretary (often chair of the People's Council), the chair of the People's Committee and the
 * standing deputy secretary, the vice-chairs, the Fatherland Front and the mass organizations.
 */
export function localOfficeCell(rng: Rng, place: string, upperCommitteeMember: string | null): CellSpec {
  const officers = [
    'Công chức Địa chính – Xây dựng',
    'Công chức Văn phòng – Thống kê',
    'Công chức Tư pháp – Hộ tịch',
    'Công chức Tài chính – Kế toán',
    'Công chức Văn hóa – Xã hội',
    'Cán bộ không chuyên trách',
  ];
  return {
    size: rng.triangular(15, 25),
    femaleShare: 0.4,
    ages: 'working',
    civilServant: true,
    slots: [
      {
        gov: `Chủ tịch HĐND ${place}`,
        unitPost: 'secretary',
        leader: true,
        age: [42, 56],
        party: upperCommitteeMember ? [upperCommitteeMember] : undefined,
      },
      { gov: `Chủ tịch UBND ${place}`, unitPost: 'deputy', head: true, leader: true, age: [38, 55] },
      { unitPost: 'deputy', cellPost: 'secretary', leader: true, age: [40, 56] },
      { gov: `Phó Chủ tịch UBND ${place}`, unitPost: 'committee', cellPost: 'deputy', leader: true, age: [35, 52] },
      { gov: `Phó Chủ tịch UBND ${place}`, unitPost: 'committee', leader: true, age: [33, 50] },
      { gov: `Chủ tịch Ủy ban MTTQ ${place}`, unitPost: 'committee', cellPost: 'committee', leader: true, age: [45, 58] },
      { gov: `Chủ tịch Hội Liên hiệp Phụ nữ ${place}`, gender: 'female', leader: true, age: [35, 52] },
      { gov: `Chủ tịch Hội Cựu chiến binh ${place}`, gender: 'male', leader: true, age: [50, 59] },
      { gov: `Bí thư Đoàn ${place}`, leader: true, age: [26, 32] },
    ],
    staff: officers,
  };
}

export function localMilitaryCell(rng: Rng, place: string): CellSpec {
  return {
    size: rng.triangular(4, 8),
    femaleShare: 0.05,
    ages: 'military',
    civilServant: false,
    slots: [
      {
        gov: `Chỉ huy trưởng Ban Chỉ huy Quân sự ${place}`,
        head: true,
        leader: true,
        unitPost: 'committee',
        cellPost: 'secretary',
        age: [32, 50],
        gender: 'male',
      },
      { gov: `Chỉ huy phó Ban Chỉ huy Quân sự ${place}`, leader: true, age: [28, 45], gender: 'male' },
    ],
    staff: ['Dân quân thường trực', 'Khối đội trưởng', 'Thôn đội trưởng'],
  };
}

export function localPoliceCell(rng: Rng, place: string): CellSpec {
  return {
    size: rng.triangular(4, 9),
    femaleShare: 0.15,
    ages: 'working',
    civilServant: false,
    slots: [
      {
        gov: `Trưởng Công an ${place}`,
        head: true,
        leader: true,
        unitPost: 'committee',
        cellPost: 'secretary',
        age: [35, 52],
        gender: 'male',
      },
      { gov: `Phó Trưởng Công an ${place}`, leader: true, age: [30, 48] },
    ],
    staff: ['Cán bộ Công an', 'Cảnh sát khu vực', 'Công an viên'],
  };
}

export function schoolCell(rng: Rng, size: [number, number]): CellSpec {
  return {
    size: rng.triangular(size[0], size[1]),
    femaleShare: 0.78,
    ages: 'working',
    civilServant: false,
    slots: [
      { gov: 'Hiệu trưởng', head: true, leader: true, cellPost: 'secretary', age: [40, 57] },
      { gov: 'Phó Hiệu trưởng', leader: true, cellPost: 'deputy', age: [35, 54] },
    ],
    staff: ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Tổ trưởng chuyên môn', 'Nhân viên kế toán', 'Nhân viên văn thư'],
  };
}

/** An office run by a head and deputies: a department, a board, an agency, a company's office. */
export function officeCell(
  rng: Rng,
  o: {
    head: string;
    deputy?: string;
    deputies?: number;
    size: [number, number];
    staff: readonly string[];
    civilServant?: boolean;
    femaleShare?: number;
    extra?: Slot[];
    headCellPost?: CellPost | null;
  },
): CellSpec {
  const slots: Slot[] = [...(o.extra ?? [])];
  slots.push({
    gov: o.head,
    head: true,
    leader: true,
    cellPost: o.headCellPost === undefined ? 'secretary' : (o.headCellPost ?? undefined),
    age: [40, 57],
  });
  const deputies = o.deputy ? (o.deputies ?? rng.int(1, 2)) : 0;
  for (let i = 0; i < deputies; i++) slots.push({ gov: o.deputy, leader: true, cellPost: i === 0 ? 'deputy' : undefined, age: [34, 55] });
  return {
    size: Math.max(slots.length + 1, rng.triangular(o.size[0], o.size[1])),
    femaleShare: o.femaleShare ?? 0.45,
    ages: 'working',
    civilServant: o.civilServant ?? false,
    slots,
    staff: o.staff,
  };
}

export function militaryCell(rng: Rng, head: string, size: [number, number], extra: Slot[] = []): CellSpec {
  return {
    size: rng.triangular(size[0], size[1]),
    femaleShare: 0.08,
    ages: 'military',
    civilServant: false,
    slots: [...extra, { gov: head, head: true, leader: true, cellPost: 'secretary', age: [35, 50], gender: 'male' }],
    staff: ['Trợ lý', 'Trợ lý', 'Nhân viên', 'Chiến sĩ'],
  };
}

export function policeCell(rng: Rng, head: string, deputy: string, size: [number, number], extra: Slot[] = []): CellSpec {
  return officeCell(rng, { head, deputy, size, staff: ['Cán bộ', 'Cán bộ', 'Điều tra viên', 'Cảnh sát'], femaleShare: 0.15, extra });
}

/**
 * Sets a tag (and optionally more) on the first slot matching `where`; a blueprint asks for the
 * people it must find again without knowing how the template ordered its slots.
 */
export function tagSlot(cell: CellSpec | null, where: (s: Slot) => boolean, patch: Partial<Slot>): void {
  if (!cell) throw new Error('tagSlot: not a chi bộ');
  const slot = cell.slots.find(where);
  if (!slot) throw new Error('tagSlot: no matching slot');
  Object.assign(slot, patch);
}

/** Every unit of a blueprint, depth first, parents before children. */
export function* walkUnits(spec: UnitSpec, parent: UnitSpec | null = null): Generator<{ spec: UnitSpec; parent: UnitSpec | null }> {
  yield { spec, parent };
  for (const child of spec.children) yield* walkUnits(child, spec);
}
