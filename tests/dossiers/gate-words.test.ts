// The pure parts of the gate shared by the server and the browser: the message that says why a
// conference cannot be scheduled yet, the conference time as stored and shown, and the steps the
// dossier page draws along design §3's path.
import { describe, expect, it } from 'vitest';
import { UNIT_STAGES } from '../../src/shared/campaign-vocabulary.js';
import { conferenceDateTime, conferenceGateMessage, formatConferenceTime } from '../../src/shared/contracts/dossiers.js';
import { dossierSteps } from '../../src/web/features/dossiers/dossier-steps.js';

describe('conferenceGateMessage', () => {
  it('explains the refusal before the gate, naming the stage, and says nothing once it may be scheduled', () => {
    const byStage = Object.fromEntries(UNIT_STAGES.map((s) => [s, conferenceGateMessage(s, true)]));
    for (const s of ['planned', 'drafting', 'submitted', 'under_appraisal', 'returned'] as const) {
      expect(byStage[s], s).toContain('chưa được Ban Tổ chức thẩm định đạt yêu cầu');
    }
    expect(byStage.under_appraisal).toContain('«Đang thẩm định»');
    for (const s of ['cleared', 'conference_scheduled', 'conference_held', 'closed'] as const) expect(byStage[s], s).toBeNull();
  });

  it('without suggested points, the unit only has to submit first', () => {
    expect(conferenceGateMessage('drafting', false)).toContain('cần nộp hồ sơ');
    expect(conferenceGateMessage('submitted', false)).toBeNull();
  });
});

describe('conference time', () => {
  it('keeps a date, or a local date and time; converts a zoned time to Vietnam time (UTC+7)', () => {
    expect(conferenceDateTime.parse('2024-12-15')).toBe('2024-12-15');
    expect(conferenceDateTime.parse('2024-12-15T08:00')).toBe('2024-12-15T08:00');
    expect(conferenceDateTime.parse('2024-12-15T08:00:30')).toBe('2024-12-15T08:00');
    expect(conferenceDateTime.parse('2024-12-15T01:00:00Z')).toBe('2024-12-15T08:00');
    expect(conferenceDateTime.parse('2024-12-15T20:30:00.000Z')).toBe('2024-12-16T03:30');
    for (const bad of ['2024-02-30', '2024-12-15T24:00', '15/12/2024', '2024-12-15T8:00', '']) {
      expect(conferenceDateTime.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('is shown dd/mm/yyyy with the hour when there is one', () => {
    expect(formatConferenceTime('2024-12-15T08:00')).toBe('15/12/2024 08:00');
    expect(formatConferenceTime('2024-12-15')).toBe('15/12/2024');
  });
});

describe('dossier steps', () => {
  it('follows the appraisal path for a unit with suggested points', () => {
    expect(dossierSteps('planned', true)).toEqual({
      titles: ['Chuẩn bị hồ sơ', 'Nộp hồ sơ', 'Ban Tổ chức thẩm định', 'Thẩm định đạt', 'Lên lịch hội nghị'],
      current: 0,
      status: 'wait',
    });
    expect(dossierSteps('under_appraisal', true)).toMatchObject({ current: 2, status: 'process' });
    expect(dossierSteps('returned', true)).toMatchObject({ current: 2, status: 'error' });
    expect(dossierSteps('returned', true).titles[2]).toBe('Trả lại để bổ sung');
    expect(dossierSteps('cleared', true)).toMatchObject({ current: 3, status: 'finish' });
    expect(dossierSteps('conference_held', true)).toMatchObject({ current: 4, status: 'finish' });
  });

  it('skips the appraisal for a unit without', () => {
    expect(dossierSteps('submitted', false)).toEqual({
      titles: ['Chuẩn bị hồ sơ', 'Nộp hồ sơ', 'Lên lịch hội nghị'],
      current: 1,
      status: 'process',
    });
    expect(dossierSteps('returned', false)).toMatchObject({ current: 1, status: 'error' });
  });
});
