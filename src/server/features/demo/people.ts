// Fills a chi bộ of the blueprint with fictitious members: names, birth and party dates, status over
// time, posts. Pure (no I/O): the same seed and blueprint give the same people.
//
// Rules it follows, so that the demo exercises the real cases:
// - Probation lasts 12 months (Điều lệ Đảng 2011, Điều 5): members admitted less than 12 months
//   before the business date are probationary (official_date null); about half of them were
//   admitted less than 6 months before, so the review excludes them from classification
//   (regulations.md, "Members not reviewed").
// - Exemption from activities for old age and poor health (HD 27-HD/BTCTW 2009, regulations.md §7.1)
//   is common among the retirees of residential chi bộ; exempt members are not classified.
// - A few members are suspended (đình chỉ sinh hoạt đảng), transferred out or deceased during the year.
// - A chi bộ elects a secretary; with 9 or more full members a chi ủy with a deputy secretary
//   (regulations.md §7.1, [S91]); heads of agencies usually are their chi bộ's secretary.
// Disciplinary records of the year (MemberYearFacts) arrive with their table in a later issue.
import type { Gender, MemberStatus } from '../../../shared/vocabulary.js';
import type { CellPost, CellSpec, Slot } from './blueprint.js';
import { makeName, type PersonName } from './names.js';
import { addDays, addMonths, addYears, dayBetween, maxDate, minDate, type Rng } from './random.js';

export interface StatusPeriod {
  status: MemberStatus;
  from: string;
  to: string | null;
  reason: string | null;
}

export interface PersonDraft {
  name: PersonName;
  gender: Gender;
  birthDate: string;
  admissionDate: string;
  officialDate: string | null;
  cardNumber: string;
  status: MemberStatus;
  statusSince: string;
  statusHistory: StatusPeriod[];
  joinedUnitOn: string;
  joinReason: string;
  /** Posts above the grassroots (from the slot), then in the đảng ủy, then in the chi bộ. */
  upperPosts: string[];
  unitPost: CellPost | null;
  cellPost: CellPost | null;
  governmentPost: string | null;
  isLeader: boolean;
  isHead: boolean;
  isCivilServant: boolean;
  tag: string | null;
  /** Tag of the committee whose Standing Committee the member sits on. */
  standing: string | null;
}

export const EXEMPT_REASON = 'Miễn sinh hoạt do tuổi cao, sức yếu';
export const ADMISSION_REASON = 'Kết nạp vào Đảng';
const SUSPENDED_REASON = 'Đình chỉ sinh hoạt đảng do bị cơ quan có thẩm quyền khởi tố, điều tra';
const DECEASED_REASON = 'Từ trần';
const TRANSFER_DESTINATIONS = [
  'Đảng bộ huyện Thạch Hà',
  'Đảng bộ huyện Cẩm Xuyên',
  'Đảng bộ thị xã Hồng Lĩnh',
  'Đảng bộ Khối các cơ quan tỉnh',
  'Đảng bộ tỉnh Nghệ An',
  'Đảng bộ thành phố Hà Nội',
  'Đảng bộ Quân sự tỉnh',
];

/**
 * Party card numbers: 8 digits, unique, deterministic. A fixed affine permutation of the running
 * number spreads them like real cards (issued over decades) instead of 00000001, 00000002, …
 */
export class CardNumbers {
  private seq = 0;
  constructor(private readonly prefix = '40') {}
  next(): string {
    const n = (this.seq++ * 7919 + 104729) % 1_000_000; // 7919 is prime to 10^6: no repeats below 10^6
    return `${this.prefix}${String(n).padStart(6, '0')}`;
  }
}

export class PeopleFactory {
  constructor(
    private readonly rng: Rng,
    private readonly businessDate: string,
    private readonly cards: CardNumbers,
  ) {}

  /** The members of one chi bộ, slot holders first. */
  cell(spec: CellSpec): PersonDraft[] {
    const people: PersonDraft[] = [];
    for (const slot of spec.slots) people.push(this.person(spec, slot));
    while (people.length < spec.size) people.push(this.person(spec, null));
    this.assignCellPosts(spec, people);
    return people;
  }

  private age(spec: CellSpec, slot: Slot | null): number {
    const rng = this.rng;
    if (slot?.age) return rng.int(slot.age[0], slot.age[1]);
    switch (spec.ages) {
      case 'military':
        return rng.chance(0.6) ? rng.triangular(21, 35) : rng.triangular(30, 50);
      case 'residential':
        return rng.chance(0.62) ? rng.triangular(58, 93) : rng.triangular(26, 60);
      case 'working':
        return rng.triangular(23, 60);
    }
  }

