// A unit's page (issue 2 item 3): details, breadcrumb, member counts by status, sub-units, its
// members, and the actions the caller's abilities allow (design §4: the UI shows only those).
import {
  DownloadOutlined,
  EditOutlined,
  HistoryOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
  UploadOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Drawer, Grid, Row, Statistic, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { downloadFile, withQuery } from '../../api/client';
import type { OrgUnitDetail, OrgUnitSummary } from '../../api/types';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { AuditHistory } from '../../components/AuditHistory';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { PageHeader, type Crumb } from '../../components/PageHeader';
import { formatDate, kindLabel, sectorLabel } from '../../format';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS } from '../../../shared/vocabulary.js';
import { CreateMemberModal } from '../members/MemberForms';
import { MembersTable } from '../members/MembersTable';
import { fetchChildren, fetchUnit, unitKeys } from './api';
import { childKindsOf, CreateChildModal, EditUnitModal, MergeUnitsModal, MoveUnitModal } from './UnitForms';

type Dialog = 'edit' | 'child' | 'move' | 'merge' | 'member' | 'history' | null;

function SubUnits({ unit }: { unit: OrgUnitDetail }) {
  const { data, isPending, error } = useQuery({ queryKey: unitKeys.children(unit.id), queryFn: () => fetchChildren(unit.id) });
  if (error) return <QueryError error={error} />;
  return (
    <Table<OrgUnitSummary>
      rowKey="id"
      size="middle"
      loading={isPending}
      dataSource={data?.items ?? []}
      pagination={data && data.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: 'Không có đơn vị trực thuộc' }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: 'Tên', dataIndex: 'name', render: (n: string, u) => <Link to={PATHS.unit(u.id)}>{n}</Link> },
        { title: 'Loại', dataIndex: 'kind', render: (k: string) => kindLabel(k), responsive: ['sm'] },
        { title: 'Mã', dataIndex: 'code', responsive: ['md'] },
        { title: 'Số đơn vị trực thuộc', dataIndex: 'childCount', render: (n: number) => n || '', responsive: ['md'] },
        { title: 'Kết thúc', dataIndex: 'validTo', render: (d: string | null) => formatDate(d), responsive: ['lg'] },
      ]}
    />
  );
}

function UnitMembers({ unit }: { unit: OrgUnitDetail }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  return (
    <MembersTable
      params={{ unit: unit.id, ...paging }}
      onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
      showUnit={unit.childCount > 0}
      emptyText="Đơn vị chưa có đảng viên nào"
    />
  );
}

