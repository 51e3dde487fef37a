// Assignments (phân công phụ trách, chỉ đạo; issue 3 item 3; regulations §3.1 bước 1): the
// caller's own units first, then every unit with its assigned people and duties, a bulk form
// (units × people × duties, many to many) and the workload per person.
import { PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { FormModal } from '../../components/FormModal';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { StageTag } from '../../components/StageTag';
import { foldForSearch } from '../../../shared/text.js';
import { ASSIGNMENT_DUTIES, ASSIGNMENT_DUTY_LABELS, type AssignmentDuty, type UnitStage } from '../../../shared/campaign-vocabulary.js';
import {
  addAssignments,
  fetchAssignees,
  fetchAssignments,
  fetchCampaignUnits,
  fetchMyUnits,
  fetchWorkload,
  invalidateCampaign,
  planningKeys,
  removeAssignments,
  type AssignedUnitView,
  type AssignmentView,
  type WorkloadPerson,
} from './api';

const DUTY_COLORS: Record<AssignmentDuty, string> = { direct: 'red', appraise: 'purple', attend: 'blue' };
const DUTY_SHORT: Record<AssignmentDuty, string> = { direct: 'Chỉ đạo', appraise: 'Thẩm định', attend: 'Dự hội nghị' };

function DutyTags({ duties }: { duties: AssignmentDuty[] }) {
  return (
    <>
      {ASSIGNMENT_DUTIES.filter((d) => duties.includes(d)).map((d) => (
        <Tag key={d} color={DUTY_COLORS[d]} title={ASSIGNMENT_DUTY_LABELS[d]}>
          {DUTY_SHORT[d]}
        </Tag>
      ))}
    </>
  );
}

function UnitsOfPerson({ campaignId, units }: { campaignId: string; units: AssignedUnitView[] }) {
  return (
    <Table<AssignedUnitView>
      rowKey="unitId"
      size="small"
      dataSource={units}
      pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: 'Đơn vị', dataIndex: 'name', render: (n: string, u) => <Link to={PATHS.dossier(campaignId, u.unitId)}>{n}</Link> },
        { title: 'Nhiệm vụ', dataIndex: 'duties', render: (d: AssignmentDuty[]) => <DutyTags duties={d} /> },
        {
          title: 'Giai đoạn',
          dataIndex: 'stage',
          render: (s: UnitStage, u) => (
            <Space size={4} wrap>
              <StageTag stage={s} />
              {u.needsAppraisal ? <Tag color="volcano">Có gợi ý — cần thẩm định</Tag> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** "A director sees their units first" (issue 3 item 3): shown only to someone assigned. */
export function MyUnitsCard({ campaignId }: { campaignId: string }) {
  const { data } = useQuery({ queryKey: planningKeys.myUnits(campaignId), queryFn: () => fetchMyUnits(campaignId) });
  if (!data || data.items.length === 0) return null;
  return (
    <Card size="small" title={`Đơn vị đồng chí được phân công phụ trách (${data.items.length})`}>
      <UnitsOfPerson campaignId={campaignId} units={data.items} />
    </Card>
  );
}

/** Workload per person: how many units, by duty, and how far they have got. */
export function WorkloadTable({ campaignId }: { campaignId: string }) {
  const { data, isPending, error, refetch } = useQuery({
    queryKey: planningKeys.workload(campaignId),
    queryFn: () => fetchWorkload(campaignId),
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Table<WorkloadPerson>
      rowKey="accountId"
      size="middle"
      loading={isPending}
      dataSource={data?.people ?? []}
      pagination={false}
      locale={{ emptyText: 'Chưa có phân công nào' }}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (p) => <UnitsOfPerson campaignId={campaignId} units={p.units} /> }}
      columns={[
        { title: 'Người phụ trách', dataIndex: 'displayName' },
        { title: 'Số đơn vị', dataIndex: 'unitCount', width: 100 },
        ...ASSIGNMENT_DUTIES.map((d) => ({
          title: DUTY_SHORT[d],
          key: d,
          width: 110,
          responsive: ['md' as const],
          render: (_: unknown, p: WorkloadPerson) => p.byDuty[d] || '',
        })),
        {
          title: 'Theo giai đoạn',
          key: 'stages',
          responsive: ['lg'],
          render: (_: unknown, p: WorkloadPerson) => (
            <Space size={4} wrap>
              {Object.entries(p.byStage).map(([stage, n]) => (
                <StageTag key={stage} stage={stage as UnitStage} count={n} />
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

interface BulkValues {
  mode: 'add' | 'remove';
  unitIds: string[];
  accountIds: string[];
  duties: AssignmentDuty[];
}

function BulkAssignModal({ campaignId, open, onClose }: { campaignId: string; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [grassrootsOnly, setGrassrootsOnly] = useState(true);
  const units = useQuery({ queryKey: planningKeys.units(campaignId), queryFn: () => fetchCampaignUnits(campaignId), enabled: open });
  const people = useQuery({ queryKey: planningKeys.assignees(campaignId), queryFn: () => fetchAssignees(campaignId), enabled: open });
  const unitOptions = useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((u) => !grassrootsOnly || u.isGrassroots)
        .map((u) => ({ value: u.unitId, label: `${u.name} (${u.code})`, search: foldForSearch(`${u.name} ${u.code}`) })),
    [units.data, grassrootsOnly],
  );
  return (
    <FormModal<BulkValues>
      title="Phân công phụ trách đơn vị"
      open={open}
      onClose={onClose}
      width={720}
      okText="Thực hiện"
      successMessage="Đã cập nhật phân công."
      fields={['unitIds', 'accountIds', 'duties']}
      initialValues={{ mode: 'add', unitIds: [], accountIds: [], duties: ['direct', 'attend'] }}
      onSubmit={async (v) => {
        const body = { unitIds: v.unitIds, accountIds: v.accountIds, duties: v.duties };
        await (v.mode === 'add' ? addAssignments(campaignId, body) : removeAssignments(campaignId, body));
        await qc.invalidateQueries({ queryKey: planningKeys.all(campaignId) });
        await invalidateCampaign(qc, campaignId);
      }}
    >
      <Form.Item name="mode" label="Thao tác">
        <Radio.Group
          options={[
            { value: 'add', label: 'Thêm phân công' },
            { value: 'remove', label: 'Bỏ phân công' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="unitIds"
        label={
          <Space>
            <span>Đơn vị</span>
            <Switch size="small" checked={grassrootsOnly} onChange={setGrassrootsOnly} />
            <Typography.Text type="secondary">Chỉ tổ chức cơ sở đảng</Typography.Text>
          </Space>
        }
        rules={[{ required: true, message: 'Chọn ít nhất một đơn vị' }]}
        extra="Mỗi người được chọn sẽ phụ trách mọi đơn vị được chọn, với mọi nhiệm vụ được chọn."
      >
        <Select
          mode="multiple"
          allowClear
          loading={units.isPending}
          placeholder="Gõ tên hoặc mã đơn vị"
          options={unitOptions}
          showSearch={{ filterOption: (input, o) => !!o?.search.includes(foldForSearch(input)) }}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item
        name="accountIds"
        label="Người phụ trách"
        rules={[{ required: true, message: 'Chọn ít nhất một người' }]}
        extra="Ủy viên Ban Thường vụ, Thường trực và trưởng các ban của cấp ủy chủ trì đợt kiểm điểm."
      >
        <Select
          mode="multiple"
          allowClear
          loading={people.isPending}
          placeholder="Chọn người phụ trách"
          options={(people.data?.items ?? []).map((p) => ({
            value: p.accountId,
            label: `${p.displayName} (${p.username})`,
            search: foldForSearch(`${p.displayName} ${p.username}`),
          }))}
          showSearch={{ filterOption: (input, o) => !!o?.search.includes(foldForSearch(input)) }}
        />
      </Form.Item>
      <Form.Item name="duties" label="Nhiệm vụ" rules={[{ required: true, message: 'Chọn ít nhất một nhiệm vụ' }]}>
        <Checkbox.Group options={ASSIGNMENT_DUTIES.map((d) => ({ value: d, label: ASSIGNMENT_DUTY_LABELS[d] }))} />
      </Form.Item>
    </FormModal>
  );
}

interface UnitRow {
  unitId: string;
  unitName: string;
  unitCode: string;
  people: { accountId: string; accountName: string; duties: AssignmentDuty[] }[];
}

function groupByUnit(items: AssignmentView[]): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const a of items) {
    const row = rows.get(a.unitId) ?? { unitId: a.unitId, unitName: a.unitName, unitCode: a.unitCode, people: [] };
    let person = row.people.find((p) => p.accountId === a.accountId);
    if (!person) {
      person = { accountId: a.accountId, accountName: a.accountName, duties: [] };
      row.people.push(person);
    }
    person.duties.push(a.duty);
    rows.set(a.unitId, row);
  }
  return [...rows.values()];
}

function AssignmentsByUnit({ campaignId }: { campaignId: string }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [q, setQ] = useState('');
  const [bulkOpen, setBulkOpen] = useState(false);
  const { data, isPending, error, refetch } = useQuery({
    queryKey: planningKeys.assignments(campaignId),
    queryFn: () => fetchAssignments(campaignId),
  });
  const rows = useMemo(() => {
    const all = groupByUnit(data?.items ?? []);
    const needle = foldForSearch(q);
    if (!needle) return all;
    return all.filter((r) => foldForSearch(`${r.unitName} ${r.unitCode} ${r.people.map((p) => p.accountName).join(' ')}`).includes(needle));
  }, [data, q]);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const canManage = !!data?.canManage;

  const unassign = (row: UnitRow, person: UnitRow['people'][number]) =>
    void modal.confirm({
      title: `Bỏ phân công ${person.accountName}?`,
      content: `Đồng chí ${person.accountName} sẽ không còn phụ trách ${row.unitName} (${person.duties.map((d) => ASSIGNMENT_DUTY_LABELS[d]).join('; ')}).`,
      okText: 'Bỏ phân công',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await removeAssignments(campaignId, { unitIds: [row.unitId], accountIds: [person.accountId], duties: person.duties });
          notify.success('Đã bỏ phân công.');
          await qc.invalidateQueries({ queryKey: planningKeys.all(campaignId) });
          await invalidateCampaign(qc, campaignId);
        } catch (e) {
          notify.error(e);
        }
      },
    });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex gap={8} wrap justify="space-between">
        <Input
          allowClear
          placeholder="Lọc theo tên đơn vị hoặc người phụ trách"
          style={{ maxWidth: 360 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-label="Lọc phân công"
        />
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setBulkOpen(true)}>
            Phân công
          </Button>
        ) : null}
      </Flex>
      <Table<UnitRow>
        rowKey="unitId"
        size="middle"
        loading={isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có phân công nào" /> }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: 'Đơn vị',
            dataIndex: 'unitName',
            render: (n: string, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={PATHS.dossier(campaignId, r.unitId)}>{n}</Link>
                <Typography.Text type="secondary">{r.unitCode}</Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Người phụ trách và nhiệm vụ',
            key: 'people',
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={4}>
                {r.people.map((p) => (
                  <Flex key={p.accountId} gap={4} wrap align="center">
                    <Typography.Text strong>{p.accountName}</Typography.Text>
                    <DutyTags duties={p.duties} />
                    {canManage ? (
                      <Button size="small" type="link" danger onClick={() => unassign(r, p)}>
                        Bỏ
                      </Button>
                    ) : null}
                  </Flex>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {canManage ? <BulkAssignModal campaignId={campaignId} open={bulkOpen} onClose={() => setBulkOpen(false)} /> : null}
    </Space>
  );
}

export default function AssignmentsTab({ campaignId }: { campaignId: string }) {
  const [view, setView] = useState<'units' | 'people'>('units');
  const mine = useQuery({ queryKey: planningKeys.myUnits(campaignId), queryFn: () => fetchMyUnits(campaignId) });
  if (mine.isPending) return <PageSpin />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <MyUnitsCard campaignId={campaignId} />
      <Card
        title={
          <Space>
            <UserSwitchOutlined />
            <span>Phân công phụ trách, chỉ đạo</span>
          </Space>
        }
        extra={
          <Segmented<'units' | 'people'>
            value={view}
            onChange={setView}
            options={[
              { value: 'units', label: 'Theo đơn vị' },
              { value: 'people', label: 'Theo người phụ trách' },
            ]}
          />
        }
      >
        {view === 'units' ? <AssignmentsByUnit campaignId={campaignId} /> : <WorkloadTable campaignId={campaignId} />}
      </Card>
    </Space>
  );
}
