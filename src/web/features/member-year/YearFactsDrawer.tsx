// One member's facts of one year in a drawer (issue 3 item 5): the unit committee edits them
// (disciplines as a small list), everyone else who may read them sees them. The form starts from
// the version read when the drawer opened; a save over someone else's answers "conflict".
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Drawer, Flex, Form, Grid, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { PageSpin, QueryError, useNotify } from '../../components/feedback';
import { showFieldProblems } from '../../components/forms';
import { DISCIPLINE_FORMS, DISCIPLINE_FORM_LABELS, LEVELS, type DisciplineForm, type Level } from '../../../shared/campaign-vocabulary.js';
import { CIVIL_SERVICE_RATING_LABELS, YEAR_FACT_FIELDS } from '../../../shared/contracts/member-year.js';
import { fetchYearFacts, invalidateYearFacts, memberYearKeys, saveYearFacts, type YearFacts, type YearFactsView } from './api';
import { FactsDescriptions } from './FactsDisplay';

interface DisciplineValues {
  form?: DisciplineForm;
  date?: string | null;
  reason?: string | null;
  selfDetected?: boolean;
  remedied?: boolean;
  dutyRelated?: boolean;
}

interface FactsValues {
  disciplines: DisciplineValues[];
  civilServiceRating?: Level | null;
  targetsCompletedPct?: number | null;
  sickLeaveDays?: number | null;
  maternityLeaveDays?: number | null;
  degradationConcluded?: boolean;
  degradationNote?: string | null;
  confidenceLowPct?: number | null;
  note?: string | null;
}

function initialValues(facts: YearFacts | null): FactsValues {
  if (!facts) return { disciplines: [], degradationConcluded: false };
  return {
    disciplines: facts.disciplines.map((d) => ({ ...d })),
    civilServiceRating: facts.civilServiceRating,
    targetsCompletedPct: facts.targetsCompletedPct,
    sickLeaveDays: facts.sickLeaveDays,
    maternityLeaveDays: facts.maternityLeaveDays,
    degradationConcluded: facts.degradationConcluded,
    degradationNote: facts.degradationNote,
    confidenceLowPct: facts.confidenceLowPct,
    note: facts.note,
  };
}

const num = (v: number | null | undefined) => (typeof v === 'number' ? v : null);
const str = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);

