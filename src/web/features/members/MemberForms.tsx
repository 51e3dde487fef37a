// Creating and editing a member's profile, transferring them to another chi bộ, changing their
// status (issue 2 item 4). Transfers and status changes keep their dates and reasons as history.
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MemberDetail } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { emptyToNull } from '../../components/forms';
import { FormModal } from '../../components/FormModal';
import { UnitPicker, type UnitOption } from '../../components/UnitPicker';
import { GENDERS, GENDER_LABELS, MEMBER_STATUSES, MEMBER_STATUS_LABELS, type OrgKind } from '../../../shared/vocabulary.js';
import { invalidateMembers } from './api';

/** Members live in a chi bộ (design §3, Member): a chi bộ cơ sở or a chi bộ trực thuộc. */
export const CELL_KINDS: OrgKind[] = ['cell', 'grassroots_cell'];

interface ProfileValues {
  unitId?: string;
  familyName: string;
  middleName?: string;
  givenName: string;
  birthDate?: string | null;
  gender?: string | null;
  cardNumber?: string | null;
  admissionDate?: string | null;
  officialDate?: string | null;
  partyPosts?: string | null;
  governmentPosts?: string | null;
  isLeader?: boolean;
  isHead?: boolean;
  isCivilServant?: boolean;
}

const PROFILE_FIELDS = [
  'unitId',
  'familyName',
  'middleName',
  'givenName',
  'birthDate',
  'gender',
  'cardNumber',
  'admissionDate',
  'officialDate',
  'partyPosts',
  'governmentPosts',
  'isLeader',
  'isHead',
  'isCivilServant',
];

function ProfileFields({ withUnit, unitOptions }: { withUnit: boolean; unitOptions?: UnitOption[] }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      {withUnit ? (
        <Form.Item name="unitId" label="Chi bộ sinh hoạt" rules={[{ required: true, message: 'Chọn chi bộ' }]}>
          <UnitPicker kinds={CELL_KINDS} initialOptions={unitOptions} placeholder="Gõ tên chi bộ để tìm" />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} sm={7}>
          <Form.Item name="familyName" label="Họ" rules={[{ required: true, whitespace: true, message: 'Nhập họ' }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="middleName" label="Tên đệm">
            <Input maxLength={80} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={7}>
          <Form.Item name="givenName" label="Tên" rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="birthDate" label="Ngày sinh">
            <DateInput maxDate={today} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="gender" label="Giới tính">
            <Select allowClear options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="cardNumber" label="Số thẻ đảng viên">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} />
        <Col xs={24} sm={12}>
          <Form.Item name="admissionDate" label="Ngày vào Đảng">
            <DateInput maxDate={today} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="officialDate" label="Ngày chính thức">
            <DateInput maxDate={today} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="partyPosts" label="Chức vụ Đảng">
        <Input maxLength={300} placeholder="Ví dụ: Bí thư chi bộ" />
      </Form.Item>
      <Form.Item name="governmentPosts" label="Chức vụ chính quyền, đoàn thể">
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="isLeader" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>Cán bộ lãnh đạo, quản lý</Checkbox>
      </Form.Item>
      <Form.Item name="isHead" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>Người đứng đầu cơ quan, đơn vị</Checkbox>
      </Form.Item>
      <Form.Item name="isCivilServant" valuePropName="checked">
        <Checkbox>Cán bộ, công chức, viên chức</Checkbox>
      </Form.Item>
    </>
  );
}

export function CreateMemberModal({ unit, open, onClose }: { unit?: UnitOption; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<ProfileValues>
      title="Thêm đảng viên"
      open={open}
      onClose={onClose}
      width={680}
      fields={PROFILE_FIELDS}
      successMessage="Đã thêm đảng viên."
      initialValues={{ unitId: unit?.id, isLeader: false, isHead: false, isCivilServant: false }}
      onSubmit={async (v) => {
        const body = emptyToNull(v);
        await api.post('/api/members', { ...body, middleName: v.middleName?.trim() ?? '' });
        await invalidateMembers(qc);
      }}
    >
      <ProfileFields withUnit unitOptions={unit ? [unit] : undefined} />
    </FormModal>
  );
}

export function EditMemberModal({ member, open, onClose }: { member: MemberDetail; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<ProfileValues>
      title={`Sửa hồ sơ ${member.fullName}`}
      open={open}
      onClose={onClose}
      width={680}
      fields={PROFILE_FIELDS}
      successMessage="Đã lưu hồ sơ."
      initialValues={{
        familyName: member.familyName,
        middleName: member.middleName,
        givenName: member.givenName,
        birthDate: member.birthDate,
        gender: member.gender,
        cardNumber: member.cardNumber,
        admissionDate: member.admissionDate,
        officialDate: member.officialDate,
        partyPosts: member.partyPosts,
        governmentPosts: member.governmentPosts,
        isLeader: member.isLeader,
        isHead: member.isHead,
        isCivilServant: member.isCivilServant,
      }}
      onSubmit={async (v) => {
        const body = emptyToNull(v);
        await api.patch(`/api/members/${member.id}`, { ...body, middleName: v.middleName?.trim() ?? '', version: member.version });
        await invalidateMembers(qc);
      }}
    >
      <ProfileFields withUnit={false} />
    </FormModal>
  );
}

export function TransferMemberModal({ member, open, onClose }: { member: MemberDetail; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<{ toUnitId: string; date: string; reason: string }>
      title={`Chuyển sinh hoạt: ${member.fullName}`}
      open={open}
      onClose={onClose}
      fields={['toUnitId', 'date', 'reason']}
      okText="Chuyển sinh hoạt"
      successMessage="Đã chuyển sinh hoạt đảng."
      onSubmit={async (v) => {
        await api.post(`/api/members/${member.id}/transfer`, { ...v, version: member.version });
        await invalidateMembers(qc);
      }}
    >
      <Form.Item label="Chi bộ hiện tại">
        <Input value={member.unitName} disabled />
      </Form.Item>
      <Form.Item name="toUnitId" label="Chuyển đến chi bộ" rules={[{ required: true, message: 'Chọn chi bộ mới' }]}>
        <UnitPicker kinds={CELL_KINDS} excludeIds={[member.unitId]} placeholder="Gõ tên chi bộ để tìm" />
      </Form.Item>
      <Form.Item name="date" label="Ngày chuyển" rules={[{ required: true, message: 'Chọn ngày chuyển' }]}>
        <DateInput />
      </Form.Item>
      <Form.Item
        name="reason"
        label="Lý do, căn cứ (giấy giới thiệu sinh hoạt đảng…)"
        rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function ChangeStatusModal({ member, open, onClose }: { member: MemberDetail; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<{ status: string; date: string; reason: string }>
      title={`Đổi trạng thái: ${member.fullName}`}
      open={open}
      onClose={onClose}
      fields={['status', 'date', 'reason']}
      successMessage="Đã đổi trạng thái đảng viên."
      onSubmit={async (v) => {
        await api.post(`/api/members/${member.id}/status`, { ...v, version: member.version });
        await invalidateMembers(qc);
      }}
    >
      <Form.Item name="status" label="Trạng thái mới" rules={[{ required: true, message: 'Chọn trạng thái' }]}>
        <Select options={MEMBER_STATUSES.filter((s) => s !== member.status).map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="date" label="Từ ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="reason" label="Lý do, căn cứ" rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
