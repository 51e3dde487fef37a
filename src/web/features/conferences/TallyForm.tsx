// The paper count for one member (issue 4 item 2), checked as it is typed with the same rules the
// server applies (domain/classification/tally.ts: the counts add up, never more ballots than
// present), with the level the tally proposes (regulations §9b majority rule).
import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, InputNumber, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { LEVELS, type Level } from '../../../shared/campaign-vocabulary.js';
import { proposedLevelFromTally, tallyProblems, type Tally } from '../../../server/domain/classification/tally.js';
import { ApiError } from '../../api/client';
import { useNotify } from '../../components/feedback';
import { afterConferenceStep, conferenceKeys, saveTally, type ConferenceView } from './api';
import { levelName, TALLY_RULE } from './conference-labels';

type Counts = { present: number | null; valid: number | null; invalid: number | null } & Record<Level, number | null>;

function countsOf(c: ConferenceView, memberId: string): Counts {
  const t = c.tallies.find((x) => x.memberId === memberId);
  if (t) return { present: t.present, valid: t.valid, invalid: t.invalid, ...t.votes };
  return { present: c.quorum.present, valid: null, invalid: 0, excellent: null, good: null, satisfactory: null, unsatisfactory: null };
}

export function TallyForm({ c, memberId, name, online = true }: { c: ConferenceView; memberId: string; name: string; online?: boolean }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const stored = c.tallies.find((x) => x.memberId === memberId);
  const [counts, setCounts] = useState<Counts>(() => countsOf(c, memberId));
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const storedKey = `${memberId}:${stored?.version ?? 0}`;
  useEffect(() => {
    setCounts(countsOf(c, memberId));
    setServerProblems([]);
    // A new member or a new stored count: start from it.
  }, [storedKey]);

  const n = (v: number | null) => v ?? 0;
  const tally: Tally = {
    present: n(counts.present),
    valid: n(counts.valid),
    invalid: n(counts.invalid),
    votes: {
      excellent: n(counts.excellent),
      good: n(counts.good),
      satisfactory: n(counts.satisfactory),
      unsatisfactory: n(counts.unsatisfactory),
    },
  };
  const problems = tallyProblems(tally, { summoned: c.quorum.summoned }).map((p) => p.message);
  if (tally.present > c.quorum.present) {
    problems.push(
      `Số có mặt khi biểu quyết (${tally.present}) nhiều hơn số đảng viên chính thức có mặt theo điểm danh (${c.quorum.present}).`,
    );
  }
  const proposed = problems.length === 0 ? proposedLevelFromTally(tally) : null;
  const editable = c.abilities.write;

  async function submit() {
    setBusy(true);
    try {
      const next = await saveTally(c, { memberId, version: stored?.version ?? null, ...tally });
      await afterConferenceStep(qc, next);
      notify.success(`Đã lưu kết quả biểu quyết của đồng chí ${name}.`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'vote.invalid_tally') {
        const list = (e.details as { problems?: { message: string }[] } | undefined)?.problems ?? [];
        setServerProblems(list.map((p) => p.message));
      }
      notify.error(e);
      if (e instanceof ApiError && e.code === 'conflict.version') void qc.invalidateQueries({ queryKey: conferenceKeys.detail(c.id) });
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Counts, label: string) => (
    <Col xs={12} key={key}>
      <label style={{ display: 'block' }}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        <InputNumber
          aria-label={label}
          min={0}
          precision={0}
          style={{ width: '100%' }}
          disabled={!editable}
          value={counts[key]}
          onChange={(v) => setCounts((x) => ({ ...x, [key]: typeof v === 'number' ? v : null }))}
        />
      </label>
    </Col>
  );

  return (
    <Flex
      vertical
      gap={12}
      data-testid="tally-form"
      onKeyDown={(e) => {
        if (editable && e.key === 'Enter' && (e.ctrlKey || e.metaKey) && problems.length === 0 && online) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Typography.Text strong>Kết quả biểu quyết xếp loại: đồng chí {name}</Typography.Text>
      <Row gutter={[8, 8]}>
        {field('present', 'Số có mặt')}
        {field('valid', 'Số phiếu hợp lệ')}
        {field('invalid', 'Số phiếu không hợp lệ')}
        {LEVELS.map((l) => field(l, `Phiếu «${c.levels.find((x) => x.level === l)?.short ?? l}»`))}
      </Row>
      {problems.length > 0 || serverProblems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="tally-problems"
          title="Số liệu chưa khớp"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {[...new Set([...problems, ...serverProblems])].map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert
          type="info"
          showIcon
          data-testid="tally-proposed"
          title={`Mức đề xuất: ${levelName(c, proposed)}`}
          description={TALLY_RULE}
        />
      )}
      {stored ? (
        <Typography.Text type="secondary">
          Đã lưu: mức đề xuất {levelName(c, stored.proposedLevel)} (phiên bản {stored.version}).
        </Typography.Text>
      ) : null}
      {editable ? (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={busy}
          disabled={problems.length > 0 || !online}
          onClick={() => void submit()}
        >
          Lưu kết quả biểu quyết
        </Button>
      ) : null}
    </Flex>
  );
}
