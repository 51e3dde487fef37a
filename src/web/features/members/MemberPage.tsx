// A member's page (issue 2 item 4): profile with dd/mm/yyyy dates, status history, unit history,
// and only the actions the server says the caller may take. Laid out to work on a 360 px phone.
import { EditOutlined, HistoryOutlined, SwapOutlined, TagsOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Drawer, Grid, Row, Table, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import type { MemberDetail } from '../../api/types';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { AuditHistory } from '../../components/AuditHistory';
import { PageSpin, QueryError } from '../../components/feedback';
import { PageHeader, type Crumb } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { formatDate, genderLabel } from '../../format';
import { fetchMember, memberKeys } from './api';
import { ChangeStatusModal, EditMemberModal, TransferMemberModal } from './MemberForms';
import { MemberYearSection } from '../member-year/MemberYearSection';

type Dialog = 'edit' | 'transfer' | 'status' | 'history' | null;

const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

/** Periods (status, chi bộ) as a list on a phone, where a four-column table does not fit. */
function PeriodList({
  items,
}: {
  items: { key: string; title: ReactNode; fromDate: string; toDate: string | null; reason: string | null }[];
}) {
  if (items.length === 0) return <Typography.Text type="secondary">Chưa có</Typography.Text>;
  return (
    <Timeline
      items={items.map((i) => ({
        key: i.key,
        content: (
          <div>
            <div>{i.title}</div>
            <Typography.Text type="secondary">
              {formatDate(i.fromDate)} – {formatDate(i.toDate) || 'nay'}
            </Typography.Text>
            {i.reason ? <div>{i.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

export function MemberView({ id, own = false }: { id: string; own?: boolean }) {
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const phone = !screens.sm;
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data: m, isPending, error, refetch } = useQuery({ queryKey: memberKeys.detail(id), queryFn: () => fetchMember(id) });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;

  // Units above the caller's scope cannot be opened; a member opens none (design §2: "R self").
  const crumbs: Crumb[] = [];
  if (!own) crumbs.push({ title: 'Đảng viên', to: PATHS.members });
  const rootIds = new Set(me.scopeRoots.map((r) => r.id));
  let linkable = false;
  for (const u of m.unitPath) {
    if (rootIds.has(u.id)) linkable = true;
    crumbs.push({ title: u.name, to: linkable && me.abilities.readOrgTree ? PATHS.unit(u.id) : undefined });
  }

  const a = m.abilities;
  const close = () => setDialog(null);
  const actions = (
    <>
      {a.update ? (
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
          Sửa
        </Button>
      ) : null}
      {a.transfer ? (
        <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')}>
          Chuyển sinh hoạt
        </Button>
      ) : null}
      {a.changeStatus ? (
        <Button icon={<TagsOutlined />} onClick={() => setDialog('status')}>
          Đổi trạng thái
        </Button>
      ) : null}
      {a.readAudit ? (
        <Button icon={<HistoryOutlined />} onClick={() => setDialog('history')}>
          Lịch sử
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader title={m.fullName} crumbs={crumbs} tags={<StatusTag status={m.status} />} actions={actions} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={own ? 'Hồ sơ đảng viên của tôi' : 'Hồ sơ đảng viên'} size={phone ? 'small' : undefined}>
            <Descriptions
              column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
              size={phone ? 'small' : 'medium'}
              items={[
                { key: 'name', label: 'Họ và tên', children: m.fullName },
                { key: 'birth', label: 'Ngày sinh', children: formatDate(m.birthDate) || '—' },
                { key: 'gender', label: 'Giới tính', children: genderLabel(m.gender) || '—' },
                { key: 'unit', label: 'Chi bộ', children: m.unitName },
                { key: 'card', label: 'Số thẻ đảng viên', children: m.cardNumber ?? '—' },
                {
                  key: 'status',
                  label: 'Trạng thái',
                  children: (
                    <>
                      <StatusTag status={m.status} />
                      {m.statusSince ? `từ ${formatDate(m.statusSince)}` : ''}
                    </>
                  ),
                },
                { key: 'admission', label: 'Ngày vào Đảng', children: formatDate(m.admissionDate) || '—' },
                { key: 'official', label: 'Ngày chính thức', children: formatDate(m.officialDate) || '—' },
                { key: 'party', label: 'Chức vụ Đảng', children: m.partyPosts || '—' },
                { key: 'gov', label: 'Chức vụ chính quyền, đoàn thể', children: m.governmentPosts || '—' },
                { key: 'leader', label: 'Cán bộ lãnh đạo, quản lý', children: yesNo(m.isLeader) },
                { key: 'head', label: 'Người đứng đầu', children: yesNo(m.isHead) },
                { key: 'cs', label: 'Cán bộ, công chức, viên chức', children: yesNo(m.isCivilServant) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Quá trình trạng thái" size={phone ? 'small' : undefined}>
            {phone ? (
              <PeriodList
                items={m.statusHistory.map((h) => ({ key: `${h.status}-${h.fromDate}`, title: <StatusTag status={h.status} />, ...h }))}
              />
            ) : (
              <Table
                rowKey={(r) => `${r.status}-${r.fromDate}`}
                size="small"
                pagination={false}
                dataSource={m.statusHistory}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: 'Chưa có' }}
                columns={[
                  { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
                  { title: 'Từ ngày', dataIndex: 'fromDate', render: formatDate },
                  { title: 'Đến ngày', dataIndex: 'toDate', render: (d: string | null) => formatDate(d) || 'nay' },
                  { title: 'Lý do', dataIndex: 'reason', render: (r: string | null) => r ?? '' },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Quá trình sinh hoạt đảng" size={phone ? 'small' : undefined}>
            {phone ? (
              <PeriodList items={m.unitHistory.map((h) => ({ key: `${h.unitId}-${h.fromDate}`, title: h.unitName, ...h }))} />
            ) : (
              <Table
                rowKey={(r) => `${r.unitId}-${r.fromDate}`}
                size="small"
                pagination={false}
                dataSource={m.unitHistory}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: 'Chưa có' }}
                columns={[
                  { title: 'Chi bộ', dataIndex: 'unitName' },
                  { title: 'Từ ngày', dataIndex: 'fromDate', render: formatDate },
                  { title: 'Đến ngày', dataIndex: 'toDate', render: (d: string | null) => formatDate(d) || 'nay' },
                  { title: 'Lý do', dataIndex: 'reason', render: (r: string | null) => r ?? '' },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <MemberYearSection memberId={m.id} memberName={m.fullName} small={phone} />
        </Col>
      </Row>
      <MemberDialogs member={m} dialog={dialog} onClose={close} />
      <Drawer
        title={`Lịch sử thay đổi: ${m.fullName}`}
        open={dialog === 'history'}
        onClose={close}
        size={screens.md ? 520 : '100%'}
        destroyOnHidden
      >
        <AuditHistory path={`/api/members/${m.id}/history`} />
      </Drawer>
      {!own ? null : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          Nếu thông tin chưa đúng, hãy báo với bí thư chi bộ hoặc cấp ủy để được điều chỉnh.
        </Typography.Paragraph>
      )}
    </>
  );
}

function MemberDialogs({ member, dialog, onClose }: { member: MemberDetail; dialog: Dialog; onClose: () => void }) {
  return (
    <>
      <EditMemberModal member={member} open={dialog === 'edit'} onClose={onClose} />
      <TransferMemberModal member={member} open={dialog === 'transfer'} onClose={onClose} />
      <ChangeStatusModal member={member} open={dialog === 'status'} onClose={onClose} />
    </>
  );
}

export default function MemberPage() {
  const { id = '' } = useParams();
  return <MemberView id={id} />;
}
