// Quản trị › Bộ quy định › one period (issue 3 item 1): levels for members and organizations,
// grades or points and bands, who is left out or not classified, the forms by meaning with their
// letters, sections and criteria, the 27 manifestations, the rules, the configurable items with
// their defaults ("Mặc định", "Chưa xác nhận") and every source.
import { Card, Collapse, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { PATHS } from '../../app/menu';
import { PageSpin, QueryError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import type { FormTemplateView } from '../../../shared/contracts/rule-sets.js';
import {
  MEANING_LABELS,
  MEANING_ORDER,
  RULE_SUBJECT_LABELS,
  SCORING_LABELS,
  SCORING_SHORT,
  TREATMENT_LABELS,
  formForMeaning,
  ruleSetKeys,
  yearsText,
  type RuleSetDetail,
} from './labels';
import { SourceTag, UnconfirmedTag } from './SourceTag';

type LevelRow = RuleSetDetail['memberLevels'][number];
type SectionRow = FormTemplateView['sections'][number];

function LevelsTable({ rows, points }: { rows: LevelRow[]; points: boolean }) {
  return (
    <Table<LevelRow>
      rowKey="level"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 900 }}
      columns={[
        { title: 'Mức', dataIndex: 'short', width: 110, render: (s: string) => <Tag>{s}</Tag> },
        { title: 'Tên mức', dataIndex: 'label', width: 200, render: (l: string) => <Typography.Text strong>{l}</Typography.Text> },
        ...(points
          ? [
              {
                title: 'Điểm',
                key: 'points',
                width: 110,
                render: (_: unknown, r: LevelRow) => (r.minPoints !== undefined ? `Từ ${r.minPoints}` : 'Dưới 50 hoặc trường hợp loại trừ'),
              },
            ]
          : []),
        {
          title: 'Điều kiện chính',
          dataIndex: 'conditions',
          render: (c?: string) => c ?? <Typography.Text type="secondary">Không nêu</Typography.Text>,
        },
        { title: 'Nguồn', dataIndex: 'source', width: 260, render: (s: LevelRow['source']) => <SourceTag source={s} /> },
      ]}
    />
  );
}

function criteriaList(section: SectionRow) {
  if (!section.criteria || section.criteria.length === 0) return null;
  return (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {section.criteria.map((c) => (
        <li key={c.key}>
          {c.label} {c.leadersOnly ? <Tag color="purple">Chỉ người lãnh đạo, quản lý</Tag> : null}
          {c.maxPoints !== undefined ? <Tag color="blue">Tối đa {c.maxPoints} điểm</Tag> : null}
          {c.source.unconfirmed && !section.source.unconfirmed ? <UnconfirmedTag note={c.source.note} /> : null}
        </li>
      ))}
    </ol>
  );
}

function FormCard({ form }: { form: FormTemplateView }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap size={8}>
        {form.letter ? <Tag color="blue">Mẫu {form.letter}</Tag> : <Tag>Mẫu cấu hình</Tag>}
        <Typography.Text strong>{form.code}</Typography.Text>
        <Typography.Text>— {form.title}</Typography.Text>
      </Space>
      <SourceTag source={form.source} />
      <Table<SectionRow>
        rowKey={(s) => `${s.key}-${s.number}`}
        size="small"
        pagination={false}
        dataSource={form.sections}
        scroll={{ x: 900 }}
        columns={[
          { title: 'Mục', dataIndex: 'number', width: 120 },
          {
            title: 'Nội dung',
            key: 'title',
            render: (_: unknown, s) => (
              <Space orientation="vertical" size={4}>
                <Space wrap size={4}>
                  <span>{s.title}</span>
                  {s.graded ? <Tag color="geekblue">Tự đánh giá cấp độ</Tag> : null}
                </Space>
                {criteriaList(s)}
              </Space>
            ),
          },
          { title: 'Nguồn', dataIndex: 'source', width: 260, render: (src: SectionRow['source']) => <SourceTag source={src} /> },
        ]}
      />
    </Space>
  );
}