export default function UnitPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const notify = useNotify();
  const screens = Grid.useBreakpoint();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [exporting, setExporting] = useState(false);
  const { data: u, isPending, error, refetch } = useQuery({ queryKey: unitKeys.detail(id), queryFn: () => fetchUnit(id) });
  if (isPending) return <PageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;

  // Ancestors above the caller's scope roots are shown but cannot be opened.
  const rootIds = new Set(me.scopeRoots.map((r) => r.id));
  const crumbs: Crumb[] = [{ title: 'Tổ chức đảng', to: PATHS.tree }];
  let linkable = false;
  for (const a of u.ancestors) {
    if (rootIds.has(a.id)) linkable = true;
    crumbs.push({ title: a.name, to: linkable ? PATHS.unit(a.id) : undefined });
  }

  const ab = u.abilities;
  const counts = u.memberCounts as Record<string, number>;
  const total = Object.values(counts).reduce((x, y) => x + y, 0);
  const close = () => setDialog(null);

  async function exportMembers() {
    setExporting(true);
    try {
      await downloadFile(withQuery('/api/members/export', { unit: u!.id }), `dang-vien-${u!.code}.xlsx`);
    } catch (e) {
      notify.error(e);
    } finally {
      setExporting(false);
    }
  }

  const actions = (
    <>
      {ab.update ? (
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
          Sửa
        </Button>
      ) : null}
      {ab.createChild && childKindsOf(u.kind).length > 0 ? (
        <Button icon={<PlusOutlined />} onClick={() => setDialog('child')}>
          Thêm đơn vị trực thuộc
        </Button>
      ) : null}
      {ab.move && u.parentId ? (
        <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
          Chuyển
        </Button>
      ) : null}
      {ab.merge && !u.validTo ? (
        <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')}>
          Hợp nhất
        </Button>
      ) : null}
      {ab.createMember && (u.kind === 'cell' || u.kind === 'grassroots_cell') && !u.validTo ? (
        <Button icon={<UserAddOutlined />} onClick={() => setDialog('member')}>
          Thêm đảng viên
        </Button>
      ) : null}
      {ab.importMembers ? (
        <Button icon={<UploadOutlined />} onClick={() => navigate(withQuery(PATHS.imports, { unit: u.id }))}>
          Nhập từ Excel
        </Button>
      ) : null}
      {ab.exportMembers ? (
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportMembers()}>
          Xuất Excel
        </Button>
      ) : null}
      {ab.readAudit ? (
        <Button icon={<HistoryOutlined />} onClick={() => setDialog('history')}>
          Lịch sử
        </Button>
      ) : null}
    </>
  );

  const tags = (
    <>
      <Tag color="red">{kindLabel(u.kind)}</Tag>
      {u.validTo ? <Tag>Đã kết thúc {formatDate(u.validTo)}</Tag> : null}
    </>
  );

  const relation = (r: 'merged_into' | 'split_from') => (r === 'merged_into' ? 'đã hợp nhất vào đơn vị này' : 'tách ra từ');

  return (
    <>
      <PageHeader title={u.name} crumbs={crumbs} tags={tags} actions={actions} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="Thông tin">
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size={screens.sm ? 'medium' : 'small'}
              items={[
                { key: 'code', label: 'Mã', children: u.code },
                { key: 'kind', label: 'Loại', children: kindLabel(u.kind) },
                { key: 'sector', label: 'Loại hình', children: sectorLabel(u.sector) || '—' },
                { key: 'from', label: 'Ngày thành lập', children: formatDate(u.validFrom) || '—' },
                ...(u.validTo ? [{ key: 'to', label: 'Ngày kết thúc', children: formatDate(u.validTo) }] : []),
                ...(u.mergedInto
                  ? [
                      {
                        key: 'merged',
                        label: 'Đã hợp nhất vào',
                        children: <Link to={PATHS.unit(u.mergedInto.id)}>{u.mergedInto.name}</Link>,
                      },
                    ]
                  : []),
                ...(u.predecessors.length
                  ? [
                      {
                        key: 'pred',
                        label: 'Tổ chức tiền thân',
                        span: 'filled' as const,
                        children: (
                          <span>
                            {u.predecessors.map((p, i) => (
                              <span key={p.id}>
                                {i > 0 ? '; ' : ''}
                                <Link to={PATHS.unit(p.id)}>{p.name}</Link> ({relation(p.relation)})
                              </span>
                            ))}
                          </span>
                        ),
                      },
                    ]
                  : []),
                ...(u.note ? [{ key: 'note', label: 'Ghi chú', span: 'filled' as const, children: u.note }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="Đảng viên theo trạng thái">
            <Row gutter={[16, 16]}>
              <Col xs={12} sm={8}>
                <Statistic title="Tổng số" value={total} />
              </Col>
              {MEMBER_STATUSES.map((s) => (
                <Col xs={12} sm={8} key={s}>
                  <Statistic title={MEMBER_STATUS_LABELS[s]} value={counts[s] ?? 0} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24}>
          <Card>
            <Tabs
              key={u.id}
              defaultActiveKey={u.childCount > 0 ? 'units' : 'members'}
              items={[
                { key: 'units', label: `Đơn vị trực thuộc (${u.childCount})`, children: <SubUnits unit={u} /> },
                { key: 'members', label: `Đảng viên (${total})`, children: <UnitMembers unit={u} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <EditUnitModal unit={u} open={dialog === 'edit'} onClose={close} />
      <CreateChildModal parent={u} open={dialog === 'child'} onClose={close} />
      <MoveUnitModal unit={u} open={dialog === 'move'} onClose={close} />
      <MergeUnitsModal unit={u} open={dialog === 'merge'} onClose={close} />
      <CreateMemberModal unit={{ id: u.id, name: u.name }} open={dialog === 'member'} onClose={close} />
      <Drawer
        title={`Lịch sử thay đổi: ${u.name}`}
        open={dialog === 'history'}
        onClose={close}
        size={screens.md ? 520 : '100%'}
        destroyOnHidden
      >
        <AuditHistory path={`/api/org-units/${u.id}/history`} />
      </Drawer>
    </>
  );
}
