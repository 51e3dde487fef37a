// The app shell: the committee's name in the header, the sidebar of modules (design §4) and the
// page. From tablet-portrait width down, the sidebar becomes a drawer so a 360 px phone works.
import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileExcelOutlined,
  HistoryOutlined,
  HomeOutlined,
  IdcardOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Drawer, Dropdown, Grid, Layout, Menu, Tag, type MenuProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, setCsrfToken } from '../api/client';
import { PageSpin, useNotify } from '../components/feedback';
import { formatDate } from '../format';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { ErrorBoundary } from './ErrorBoundary';
import { buildMenu, PATHS, selectedMenuKey, type MenuEntry, type MenuIcon } from './menu';
import { ME_KEY, useMe } from './session';

const ICONS: Record<MenuIcon, ReactNode> = {
  home: <HomeOutlined />,
  tree: <ApartmentOutlined />,
  members: <TeamOutlined />,
  profile: <IdcardOutlined />,
  review: <SolutionOutlined />,
  conference: <CalendarOutlined />,
  classification: <TrophyOutlined />,
  remediation: <ToolOutlined />,
  report: <BarChartOutlined />,
  admin: <SettingOutlined />,
  accounts: <SafetyCertificateOutlined />,
  audit: <HistoryOutlined />,
  import: <FileExcelOutlined />,
};

type MenuItems = NonNullable<MenuProps['items']>;

function toItems(entries: MenuEntry[]): MenuItems {
  return entries.map((e) =>
    e.children
      ? { key: e.key, icon: ICONS[e.icon], label: e.label, children: toItems(e.children) }
      : {
          key: e.key,
          icon: ICONS[e.icon],
          label: (
            <Link to={e.path!}>
              {e.label}
              {e.comingSoon ? (
                <Tag style={{ marginInlineStart: 8 }} variant="filled">
                  sắp có
                </Tag>
              ) : null}
            </Link>
          ),
        },
  );
}

export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  return async (everywhere = false) => {
    try {
      await api.post('/api/auth/logout', { everywhere });
    } catch (e) {
      notify.error(e);
      return;
    }
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(ME_KEY, null);
    navigate(PATHS.login, { replace: true });
  };
}

export function AppShell() {
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const desktop = !!screens.lg;
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const logout = useLogout();
  const entries = useMemo(() => buildMenu(me), [me]);
  const items = useMemo(() => toItems(entries), [entries]);
  const selected = selectedMenuKey(entries, location.pathname);

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={['admin']}
      style={{ borderInlineEnd: 0 }}
    />
  );

  const userMenu: MenuProps = {
    items: [
      { key: 'me', icon: <UserOutlined />, label: <Link to={PATHS.myAccount}>Tài khoản của tôi</Link> },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', onClick: () => void logout() },
    ],
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="ts-header">
        {!desktop ? <Button type="text" aria-label="Mở danh mục" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} /> : null}
        <Link to={PATHS.home} className="ts-brand">
          Tự soi
        </Link>
        <span className="ts-committee" data-testid="committee-name" title={me.committee?.name}>
          {me.committee?.name ?? ''}
        </span>
        <NotificationBell />
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <Button type="text" icon={<UserOutlined />} aria-label={screens.sm ? undefined : 'Tài khoản'}>
            {screens.sm ? me.displayName : null}
          </Button>
        </Dropdown>
      </Layout.Header>
      {!me.businessDateIsReal ? (
        <Alert banner type="warning" title={`Ngày làm việc của hệ thống đang đặt là ${formatDate(me.businessDate)} (dữ liệu minh họa)`} />
      ) : null}
      <Layout>
        {desktop ? (
          <Layout.Sider width={240} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            <nav aria-label="Danh mục chức năng">{menu}</nav>
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={280}
            title={me.committee?.name ?? 'Tự soi'}
            styles={{ body: { padding: 0 } }}
          >
            <nav aria-label="Danh mục chức năng">{menu}</nav>
          </Drawer>
        )}
        <Layout.Content>
          <div className="ts-content">
            <ErrorBoundary key={location.pathname}>
              <Suspense fallback={<PageSpin />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
