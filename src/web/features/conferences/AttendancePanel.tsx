// Attendance and quorum (issue 4 item 1; regulations §9b): each member present, absent with a
// reason, or not marked yet; the quorum's arithmetic in words. Marking is saved at once; "all
// present" marks those not yet marked, as one action the secretary takes knowingly.
import { CheckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../components/feedback';
import { afterConferenceStep, saveAttendance, type ConferenceView } from './api';

export function QuorumAlert({ c }: { c: ConferenceView }) {
  return (
    <Alert
      data-testid="quorum"
      type={c.quorum.met ? 'success' : 'warning'}
      showIcon
      title={c.quorum.explanation}
      description={<Typography.Text type="secondary">{c.quorum.rule}</Typography.Text>}
    />
  );
}

type Row = ConferenceView['attendance'][number];

export function AttendancePanel({ c, editable, online = true }: { c: ConferenceView; editable: boolean; online?: boolean }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [absentDraft, setAbsentDraft] = useState<Record<string, boolean>>({});

  async function save(items: { memberId: string; present: boolean | null; absenceReason?: string | null }[]) {
    setBusy(true);
    try {
      await afterConferenceStep(
        qc,
        await saveAttendance(
          c,
          items.map((i) => ({ absenceReason: null, ...i })),
        ),
      );
      setAbsentDraft((d) => {
        const next = { ...d };
        for (const i of items) delete next[i.memberId];
        return next;
      });
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  const unmarked = c.attendance.filter((a) => a.present === null);
  const canEdit = editable && online;
  const valueOf = (r: Row) => (absentDraft[r.memberId] ? 'absent' : r.present === null ? 'unknown' : r.present ? 'present' : 'absent');

  return (
    <Flex vertical gap={12}>
      <QuorumAlert c={c} />
      {editable && !online ? (
        <Typography.Text type="warning">Cần có mạng để lưu điểm danh; nội dung biên bản vẫn ghi được khi mất mạng.</Typography.Text>
      ) : null}
      {canEdit && unmarked.length > 0 ? (
        <Button
          icon={<CheckOutlined />}
          loading={busy}
          onClick={() => void save(unmarked.map((a) => ({ memberId: a.memberId, present: true })))}
        >
          Đánh dấu có mặt cho {unmarked.length} đồng chí chưa điểm danh
        </Button>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="memberId"
        pagination={false}
        dataSource={c.attendance}
        columns={[
          {
            title: 'Đảng viên',
            key: 'name',
            render: (_, r) => (
              <Space size={4} wrap>
                <span>{r.fullName}</span>
                {r.official ? null : <Tag>Dự bị</Tag>}
              </Space>
            ),
          },
          {
            title: 'Điểm danh',
            key: 'present',
            render: (_, r) =>
              canEdit ? (
                <Flex vertical gap={4}>
                  <Radio.Group
                    size="small"
                    optionType="button"
                    value={valueOf(r)}
                    aria-label={`Điểm danh ${r.fullName}`}
                    disabled={busy}
                    options={[
                      { value: 'present', label: 'Có mặt' },
                      { value: 'absent', label: 'Vắng' },
                      { value: 'unknown', label: 'Chưa rõ' },
                    ]}
                    onChange={(e) => {
                      const v = e.target.value as string;
                      if (v === 'absent') {
                        // A reason first: the absence is saved with it.
                        setAbsentDraft((d) => ({ ...d, [r.memberId]: true }));
                        return;
                      }
                      void save([{ memberId: r.memberId, present: v === 'present' ? true : null }]);
                    }}
                  />
                  {valueOf(r) === 'absent' ? (
                    <Input.Search
                      size="small"
                      aria-label={`Lý do vắng của ${r.fullName}`}
                      placeholder="Lý do vắng (bắt buộc), Enter để lưu"
                      enterButton="Lưu"
                      value={reasons[r.memberId] ?? r.absenceReason ?? ''}
                      onChange={(e) => setReasons((x) => ({ ...x, [r.memberId]: e.target.value }))}
                      onSearch={(v) => {
                        if (!v.trim()) {
                          void message.warning('Cần ghi lý do vắng.');
                          return;
                        }
                        void save([{ memberId: r.memberId, present: false, absenceReason: v.trim() }]);
                      }}
                    />
                  ) : null}
                </Flex>
              ) : r.present === null ? (
                <Typography.Text type="secondary">Chưa điểm danh</Typography.Text>
              ) : r.present ? (
                <Tag color="green">Có mặt</Tag>
              ) : (
                <span>
                  <Tag color="orange">Vắng</Tag> {r.absenceReason}
                </span>
              ),
          },
        ]}
      />
    </Flex>
  );
}
