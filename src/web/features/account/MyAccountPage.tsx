// "Tài khoản của tôi": who I am, my roles, change my password, log out everywhere.
import { Button, Card, Col, Descriptions, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useLogout } from '../../app/AppShell';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { roleLabel } from '../../format';
import { ChangePasswordForm } from './ChangePasswordForm';

export default function MyAccountPage() {
  const me = useMe();
  const logout = useLogout();
  return (
    <>
      <PageHeader title="Tài khoản của tôi" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Thông tin tài khoản">
            <Descriptions
              column={1}
              items={[
                { key: 'u', label: 'Tên đăng nhập', children: me.username },
                { key: 'n', label: 'Tên hiển thị', children: me.displayName },
                {
                  key: 'g',
                  label: 'Vai trò',
                  children: me.grants.length ? (
                    <Space wrap size={[4, 4]}>
                      {me.grants.map((g) => (
                        <Tag key={g.id}>
                          {roleLabel(g.role)} — {g.unitName}
                        </Tag>
                      ))}
                    </Space>
                  ) : (
                    'Chưa được cấp vai trò nào'
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Đổi mật khẩu">
            <ChangePasswordForm onDone={() => undefined} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="Phiên đăng nhập">
            <Typography.Paragraph>
              Nếu bạn đã đăng nhập trên máy khác (máy ở cơ quan, điện thoại) và không còn dùng, hãy đăng xuất khỏi mọi thiết bị.
            </Typography.Paragraph>
            <Popconfirm
              title="Đăng xuất khỏi mọi thiết bị?"
              description="Mọi phiên đăng nhập của tài khoản này, kể cả phiên hiện tại, sẽ kết thúc."
              okText="Đăng xuất"
              cancelText="Hủy"
              onConfirm={() => logout(true)}
            >
              <Button danger>Đăng xuất khỏi mọi thiết bị</Button>
            </Popconfirm>
          </Card>
        </Col>
      </Row>
    </>
  );
}
