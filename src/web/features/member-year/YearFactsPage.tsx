// "Thông tin trong năm" (issue 3 item 5): the unit committee records each member's facts of the
// year that the classification rules use (regulations §2.4, §11.4) — by hand in a drawer, or from
// an .xlsx file. Others who may read them (standing, organizer, chi bộ secretary) see the table.
import { EditOutlined, EyeOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Modal, Row, Select, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PATHS } from '../../app/menu';
import { useMe } from '../../app/session';
import { QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { UnitPicker } from '../../components/UnitPicker';
import { fetchUnit, unitKeys } from '../org-units/api';
import { fetchYearFactsList, memberYearKeys, type YearFactsRow } from './api';
import { FactsImportPanel } from './FactsImportPanel';
import { DisciplineTags, ratingLabel } from './FactsDisplay';
import { YearFactsDrawer } from './YearFactsDrawer';

const dash = (v: number | null | undefined, suffix = '') => (v === null || v === undefined ? '—' : `${v}${suffix}`);

export default function YearFactsPage() {
  const me = useMe();
  const businessYear = Number(me.businessDate.slice(0, 4));
  const [unitId, setUnitId] = useState<string | null>(me.scopeRoots[0]?.id ?? null);
  const [year, setYear] = useState(businessYear);
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [editing, setEditing] = useState<YearFactsRow | null>(null);
  const [importing, setImporting] = useState(false);
  const recordsFacts = me.grants.some((g) => g.role === 'unit_committee');

  const params = { unitId, year, ...paging };
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: memberYearKeys.list(params),
    queryFn: () => fetchYearFactsList(params),
    placeholderData: keepPreviousData,
  });
  const { data: unit } = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => fetchUnit(unitId!), enabled: unitId !== null });

  const years = Array.from({ length: 10 }, (_, i) => businessYear - i);

  return (
    <>
      <PageHeader
        title="Thông tin trong năm của đảng viên"
        actions={
          recordsFacts ? (
            <Button icon={<FileExcelOutlined />} disabled={!unitId} onClick={() => setImporting(true)}>
              Nhập từ Excel
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">
        Kỷ luật, xếp loại công chức, viên chức, tỷ lệ chỉ tiêu hoàn thành, nghỉ ốm, nghỉ thai sản, kết luận suy thoái và phiếu tín nhiệm
        thấp trong năm: căn cứ để xét các trường hợp không được xếp loại cao hoặc không hoàn thành nhiệm vụ. Cấp ủy cơ sở ghi thông tin của
        đảng viên thuộc đơn vị mình.
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item label="Đơn vị" style={{ marginBottom: 0 }}>
                <UnitPicker
                  value={unitId}
                  onChange={(v) => {
                    setUnitId(v);
                    setPaging((p) => ({ ...p, page: 1 }));
                  }}
                  initialOptions={me.scopeRoots.map((r) => ({ id: r.id, name: r.name }))}
                  placeholder="Tất cả đơn vị trong phạm vi của bạn"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Năm" style={{ marginBottom: 0 }}>
                <Select
                  value={year}
                  onChange={(y: number) => {
                    setYear(y);
                    setPaging((p) => ({ ...p, page: 1 }));
                  }}
                  options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<YearFactsRow>
          rowKey="memberId"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: 'Không có đảng viên nào' }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total, [from, to]) => `${from}–${to} trong ${total} đảng viên`,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            {
              title: 'Họ và tên',
              dataIndex: 'fullName',
              fixed: 'left',
              render: (name: string, r) => (
                <div>
                  <Link to={PATHS.member(r.memberId)}>
                    <Typography.Text strong style={{ color: 'inherit' }}>
                      {name}
                    </Typography.Text>
                  </Link>
                  {r.status !== 'active' ? (
                    <div>
                      <StatusTag status={r.status} />
                    </div>
                  ) : null}
                </div>
              ),
            },
            { title: 'Chi bộ', dataIndex: 'unitName', responsive: ['md'] },
            {
              title: 'Kỷ luật',
              key: 'disciplines',
              render: (_, r) => (r.facts ? <DisciplineTags disciplines={r.facts.disciplines} /> : null),
            },
            { title: 'Xếp loại CC, VC', key: 'rating', render: (_, r) => ratingLabel(r.facts?.civilServiceRating) || '—' },
            { title: 'Chỉ tiêu', key: 'targets', render: (_, r) => dash(r.facts?.targetsCompletedPct, ' %') },
            { title: 'Nghỉ ốm', key: 'sick', render: (_, r) => dash(r.facts?.sickLeaveDays, ' ngày') },
            { title: 'Thai sản', key: 'maternity', render: (_, r) => dash(r.facts?.maternityLeaveDays, ' ngày'), responsive: ['lg'] },
            {
              title: 'Suy thoái',
              key: 'degradation',
              render: (_, r) => (r.facts?.degradationConcluded ? <Tag color="red">Có kết luận</Tag> : r.facts ? 'Không' : '—'),
            },
            { title: 'Tín nhiệm thấp', key: 'confidence', render: (_, r) => dash(r.facts?.confidenceLowPct, ' %'), responsive: ['lg'] },
            {
              title: '',
              key: 'actions',
              render: (_, r) =>
                r.canWrite ? (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                    {r.facts ? 'Sửa' : 'Ghi'}
                  </Button>
                ) : r.facts ? (
                  <Button size="small" icon={<EyeOutlined />} onClick={() => setEditing(r)}>
                    Xem
                  </Button>
                ) : (
                  <Typography.Text type="secondary">Chưa ghi</Typography.Text>
                ),
            },
          ]}
        />
      )}
      <YearFactsDrawer
        memberId={editing?.memberId ?? null}
        memberName={editing?.fullName ?? ''}
        year={data?.year ?? year}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <Modal
        title={`Nhập thông tin trong năm ${year} từ Excel`}
        open={importing}
        onCancel={() => setImporting(false)}
        footer={null}
        width={760}
        destroyOnHidden
      >
        {unitId ? <FactsImportPanel unitId={unitId} unitName={unit?.name ?? 'đơn vị đã chọn'} year={year} /> : null}
      </Modal>
    </>
  );
}
