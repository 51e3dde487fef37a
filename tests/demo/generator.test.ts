// The demo generator's pure parts: seeded names and people, card numbers, and the shapes of the
// city and province blueprints (the province is too slow to build in `npm test`; its shape is not).
import { describe, expect, it } from 'vitest';
import { walkUnits, type UnitSpec } from '../../src/server/features/demo/blueprint.js';
import { cityBlueprint } from '../../src/server/features/demo/city.js';
import { FAMILY_NAMES, makeName } from '../../src/server/features/demo/names.js';
import { CardNumbers, PeopleFactory } from '../../src/server/features/demo/people.js';
import { provinceBlueprint } from '../../src/server/features/demo/province.js';
import { addMonths, Rng } from '../../src/server/features/demo/random.js';
import { canBeChildOf } from '../../src/server/domain/org-tree.js';

function shape(root: UnitSpec) {
  const units = [...walkUnits(root)];
  return {
    units,
    grassroots: units.filter((u) => u.spec.kind === 'grassroots_party' || u.spec.kind === 'grassroots_cell').length,
    cells: units.filter((u) => u.spec.kind === 'cell' || u.spec.kind === 'grassroots_cell').length,
    members: units.reduce((n, u) => n + (u.spec.cell?.size ?? 0), 0),
  };
}

describe('demo generator', () => {
  it('draws the same names from the same seed and different names from another', () => {
    const names = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 50 }, (_, i) => makeName(rng, i % 2 ? 'male' : 'female', 1970));
    };
    expect(names(7)).toEqual(names(7));
    expect(names(7)).not.toEqual(names(8));
  });

  it('uses family names with their real frequencies: Nguyễn first, by far', () => {
    const rng = new Rng(1);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const f = FAMILY_NAMES.pick(rng);
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    expect(ranked[0][0]).toBe('Nguyễn');
    expect(ranked[0][1] / 20_000).toBeGreaterThan(0.25);
    expect(ranked[0][1] / 20_000).toBeLessThan(0.4);
    expect(ranked.slice(1, 4).map(([n]) => n)).toEqual(['Trần', 'Lê', 'Phạm']);
    expect(counts.size).toBeGreaterThan(30);
  });

  it('forces the given name a blueprint asks for, with a matching middle name', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 20; i++) {
      const n = makeName(rng, 'female', 1975, 'Thúy');
      expect(n.givenName).toBe('Thúy');
      expect(n.familyName.length).toBeGreaterThan(0);
    }
  });

  it('hands out unique 8-digit card numbers, far beyond the province', () => {
    const cards = new CardNumbers();
    const seen = new Set<string>();
    for (let i = 0; i < 300_000; i++) seen.add(cards.next());
    expect(seen.size).toBe(300_000);
    for (const c of [...seen].slice(0, 100)) expect(c).toMatch(/^40\d{6}$/);
  });

  it('makes coherent people: probation within 12 months, official 12 months after admission, posts filled', () => {
    const rng = new Rng(11);
    const bd = '2017-12-05';
    const blueprint = cityBlueprint(rng, { code: 'TU', leadersTagged: true });
    const factory = new PeopleFactory(rng, bd, new CardNumbers());
    let people = 0;
    for (const { spec } of walkUnits(blueprint)) {
      if (!spec.cell) continue;
      const cell = factory.cell(spec.cell);
      expect(cell.length).toBe(spec.cell.size);
      expect(cell.filter((p) => p.cellPost === 'secretary')).toHaveLength(1);
      for (const p of cell) {
        people++;
        expect(p.birthDate < p.admissionDate).toBe(true);
        expect(p.admissionDate <= bd).toBe(true);
        if (p.officialDate === null) expect(p.admissionDate > addMonths(bd, -12)).toBe(true);
        else expect(p.officialDate >= addMonths(p.admissionDate, 12) && p.officialDate <= bd).toBe(true);
        expect(p.statusHistory[0].from).toBe(p.admissionDate);
        expect(p.statusHistory.at(-1)!.status).toBe(p.status);
        expect(p.joinedUnitOn >= p.admissionDate && p.joinedUnitOn <= bd).toBe(true);
        if (p.cellPost || p.unitPost) {
          expect(p.status).toBe('active');
          expect(p.officialDate).not.toBeNull();
        }
      }
    }
    expect(people).toBeGreaterThan(3500);
  });

  it('plans the city as 42 grassroots organizations that obey the tree rules', () => {
    const s = shape(cityBlueprint(new Rng(5), { code: 'TU', leadersTagged: true }));
    expect(s.grassroots).toBe(42);
    expect(s.members).toBeGreaterThanOrEqual(3500);
    expect(s.members).toBeLessThanOrEqual(4500);
    for (const { spec, parent } of s.units) expect(canBeChildOf(spec.kind, parent?.kind ?? null), spec.name).toBe(true);
  });

  it('plans the province at benchmark size: ~15 districts, ~1,500 grassroots, ~10,000 chi bộ, ~150,000 members', () => {
    const root = provinceBlueprint(new Rng(2017));
    const s = shape(root);
    expect(root.children).toHaveLength(15);
    expect(root.children.every((c) => c.kind === 'committee')).toBe(true);
    expect(s.grassroots).toBeGreaterThanOrEqual(1400);
    expect(s.grassroots).toBeLessThanOrEqual(1600);
    expect(s.cells).toBeGreaterThanOrEqual(9500);
    expect(s.cells).toBeLessThanOrEqual(10_500);
    expect(s.members).toBeGreaterThanOrEqual(140_000);
    expect(s.members).toBeLessThanOrEqual(160_000);
    expect(new Set(s.units.map((u) => u.spec.code)).size).toBe(s.units.length);
    for (const { spec, parent } of s.units) expect(canBeChildOf(spec.kind, parent?.kind ?? null), spec.name).toBe(true);
  });
});
