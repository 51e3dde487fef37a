// Placeholder until its feature lands (issue 3).
import { Result } from 'antd';

export default function CampaignPage() {
  return <Result status="info" title="Chức năng đang được xây dựng" />;
}