function FactsForm({ view, onSaved }: { view: YearFactsView; onSaved: () => void }) {
  const [form] = Form.useForm<FactsValues>();
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const qc = useQueryClient();
  const concluded = Form.useWatch('degradationConcluded', form);
  const year = view.year;

  async function submit(values: FactsValues) {
    setBusy(true);
    try {
      await saveYearFacts(view.memberId, year, {
        disciplines: (values.disciplines ?? []).map((d) => ({
          form: d.form!,
          date: d.date!,
          reason: str(d.reason),
          selfDetected: !!d.selfDetected,
          remedied: !!d.remedied,
          dutyRelated: !!d.dutyRelated,
        })),
        civilServiceRating: values.civilServiceRating ?? null,
        targetsCompletedPct: num(values.targetsCompletedPct),
        sickLeaveDays: num(values.sickLeaveDays),
        maternityLeaveDays: num(values.maternityLeaveDays),
        degradationConcluded: !!values.degradationConcluded,
        degradationNote: values.degradationConcluded ? str(values.degradationNote) : null,
        confidenceLowPct: num(values.confidenceLowPct),
        note: str(values.note),
        ...(view.facts ? { version: view.facts.version } : {}),
      });
      await invalidateYearFacts(qc);
      notify.success('Đã lưu thông tin trong năm.');
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict.version') {
        notify.error(e);
        await qc.invalidateQueries({ queryKey: memberYearKeys.facts(view.memberId, year) });
      } else if (!showFieldProblems(form, e, YEAR_FACT_FIELDS)) notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  const inYear = (value: string | null | undefined) =>
    !value || value.startsWith(`${year}-`) ? Promise.resolve() : Promise.reject(new Error(`Ngày kỷ luật phải trong năm ${year}`));

  return (
    <Form<FactsValues> form={form} layout="vertical" initialValues={initialValues(view.facts)} onFinish={(v) => void submit(v)}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Kỷ luật trong năm
      </Typography.Title>
      <Form.List name="disciplines">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {fields.length === 0 ? <Typography.Text type="secondary">Không có kỷ luật trong năm {year}.</Typography.Text> : null}
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={`Kỷ luật ${index + 1}`}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={`Xóa kỷ luật ${index + 1}`}
                  >
                    Xóa
                  </Button>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={[field.name, 'form']}
                      label="Hình thức"
                      rules={[{ required: true, message: 'Chọn hình thức kỷ luật' }]}
                    >
                      <Select options={DISCIPLINE_FORMS.map((f) => ({ value: f, label: DISCIPLINE_FORM_LABELS[f] }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={[field.name, 'date']}
                      label="Ngày kỷ luật"
                      rules={[{ required: true, message: 'Nhập ngày kỷ luật' }, { validator: (_, v) => inYear(v as string | null) }]}
                    >
                      <DateInput />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item name={[field.name, 'reason']} label="Lý do">
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Flex wrap gap={12}>
                      <Form.Item name={[field.name, 'selfDetected']} valuePropName="checked" noStyle>
                        <Checkbox>Tự phát hiện</Checkbox>
                      </Form.Item>
                      <Form.Item name={[field.name, 'remedied']} valuePropName="checked" noStyle>
                        <Checkbox>Đã khắc phục hậu quả</Checkbox>
                      </Form.Item>
                      <Form.Item name={[field.name, 'dutyRelated']} valuePropName="checked" noStyle>
                        <Checkbox>Liên quan thực thi nhiệm vụ</Checkbox>
                      </Form.Item>
                    </Flex>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ selfDetected: false, remedied: false, dutyRelated: false })}
              disabled={fields.length >= 20}
              block
            >
              Thêm kỷ luật
            </Button>
          </Flex>
        )}
      </Form.List>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="civilServiceRating"
            label="Xếp loại công chức, viên chức"
            extra="Để trống nếu không là cán bộ, công chức, viên chức."
          >
            <Select allowClear options={LEVELS.map((l) => ({ value: l, label: CIVIL_SERVICE_RATING_LABELS[l] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="targetsCompletedPct" label="Chỉ tiêu, nhiệm vụ hoàn thành (%)">
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="sickLeaveDays" label="Số ngày nghỉ ốm">
            <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="maternityLeaveDays" label="Số ngày nghỉ thai sản">
            <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="confidenceLowPct"
            label="Phiếu tín nhiệm thấp (%)"
            extra="Với cán bộ lãnh đạo, quản lý được lấy phiếu tín nhiệm trong năm."
          >
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="degradationConcluded" label="Bị kết luận suy thoái, “tự diễn biến”, “tự chuyển hóa”" valuePropName="checked">
            <Switch checkedChildren="Có" unCheckedChildren="Không" />
          </Form.Item>
        </Col>
        {concluded ? (
          <Col xs={24}>
            <Form.Item name="degradationNote" label="Văn bản và nội dung kết luận">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24}>
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>
        Lưu
      </Button>
    </Form>
  );
}

export function YearFactsDrawer({
  memberId,
  memberName,
  year,
  open,
  onClose,
}: {
  memberId: string | null;
  memberName: string;
  year: number;
  open: boolean;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: memberYearKeys.facts(memberId ?? '', year),
    queryFn: () => fetchYearFacts(memberId!, year),
    enabled: open && memberId !== null,
  });
  return (
    <Drawer title={`Thông tin năm ${year}: ${memberName}`} open={open} onClose={onClose} size={screens.md ? 640 : '100%'} destroyOnHidden>
      {isPending ? (
        <PageSpin />
      ) : error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : data.canWrite ? (
        <FactsForm key={data.facts?.version ?? 0} view={data} onSaved={onClose} />
      ) : data.facts ? (
        <FactsDescriptions facts={data.facts} />
      ) : (
        <Typography.Text type="secondary">Chưa có thông tin trong năm {year}.</Typography.Text>
      )}
    </Drawer>
  );
}