function FormsPanel({ rs }: { rs: RuleSetDetail }) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Tự soi chọn mẫu theo hồ sơ đảng viên: người giữ chức vụ lãnh đạo, quản lý dùng mẫu dành cho lãnh đạo, quản lý; cán bộ, công chức,
        viên chức hoặc người có chức vụ chính quyền dùng mẫu không giữ chức vụ; những người còn lại được coi là đảng viên không làm việc
        trong hệ thống chính trị (khi giai đoạn có mẫu riêng). Mẫu được xác định khi chốt danh sách của đợt kiểm điểm, nên hồ sơ đảng viên
        cần ghi đúng chức vụ.{' '}
        <UnconfirmedTag note="Cách suy ra từ hồ sơ do Tự soi đặt; hồ sơ chưa có trường cho người làm việc ở Mặt trận, đoàn thể mà không là công chức." />
      </Typography.Paragraph>
      <Collapse
        items={MEANING_ORDER.map((meaning) => {
          const found = formForMeaning(rs, meaning);
          return {
            key: meaning,
            label: (
              <Space wrap size={8}>
                <span>{MEANING_LABELS[meaning]}</span>
                {found ? (
                  <Tag color={found.borrowed ? 'default' : 'blue'}>{found.form.letter ? `Mẫu ${found.form.letter}` : 'Mẫu cấu hình'}</Tag>
                ) : null}
              </Space>
            ),
            children: found ? (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {found.borrowed ? (
                  <Typography.Text type="secondary">
                    Giai đoạn này không có mẫu riêng cho đối tượng này; dùng mẫu của "{MEANING_LABELS[found.form.meaning]}".
                  </Typography.Text>
                ) : null}
                <FormCard form={found.form} />
              </Space>
            ) : (
              <Empty description="Không có mẫu" />
            ),
          };
        })}
      />
    </Space>
  );
}

