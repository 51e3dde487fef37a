// Quản trị › Tài khoản và quyền (issue 2 item 6): accounts, roles over subtrees (design §2),
// password resets, locking, and member accounts in bulk handed out as an .xlsx.
import {
  CloseOutlined,
  DownloadOutlined,
  KeyOutlined,
  LockOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, downloadFile, withQuery } from '../../api/client';
import type { AccountView, Page } from '../../api/types';
import { useMe } from '../../app/session';
import { QueryError, useNotify } from '../../components/feedback';
import { FormModal } from '../../components/FormModal';
import { MemberPicker } from '../../components/MemberPicker';
import { PageHeader } from '../../components/PageHeader';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDate, roleLabel } from '../../format';
import { ROLES, ROLE_LABELS, type OrgKind, type Role } from '../../../shared/vocabulary.js';
import { generatePassword } from './passwords';

/**
 * The kinds of unit each role is usually granted over (design §2). Only a hint for the picker:
 * the server decides, and explains a refusal in Vietnamese.
 */
const ROLE_UNIT_KINDS: Partial<Record<Role, OrgKind[]>> = {
  standing: ['committee'],
  organizer: ['committee'],
  office: ['committee'],
  unit_committee: ['grassroots_party', 'grassroots_cell', 'sub_party'],
  cell_secretary: ['cell', 'grassroots_cell'],
  member: ['cell', 'grassroots_cell'],
};

const invalidate = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ queryKey: ['accounts'] });

/** A password box with a "generate" button beside it (Space.Compact: antd 6 has no addons). */
function PasswordInput({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input id={id} autoComplete="off" value={value} onChange={(e) => onChange?.(e.target.value)} />
      <Button onClick={() => onChange?.(generatePassword())}>Tạo ngẫu nhiên</Button>
    </Space.Compact>
  );
}

function PasswordField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      extra="Ít nhất 8 ký tự, gồm cả chữ và số."
      rules={[
        { required: true, message: 'Nhập mật khẩu' },
        { min: 8, message: 'Mật khẩu phải có ít nhất 8 ký tự' },
        { pattern: /(?=.*\p{L})(?=.*\d)/u, message: 'Mật khẩu phải gồm cả chữ và số' },
      ]}
    >
      <PasswordInput />
    </Form.Item>
  );
}

