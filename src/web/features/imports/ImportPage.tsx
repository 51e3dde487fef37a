// Nhập dữ liệu từ Excel: members (into a unit's subtree) and the org tree itself, so a real
// committee can start from its existing lists (issue 2 item 5).
import { Card, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/feedback';
import { PATHS } from '../../app/menu';
import { fetchUnit, unitKeys } from '../org-units/api';
import { ImportPanel } from './ImportPanel';

export default function ImportPage() {
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const tab = params.get('loai') === 'to-chuc' ? 'org-units' : 'members';
  const unit = useQuery({ queryKey: unitKeys.detail(unitId ?? ''), queryFn: () => fetchUnit(unitId!), enabled: !!unitId });
  if (unitId && unit.isPending) return <PageSpin />;
  const option = unit.data ? { id: unit.data.id, name: unit.data.name } : undefined;
  return (
    <>
      <PageHeader
        title="Nhập dữ liệu từ Excel"
        crumbs={
          option
            ? [{ title: 'Tổ chức đảng', to: PATHS.tree }, { title: option.name, to: PATHS.unit(option.id) }, { title: 'Nhập từ Excel' }]
            : undefined
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            if (k === 'org-units') next.set('loai', 'to-chuc');
            else next.delete('loai');
            setParams(next, { replace: true });
          }}
          items={[
            { key: 'members', label: 'Đảng viên', children: <ImportPanel kind="members" unit={option} /> },
            { key: 'org-units', label: 'Tổ chức đảng', children: <ImportPanel kind="org-units" unit={option} /> },
          ]}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
