// Creating, editing, moving and merging org units (issue 2 item 3). Every change is sent with
// the version the user saw (optimistic locking, design §3); the server writes the history.
import { Alert, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { OrgUnitDetail } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { emptyToNull } from '../../components/forms';
import { FormModal } from '../../components/FormModal';
import { UnitPicker } from '../../components/UnitPicker';
import { ORG_KINDS, ORG_KIND_LABELS, SECTORS, SECTOR_LABELS, type OrgKind } from '../../../shared/vocabulary.js';
import { invalidateTree } from './api';

const kindOptions = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));
const sectorOptions = SECTORS.map((s) => ({ value: s, label: SECTOR_LABELS[s] }));

/** The kinds that usually sit under a parent kind (Điều lệ Đảng, ch. III; design §3 OrgUnit). */
export function childKindsOf(parent: OrgKind): OrgKind[] {
  switch (parent) {
    case 'committee':
      return ['committee', 'grassroots_party', 'grassroots_cell'];
    case 'grassroots_party':
      // Chi bộ trực thuộc are by far the most common children of a đảng bộ cơ sở: offered first.
      return ['cell', 'sub_party'];
    case 'sub_party':
      return ['cell'];
    default:
      return [];
  }
}

interface UnitValues {
  kind?: OrgKind;
  code: string;
  name: string;
  sector?: string | null;
  validFrom?: string | null;
  note?: string | null;
}

function UnitFields({ withKind, kinds }: { withKind: boolean; kinds: OrgKind[] }) {
  return (
    <>
      {withKind ? (
        <Form.Item name="kind" label="Loại tổ chức" rules={[{ required: true, message: 'Chọn loại tổ chức' }]}>
          <Select options={kindOptions.filter((o) => kinds.length === 0 || kinds.includes(o.value))} />
        </Form.Item>
      ) : null}
      <Form.Item name="name" label="Tên tổ chức đảng" rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="code"
        label="Mã"
        extra="Chữ không dấu, số, dấu chấm, gạch; duy nhất trong toàn đảng bộ."
        rules={[
          { required: true, whitespace: true, message: 'Nhập mã' },
          { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, message: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 40 ký tự)' },
        ]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="sector" label="Loại hình (lĩnh vực)">
        <Select allowClear options={sectorOptions} placeholder="Chọn loại hình" />
      </Form.Item>
      <Form.Item name="validFrom" label="Ngày thành lập">
        <DateInput />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}

const UNIT_FIELDS = ['kind', 'name', 'code', 'sector', 'validFrom', 'note'];

export function CreateChildModal({ parent, open, onClose }: { parent: OrgUnitDetail; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const kinds = childKindsOf(parent.kind);
  return (
    <FormModal<UnitValues>
      title={`Thêm đơn vị trực thuộc ${parent.name}`}
      open={open}
      onClose={onClose}
      fields={UNIT_FIELDS}
      successMessage="Đã thêm tổ chức đảng."
      initialValues={{ kind: kinds[0], sector: parent.sector }}
      onSubmit={async (v) => {
        await api.post('/api/org-units', { ...emptyToNull(v), parentId: parent.id });
        await invalidateTree(qc);
      }}
    >
      <UnitFields withKind kinds={kinds} />
    </FormModal>
  );
}

export function EditUnitModal({ unit, open, onClose }: { unit: OrgUnitDetail; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<UnitValues>
      title={`Sửa thông tin ${unit.name}`}
      open={open}
      onClose={onClose}
      fields={UNIT_FIELDS}
      successMessage="Đã lưu thay đổi."
      initialValues={{ name: unit.name, code: unit.code, sector: unit.sector, validFrom: unit.validFrom, note: unit.note }}
      onSubmit={async (v) => {
        await api.patch(`/api/org-units/${unit.id}`, { ...emptyToNull(v), version: unit.version });
        await invalidateTree(qc);
      }}
    >
      <UnitFields withKind={false} kinds={[]} />
    </FormModal>
  );
}

export function MoveUnitModal({ unit, open, onClose }: { unit: OrgUnitDetail; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const parent = unit.ancestors[unit.ancestors.length - 1];
  return (
    <FormModal<{ newParentId: string; reason: string }>
      title={`Chuyển ${unit.name} sang cấp trên khác`}
      open={open}
      onClose={onClose}
      fields={['newParentId', 'reason']}
      okText="Chuyển"
      successMessage="Đã chuyển tổ chức đảng."
      onSubmit={async (v) => {
        await api.post(`/api/org-units/${unit.id}/move`, { ...v, version: unit.version });
        await invalidateTree(qc);
      }}
    >
      {parent ? <Alert type="info" showIcon title={`Cấp trên hiện tại: ${parent.name}`} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="newParentId" label="Cấp trên mới" rules={[{ required: true, message: 'Chọn cấp trên mới' }]}>
        <UnitPicker excludeIds={[unit.id, ...(parent ? [parent.id] : [])]} kinds={['committee', 'grassroots_party', 'sub_party']} />
      </Form.Item>
      <Form.Item name="reason" label="Lý do, căn cứ (số quyết định…)" rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function MergeUnitsModal({ unit, open, onClose }: { unit: OrgUnitDetail; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<{ sourceIds: string[]; date: string; reason: string }>
      title={`Hợp nhất vào ${unit.name}`}
      open={open}
      onClose={onClose}
      fields={['sourceIds', 'date', 'reason']}
      okText="Hợp nhất"
      danger
      successMessage="Đã hợp nhất các tổ chức đảng."
      onSubmit={async (v) => {
        await api.post(`/api/org-units/${unit.id}/merge`, v);
        await invalidateTree(qc);
      }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`Các tổ chức được chọn sẽ kết thúc hoạt động từ ngày hợp nhất; đảng viên của chúng chuyển về ${unit.name}. Lịch sử và kết quả các năm trước vẫn được giữ và tìm thấy qua đơn vị kế thừa.`}
      />
      <Form.Item
        name="sourceIds"
        label="Các tổ chức đảng hợp nhất vào đơn vị này"
        rules={[{ required: true, message: 'Chọn ít nhất một tổ chức' }]}
      >
        {/* Only units of the same kind merge (the server refuses others, org_unit.invalid_merge). */}
        <UnitPicker multiple excludeIds={[unit.id]} kinds={[unit.kind]} />
      </Form.Item>
      <Form.Item name="date" label="Ngày hợp nhất" rules={[{ required: true, message: 'Chọn ngày hợp nhất' }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="reason" label="Lý do, căn cứ (số quyết định…)" rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