function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<{ username: string; displayName: string; password: string; memberId?: string | null; mustChangePassword: boolean }>
      title="Tạo tài khoản"
      open={open}
      onClose={onClose}
      fields={['username', 'displayName', 'password', 'memberId', 'mustChangePassword']}
      okText="Tạo tài khoản"
      successMessage="Đã tạo tài khoản."
      initialValues={{ mustChangePassword: true, password: generatePassword() }}
      onSubmit={async (v) => {
        await api.post('/api/accounts', { ...v, memberId: v.memberId ?? null });
        await invalidate(qc);
      }}
    >
      <Form.Item
        name="username"
        label="Tên đăng nhập"
        rules={[
          { required: true, message: 'Nhập tên đăng nhập' },
          { pattern: /^[a-zA-Z0-9._-]{3,50}$/, message: 'Tên đăng nhập gồm 3–50 chữ không dấu, số, dấu chấm, gạch' },
        ]}
      >
        <Input autoComplete="off" autoCapitalize="none" />
      </Form.Item>
      <Form.Item name="displayName" label="Họ tên người dùng" rules={[{ required: true, whitespace: true, message: 'Nhập họ tên' }]}>
        <Input maxLength={120} />
      </Form.Item>
      <PasswordField name="password" label="Mật khẩu ban đầu" />
      <Form.Item name="memberId" label="Gắn với đảng viên (không bắt buộc)">
        <MemberPicker />
      </Form.Item>
      <Form.Item name="mustChangePassword" valuePropName="checked">
        <Checkbox>Bắt buộc đổi mật khẩu ở lần đăng nhập đầu</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function GrantModal({ account, onClose }: { account: AccountView | null; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<{ role: Role; unitId: string }>
      title={`Cấp quyền cho ${account?.displayName ?? ''}`}
      open={!!account}
      onClose={onClose}
      fields={['role', 'unitId']}
      okText="Cấp quyền"
      successMessage="Đã cấp quyền."
      onSubmit={async (v) => {
        await api.post(`/api/accounts/${account!.id}/grants`, v);
        await invalidate(qc);
      }}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">
            Quyền được cấp trên một tổ chức đảng có hiệu lực với tổ chức đó và mọi tổ chức trực thuộc.
          </Typography.Paragraph>
          <Form.Item name="role" label="Vai trò" rules={[{ required: true, message: 'Chọn vai trò' }]}>
            <Select
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              onChange={() => form.setFieldValue('unitId', undefined)}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
            {() => (
              <Form.Item name="unitId" label="Trên tổ chức đảng" rules={[{ required: true, message: 'Chọn tổ chức đảng' }]}>
                <UnitPicker kinds={ROLE_UNIT_KINDS[form.getFieldValue('role') as Role]} />
              </Form.Item>
            )}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function ResetPasswordModal({ account, onClose }: { account: AccountView | null; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<{ newPassword: string }>
      title={`Đặt lại mật khẩu: ${account?.username ?? ''}`}
      open={!!account}
      onClose={onClose}
      fields={['newPassword']}
      okText="Đặt lại mật khẩu"
      successMessage="Đã đặt lại mật khẩu."
      initialValues={{ newPassword: generatePassword() }}
      onSubmit={async (v) => {
        await api.post(`/api/accounts/${account!.id}/reset-password`, v);
        await invalidate(qc);
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Ghi lại mật khẩu này và trao tận tay người dùng. Các phiên đăng nhập cũ của tài khoản sẽ kết thúc; người dùng phải đổi mật khẩu khi đăng nhập."
      />
      <PasswordField name="newPassword" label="Mật khẩu mới" />
    </FormModal>
  );
}

function BulkMembersModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  return (
    <FormModal<{ unitId: string }>
      title="Tạo tài khoản đảng viên hàng loạt"
      open={open}
      onClose={onClose}
      fields={['unitId']}
      okText="Tạo và tải tệp"
      successMessage="Đã tạo tài khoản; tệp danh sách đã được tải về."
      onSubmit={async (v) => {
        await downloadFile('/api/accounts/bulk-members', 'tai-khoan-dang-vien.xlsx', { method: 'POST', body: v });
        await invalidate(qc);
      }}
    >
      <Typography.Paragraph>
        Mỗi đảng viên đang sinh hoạt trong đơn vị được chọn (kể cả các chi bộ trực thuộc) mà chưa có tài khoản sẽ được tạo một tài khoản với
        mật khẩu dùng một lần; đảng viên phải đổi mật khẩu ở lần đăng nhập đầu.
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="Tệp Excel tải về chứa mật khẩu ban đầu và chỉ tạo được một lần. Hãy giữ kín, in và phát cho từng đảng viên."
      />
      <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
        <UnitPicker />
      </Form.Item>
    </FormModal>
  );
}

export default function AccountsPage() {
  const me = useMe();
  const qc = useQueryClient();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [pageSize, setPageSize] = useState(20);
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [granting, setGranting] = useState<AccountView | null>(null);
  const [resetting, setResetting] = useState<AccountView | null>(null);
  const [modal, modalContext] = Modal.useModal();

  const { data, isFetching, error, refetch } = useQuery({
    queryKey: ['accounts', q, page, pageSize],
    queryFn: () => api.get<Page<AccountView>>(withQuery('/api/accounts', { q: q || undefined, page, pageSize })),
    placeholderData: keepPreviousData,
  });

  async function act(fn: () => Promise<unknown>, done: string) {
    try {
      await fn();
      notify.success(done);
      await invalidate(qc);
    } catch (e) {
      notify.error(e);
    }
  }

  const toggleDisabled = (a: AccountView) => {
    void modal.confirm({
      title: a.disabled ? `Mở khóa tài khoản ${a.username}?` : `Khóa tài khoản ${a.username}?`,
      content: a.disabled ? 'Người dùng có thể đăng nhập lại.' : 'Người dùng không đăng nhập được nữa; các phiên đang mở kết thúc ngay.',
      okText: a.disabled ? 'Mở khóa' : 'Khóa',
      okButtonProps: { danger: !a.disabled },
      cancelText: 'Hủy',
      onOk: () =>
        act(
          () => api.post(`/api/accounts/${a.id}/${a.disabled ? 'enable' : 'disable'}`),
          a.disabled ? 'Đã mở khóa tài khoản.' : 'Đã khóa tài khoản.',
        ),
    });
  };

  return (
    <>
      {modalContext}
      <PageHeader
        title="Tài khoản và quyền"
        actions={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tạo tài khoản
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => setBulk(true)}>
              Tạo tài khoản đảng viên hàng loạt
            </Button>
          </>
        }
      />
      <Card>
        <Input.Search
          allowClear
          enterButton="Tìm"
          aria-label="Tìm tài khoản"
          placeholder="Tên đăng nhập hoặc họ tên"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) setParams({}, { replace: true });
          }}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {}, { replace: true })}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<AccountView>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: 'Không có tài khoản nào' }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => `${t} tài khoản`,
              onChange: (p, s) => {
                setPageSize(s);
                const next = new URLSearchParams(params);
                if (p === 1) next.delete('page');
                else next.set('page', String(p));
                setParams(next, { replace: true });
              },
            }}
            columns={[
              { title: 'Tên đăng nhập', dataIndex: 'username', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
              { title: 'Họ tên', dataIndex: 'displayName' },
              {
                title: 'Vai trò',
                dataIndex: 'grants',
                render: (_: unknown, a) =>
                  a.grants.length === 0 ? (
                    <Typography.Text type="secondary">Chưa có</Typography.Text>
                  ) : (
                    <Space wrap size={[4, 4]} style={{ maxWidth: 420 }}>
                      {a.grants.map((g) => (
                        <Tag key={g.id} style={{ marginInlineEnd: 0 }}>
                          {roleLabel(g.role)} — {g.unitName}{' '}
                          <Popconfirm
                            title="Thu hồi quyền này?"
                            description={`${roleLabel(g.role)} trên ${g.unitName}`}
                            okText="Thu hồi"
                            okButtonProps={{ danger: true }}
                            cancelText="Hủy"
                            onConfirm={() => act(() => api.delete(`/api/accounts/${a.id}/grants/${g.id}`), 'Đã thu hồi quyền.')}
                          >
                            <CloseOutlined aria-label="Thu hồi quyền" style={{ fontSize: 10, cursor: 'pointer' }} />
                          </Popconfirm>
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
              {
                title: 'Trạng thái',
                key: 'state',
                render: (_: unknown, a) => (
                  <Space wrap size={4}>
                    {a.disabled ? <Tag color="red">Đã khóa</Tag> : <Tag color="green">Hoạt động</Tag>}
                    {a.mustChangePassword ? <Tag color="gold">Chờ đổi mật khẩu</Tag> : null}
                  </Space>
                ),
              },
              { title: 'Ngày tạo', dataIndex: 'createdAt', render: (d: string) => formatDate(d), responsive: ['lg'] },
              {
                title: 'Thao tác',
                key: 'actions',
                render: (_: unknown, a) => (
                  <Space size={4}>
                    <Tooltip title="Cấp quyền">
                      <Button size="small" icon={<SafetyCertificateOutlined />} aria-label="Cấp quyền" onClick={() => setGranting(a)} />
                    </Tooltip>
                    {a.id !== me.accountId ? (
                      <Tooltip title="Đặt lại mật khẩu">
                        <Button size="small" icon={<KeyOutlined />} aria-label="Đặt lại mật khẩu" onClick={() => setResetting(a)} />
                      </Tooltip>
                    ) : null}
                    {a.id !== me.accountId ? (
                      <Tooltip title={a.disabled ? 'Mở khóa' : 'Khóa'}>
                        <Button
                          size="small"
                          danger={!a.disabled}
                          icon={a.disabled ? <UnlockOutlined /> : <LockOutlined />}
                          aria-label={a.disabled ? 'Mở khóa' : 'Khóa'}
                          onClick={() => toggleDisabled(a)}
                        />
                      </Tooltip>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
      <BulkMembersModal open={bulk} onClose={() => setBulk(false)} />
      <GrantModal account={granting} onClose={() => setGranting(null)} />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