  private person(spec: CellSpec, slot: Slot | null): PersonDraft {
    const rng = this.rng;
    const bd = this.businessDate;
    const gender: Gender = slot?.gender ?? (rng.chance(spec.femaleShare) ? 'female' : 'male');
    const age = this.age(spec, slot);
    const birthDate = addDays(addYears(bd, -age), -rng.int(0, 364));
    const name = makeName(rng, gender, Number(birthDate.slice(0, 4)), slot?.givenName);
    const hasPost = slot !== null && (slot.cellPost || slot.unitPost || slot.party || slot.head || slot.leader || slot.tag);
    const adult = addYears(birthDate, 18);
    const latestOfficialAdmission = addMonths(bd, -13);

    // Admission: probationary members were admitted within the last 12 months.
    const probationShare = spec.ages === 'military' ? 0.12 : spec.ages === 'residential' ? 0.04 : 0.07;
    let probationary = !hasPost && age >= 19 && age <= 45 && rng.chance(probationShare);
    let admissionDate: string;
    if (!probationary) {
      const admissionAge = spec.ages === 'military' ? rng.int(19, 24) : age >= 60 ? rng.triangular(18, 36) : rng.triangular(19, 40);
      admissionDate = addDays(addYears(birthDate, Math.min(admissionAge, age - 1)), rng.int(0, 364));
      if (admissionDate > latestOfficialAdmission) {
        if (adult <= latestOfficialAdmission) admissionDate = dayBetween(rng, maxDate(adult, addYears(bd, -8)), latestOfficialAdmission);
        else probationary = true;
      }
    }
    if (probationary) admissionDate = maxDate(addDays(bd, -rng.int(15, 360)), adult);
    const officialDate = probationary ? null : minDate(addDays(addMonths(admissionDate!, 12), rng.int(0, 40)), bd);

    // Status over time.
    let status: MemberStatus = 'active';
    let change: { at: string; reason: string } | null = null;
    // Changes of status happen to full members, and not in the very month they became full members.
    if (!hasPost && officialDate && officialDate <= addDays(bd, -60)) {
      if (spec.ages === 'residential' && age >= 70 && rng.chance(Math.min(0.6, (age - 66) / 45))) {
        status = 'exempt';
        const earliest = maxDate(addYears(birthDate, 70), addYears(officialDate, 1));
        const latest = addDays(bd, -30);
        change = { at: earliest <= latest ? dayBetween(rng, earliest, latest) : latest, reason: EXEMPT_REASON };
      } else if (spec.ages === 'residential' && age >= 75 && rng.chance(0.012)) {
        status = 'deceased';
        change = { at: dayBetween(rng, addDays(bd, -330), addDays(bd, -10)), reason: DECEASED_REASON };
      } else if (spec.ages !== 'residential' && rng.chance(0.004)) {
        status = 'transferred';
        change = {
          at: dayBetween(rng, addDays(bd, -300), addDays(bd, -10)),
          reason: `Chuyển sinh hoạt đảng chính thức đến ${rng.pick(TRANSFER_DESTINATIONS)}`,
        };
      } else if (age < 60 && rng.chance(0.003)) {
        status = 'suspended';
        change = { at: dayBetween(rng, addDays(bd, -200), addDays(bd, -10)), reason: SUSPENDED_REASON };
      }
    }
    if (change && change.at <= officialDate!) change.at = dayBetween(rng, addDays(officialDate!, 1), addDays(bd, -10));
    const statusHistory: StatusPeriod[] = [{ status: 'active', from: admissionDate!, to: change?.at ?? null, reason: ADMISSION_REASON }];
    if (change) statusHistory.push({ status, from: change.at, to: null, reason: change.reason });

    // When the member came to this chi bộ: admitted here, moved here for work, or, for retirees,
    // moved their party activity to where they live.
    let joinedUnitOn = admissionDate!;
    let joinReason = ADMISSION_REASON;
    if (officialDate) {
      const latestJoin = minDate(addDays(bd, -60), change ? addDays(change.at, -1) : bd);
      if (spec.ages === 'residential' && age >= 60) {
        const from = maxDate(officialDate, addYears(birthDate, 55));
        if (from <= latestJoin) {
          joinedUnitOn = dayBetween(rng, from, maxDate(from, minDate(addYears(birthDate, 62), latestJoin)));
          joinReason = 'Chuyển sinh hoạt đảng về nơi cư trú';
        }
      } else if (rng.chance(0.35) && officialDate <= latestJoin) {
        joinedUnitOn = dayBetween(rng, officialDate, latestJoin);
        joinReason = 'Chuyển sinh hoạt đảng đến';
      }
    }

    // Slot holders have exactly the title of their slot (a full-time deputy secretary has none).
    let governmentPost = slot ? (slot.gov ?? null) : null;
    if (!slot && spec.staff && status !== 'exempt') governmentPost = rng.pick(spec.staff);

    return {
      name,
      gender,
      birthDate,
      admissionDate: admissionDate!,
      officialDate,
      cardNumber: this.cards.next(),
      status,
      statusSince: change?.at ?? admissionDate!,
      statusHistory,
      joinedUnitOn,
      joinReason,
      upperPosts: slot?.party ? [...slot.party] : [],
      unitPost: slot?.unitPost ?? null,
      cellPost: slot?.cellPost ?? null,
      governmentPost,
      isLeader: slot?.leader ?? false,
      isHead: slot?.head ?? false,
      isCivilServant: spec.civilServant,
      tag: slot?.tag ?? null,
      standing: slot?.standing ?? null,
    };
  }

