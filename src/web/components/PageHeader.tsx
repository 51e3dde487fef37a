// The top of a page: breadcrumb, title, tags and the actions the caller may take.
import { Breadcrumb, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface Crumb {
  title: string;
  /** Absent: shown as plain text (the caller may not open it, or it is the current page). */
  to?: string;
}

export function PageHeader({
  title,
  crumbs,
  tags,
  actions,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  tags?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div style={{ marginBottom: 16 }}>
      {crumbs && crumbs.length > 0 ? (
        <Breadcrumb style={{ marginBottom: 8 }} items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))} />
      ) : null}
      <Flex wrap gap={12} justify="space-between" align="center">
        <Space wrap size={8} align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {tags}
        </Space>
        {actions ? (
          <Space wrap size={8}>
            {actions}
          </Space>
        ) : null}
      </Flex>
    </div>
  );
}