function ManifestationsPanel({ rs }: { rs: RuleSetDetail }) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {rs.manifestationGroups.map((g) => (
        <Card key={g.code} size="small" title={`${g.code}. ${g.label}`}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            showHeader={false}
            dataSource={rs.manifestations.filter((m) => m.group === g.code)}
            columns={[
              { dataIndex: 'code', width: 60, render: (c: string) => <Tag>{c}</Tag> },
              { dataIndex: 'text' },
              {
                dataIndex: 'source',
                width: 140,
                render: (s: RuleSetDetail['manifestations'][number]['source']) => (s.unconfirmed ? <UnconfirmedTag note={s.note} /> : null),
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

type ConfigRow = RuleSetDetail['configurable'][number];

function ConfigurablePanel({ rs }: { rs: RuleSetDetail }) {
  return (
    <Table<ConfigRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rs.configurable}
      scroll={{ x: 900 }}
      columns={[
        { title: 'Nội dung', dataIndex: 'label', width: 220 },
        {
          title: 'Giá trị mặc định',
          key: 'default',
          render: (_: unknown, c) => (
            <Space wrap size={4}>
              <span>{c.defaultText}</span>
              <Tag color="cyan">Mặc định</Tag>
              {c.source.unconfirmed ? <UnconfirmedTag note={c.source.note} /> : null}
            </Space>
          ),
        },
        {
          title: 'Điều chỉnh',
          dataIndex: 'perCampaign',
          width: 150,
          render: (p: boolean) => (p ? <Tag color="green">Theo từng đợt</Tag> : <Tag>Cố định theo bộ</Tag>),
        },
        { title: 'Nguồn', dataIndex: 'source', width: 260, render: (s: ConfigRow['source']) => <SourceTag source={s} /> },
      ]}
    />
  );
}

export default function RuleSetPage() {
  const { id = '' } = useParams();
  const {
    data: rs,
    isPending,
    error,
    refetch,
  } = useQuery({
    queryKey: ruleSetKeys.detail(id),
    queryFn: () => api.get<RuleSetDetail>(`/api/rule-sets/${encodeURIComponent(id)}`),
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending || !rs) return <PageSpin />;

  const overview = [
    { key: 'years', label: 'Năm đánh giá', children: yearsText(rs.years) },
    { key: 'scoring', label: 'Cách xếp loại', children: SCORING_LABELS[rs.scoring] },
    rs.points
      ? {
          key: 'points',
          label: 'Thang điểm',
          children: (
            <Space orientation="vertical" size={2}>
              <span>
                Nhóm I (tiêu chí chung) {rs.points.general} điểm + nhóm II (kết quả thực hiện nhiệm vụ) {rs.points.tasks} điểm
              </span>
              <span>
                Khung: từ {rs.points.bands.excellent} HTXSNV; {rs.points.bands.good} – dưới {rs.points.bands.excellent} HTTNV;{' '}
                {rs.points.bands.satisfactory} – dưới {rs.points.bands.good} HTNV; dưới {rs.points.bands.satisfactory} KHTNV
              </span>
              <SourceTag source={rs.points.source} />
            </Space>
          ),
        }
      : {
          key: 'grades',
          label: 'Cấp độ tiêu chí',
          children: rs.grades.length > 0 ? rs.grades.map((g) => g.label).join(' · ') : 'Không đánh giá theo cấp độ',
        },
    {
      key: 'quota',
      label: 'Tỷ lệ "Hoàn thành xuất sắc"',
      children: (
        <Space orientation="vertical" size={2}>
          <span>
            {rs.quota.htxsPct === null
              ? 'Không giới hạn'
              : `Không quá ${rs.quota.htxsPct} % số "Hoàn thành tốt nhiệm vụ"${rs.quota.exceptionalPct ? `, đến ${rs.quota.exceptionalPct} % nơi có kết quả nổi bật` : ''}`}
          </span>
          <SourceTag source={rs.quota.source} />
        </Space>
      ),
    },
    {
      key: 'leadership',
      label: 'Kiểm điểm riêng tập thể lãnh đạo, quản lý',
      children: rs.reviewsLeadershipCollective ? <Tag color="green">Có</Tag> : <Tag>Không</Tag>,
    },
    {
      key: 'documents',
      label: 'Văn bản',
      children: (
        <Space orientation="vertical" size={4}>
          {rs.documents.map((d) => (
            <SourceTag key={d.document} source={d} />
          ))}
        </Space>
      ),
    },
  ];

  const populationRows = rs.population.cases;
  return (
    <>
      <PageHeader
        title={rs.name}
        crumbs={[
          { title: 'Trang chủ', to: PATHS.home },
          { title: 'Bộ quy định theo năm', to: PATHS.ruleSets },
          { title: yearsText(rs.years) },
        ]}
        tags={<Tag color="blue">{SCORING_SHORT[rs.scoring]}</Tag>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" items={overview} />
      </Card>
      <Collapse
        defaultActiveKey={['levels']}
        items={[
          {
            key: 'levels',
            label: 'Mức xếp loại',
            children: (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  Đảng viên
                </Typography.Title>
                <LevelsTable rows={rs.memberLevels} points={rs.points !== null} />
                <Typography.Title level={5} style={{ margin: 0 }}>
                  Tổ chức đảng, tập thể
                </Typography.Title>
                <LevelsTable rows={rs.unitLevels} points={rs.points !== null} />
              </Space>
            ),
          },
          {
            key: 'population',
            label: 'Đối tượng kiểm điểm, xếp loại',
            children: (
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={populationRows}
                scroll={{ x: 900 }}
                columns={[
                  { title: 'Trường hợp', dataIndex: 'label', width: 240 },
                  {
                    title: 'Xử lý',
                    dataIndex: 'treatment',
                    width: 200,
                    render: (t: keyof typeof TREATMENT_LABELS) => <Tag color={TREATMENT_LABELS[t].color}>{TREATMENT_LABELS[t].text}</Tag>,
                  },
                  { title: 'Ghi chú', dataIndex: 'detail', render: (d?: string) => d ?? '' },
                  { title: 'Nguồn', dataIndex: 'source', width: 260, render: (s: LevelRow['source']) => <SourceTag source={s} /> },
                ]}
              />
            ),
          },
          { key: 'forms', label: 'Biểu mẫu kiểm điểm theo đối tượng', children: <FormsPanel rs={rs} /> },
          {
            key: 'manifestations',
            label: '27 biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa"',
            children: <ManifestationsPanel rs={rs} />,
          },
          {
            key: 'rules',
            label: 'Quy tắc loại trừ, giới hạn mức xếp loại',
            children:
              rs.rules.length === 0 ? (
                <Empty description="Không có quy tắc nào được xác nhận cho giai đoạn này" />
              ) : (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={rs.rules}
                  scroll={{ x: 900 }}
                  columns={[
                    { title: 'Mã', dataIndex: 'code', width: 60, render: (c: string) => <Tag>{c}</Tag> },
                    {
                      title: 'Đối tượng',
                      dataIndex: 'subject',
                      width: 150,
                      render: (s: keyof typeof RULE_SUBJECT_LABELS) => RULE_SUBJECT_LABELS[s],
                    },
                    { title: 'Khi', dataIndex: 'trigger' },
                    { title: 'Thì', dataIndex: 'effect' },
                    { title: 'Nguồn', dataIndex: 'source', width: 260, render: (s: LevelRow['source']) => <SourceTag source={s} /> },
                  ]}
                />
              ),
          },
          { key: 'configurable', label: 'Nội dung cấp ủy có thể điều chỉnh', children: <ConfigurablePanel rs={rs} /> },
          {
            key: 'related',
            label: 'Biểu mẫu, văn bản khác',
            children: (
              <Table
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={rs.relatedForms}
                scroll={{ x: 900 }}
                columns={[
                  { title: 'Biểu mẫu, văn bản', dataIndex: 'code', render: (c: string) => <Typography.Text strong>{c}</Typography.Text> },
                  { title: 'Nội dung', dataIndex: 'title' },
                  { title: 'Nguồn', dataIndex: 'source', width: 260, render: (s: LevelRow['source']) => <SourceTag source={s} /> },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