  /** Secretary always; with ≥ 9 full members a chi ủy of 3 (or 5 from 20) with a deputy. */
  private assignCellPosts(spec: CellSpec, people: PersonDraft[]): void {
    const eligible = (p: PersonDraft) => p.status === 'active' && p.officialDate !== null && p.cellPost === null;
    const full = people.filter((p) => p.status === 'active' && p.officialDate !== null).length;
    const pick = (prefer: (p: PersonDraft) => boolean): PersonDraft | undefined => {
      const candidates = people.filter((p) => eligible(p) && prefer(p));
      const pool = candidates.length ? candidates : people.filter(eligible);
      return pool.length ? this.rng.pick(pool) : undefined;
    };
    const ageOf = (p: PersonDraft) => Number(this.businessDate.slice(0, 4)) - Number(p.birthDate.slice(0, 4));
    if (!people.some((p) => p.cellPost === 'secretary')) {
      const head = people.find((p) => p.isHead && eligible(p));
      const s = head ?? pick((p) => (spec.ages === 'residential' ? ageOf(p) >= 50 && ageOf(p) <= 70 : ageOf(p) >= 32));
      if (s) s.cellPost = 'secretary';
    }
    const chiUy = full >= 20 ? 5 : full >= 9 ? 3 : 0;
    const needDeputy = chiUy > 0 || (full >= 5 && this.rng.chance(0.4));
    if (needDeputy && !people.some((p) => p.cellPost === 'deputy')) {
      const d = pick((p) => p.isLeader || ageOf(p) >= 30);
      if (d) d.cellPost = 'deputy';
    }
    let members = people.filter((p) => p.cellPost !== null).length;
    while (members < chiUy) {
      const c = pick(() => true);
      if (!c) break;
      c.cellPost = 'committee';
      members++;
    }
  }
}

/** Spelled posts of a member, highest first, as a roster shows them. */
export function partyPostsOf(p: PersonDraft, unitSuffix: string | null): string | null {
  const posts = [...p.upperPosts];
  if (p.unitPost && unitSuffix) {
    posts.push(
      p.unitPost === 'secretary'
        ? `Bí thư Đảng ủy ${unitSuffix}`
        : p.unitPost === 'deputy'
          ? `Phó Bí thư Đảng ủy ${unitSuffix}`
          : `Đảng ủy viên ${unitSuffix}`,
    );
  }
  if (p.cellPost) posts.push(p.cellPost === 'secretary' ? 'Bí thư Chi bộ' : p.cellPost === 'deputy' ? 'Phó Bí thư Chi bộ' : 'Chi ủy viên');
  return posts.length ? posts.join('; ') : null;
}

/**
 * The đảng ủy of a đảng bộ cơ sở: the posts the blueprint fixed, then a secretary and a deputy if
 * it fixed none, then chi bộ secretaries until the committee has its size.
 */
export function assignUnitCommittee(rng: Rng, cells: PersonDraft[][], size: number): void {
  const all = cells.flat();
  const eligible = (p: PersonDraft) => p.status === 'active' && p.officialDate !== null && p.unitPost === null;
  if (!all.some((p) => p.unitPost === 'secretary')) {
    const s = cells[0].find((p) => p.cellPost === 'secretary' && eligible(p)) ?? all.find(eligible);
    if (s) s.unitPost = 'secretary';
  }
  if (!all.some((p) => p.unitPost === 'deputy')) {
    const d =
      cells[0].find((p) => (p.isHead || p.cellPost === 'deputy') && eligible(p)) ??
      cells
        .slice(1)
        .map((c) => c.find((p) => p.cellPost === 'secretary' && eligible(p)))
        .find(Boolean);
    if (d) d.unitPost = 'deputy';
  }
  let count = all.filter((p) => p.unitPost !== null).length;
  const secretaries = rng.sample(
    cells.map((c) => c.find((p) => p.cellPost === 'secretary' && eligible(p))).filter((p): p is PersonDraft => !!p),
    size,
  );
  for (const s of secretaries) {
    if (count >= size) break;
    s.unitPost = 'committee';
    count++;
  }
}
