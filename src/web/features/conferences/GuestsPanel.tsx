// Upper-level attendees (issue 4 item 1): which assigned directors came, and other guests by name
// and title. The meeting's writers and the assigned directors record them (design §2).
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Empty, Flex, Input, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNotify } from '../../components/feedback';
import { afterConferenceStep, saveGuests, type ConferenceView } from './api';

interface UpperDraft {
  name: string;
  title: string;
  attended: boolean;
}

export function GuestsPanel({ c }: { c: ConferenceView }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const editable = c.abilities.recordGuests;
  const directors = c.guests.filter((g) => g.kind === 'director');
  const serverUpper = c.guests.filter((g) => g.kind === 'upper');
  const [upper, setUpper] = useState<UpperDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const upperKey = JSON.stringify(serverUpper.map((g) => [g.name, g.title, g.attended]));
  useEffect(() => {
    setUpper(serverUpper.map((g) => ({ name: g.name, title: g.title ?? '', attended: g.attended })));
    // Reset the drafts only when the stored list changes (the key stands for it).
  }, [upperKey]);

  async function save(body: Parameters<typeof saveGuests>[1]) {
    setBusy(true);
    try {
      await afterConferenceStep(qc, await saveGuests(c, body));
      notify.success('Đã lưu thành phần dự hội nghị.');
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text strong>Đồng chí phụ trách, chỉ đạo</Typography.Text>
        {directors.length === 0 ? (
          <Typography.Paragraph type="secondary">Đơn vị chưa được phân công đồng chí phụ trách, chỉ đạo.</Typography.Paragraph>
        ) : (
          <List
            size="small"
            dataSource={directors}
            renderItem={(g) => (
              <List.Item>
                {editable ? (
                  <Checkbox
                    checked={g.attended}
                    disabled={busy}
                    onChange={(e) => void save({ directors: [{ accountId: g.accountId!, attended: e.target.checked }] })}
                  >
                    {g.name} – có dự hội nghị
                  </Checkbox>
                ) : (
                  <span>
                    {g.name}: {g.attended ? 'có dự' : 'không dự'}
                  </span>
                )}
              </List.Item>
            )}
          />
        )}
      </div>
      <div>
        <Typography.Text strong>Đại biểu cấp trên khác</Typography.Text>
        {!editable ? (
          serverUpper.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có" />
          ) : (
            <List
              size="small"
              dataSource={serverUpper}
              renderItem={(g) => (
                <List.Item>
                  {g.name}
                  {g.title ? `, ${g.title}` : ''}
                </List.Item>
              )}
            />
          )
        ) : (
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {upper.map((u, i) => (
              <Space.Compact key={i} style={{ width: '100%' }}>
                <Input
                  aria-label={`Họ tên đại biểu ${i + 1}`}
                  placeholder="Họ và tên"
                  value={u.name}
                  onChange={(e) => setUpper((list) => list.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                />
                <Input
                  aria-label={`Chức vụ đại biểu ${i + 1}`}
                  placeholder="Chức vụ, đơn vị"
                  value={u.title}
                  onChange={(e) => setUpper((list) => list.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))}
                />
                <Button
                  aria-label={`Bỏ đại biểu ${i + 1}`}
                  icon={<DeleteOutlined />}
                  onClick={() => setUpper((list) => list.filter((_, j) => j !== i))}
                />
              </Space.Compact>
            ))}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => setUpper((list) => [...list, { name: '', title: '', attended: true }])}>
                Thêm đại biểu
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={busy}
                onClick={() =>
                  void save({
                    directors: [],
                    upper: upper.filter((u) => u.name.trim() !== '').map((u) => ({ ...u, name: u.name.trim(), title: u.title.trim() })),
                  })
                }
              >
                Lưu danh sách đại biểu
              </Button>
            </Space>
          </Flex>
        )}
      </div>
    </Flex>
  );
}
