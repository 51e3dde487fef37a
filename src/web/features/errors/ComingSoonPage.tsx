// The review modules arrive with later issues (design §4, the browser app's map).
import { Result } from 'antd';
import { useParams } from 'react-router-dom';
import { COMING_SOON } from '../../app/menu';
import NotFoundPage from './NotFoundPage';

const WHAT: Record<string, string> = {
  'kiem-diem': 'Kế hoạch, phân công, gợi ý kiểm điểm, hồ sơ và thẩm định, bản kiểm điểm tập thể và cá nhân.',
  'hoi-nghi': 'Lịch hội nghị kiểm điểm, biên bản, ý kiến góp ý và kết quả biểu quyết.',
  'xep-loai': 'Đề xuất, quyết định và công bố kết quả xếp loại chất lượng.',
  'khac-phuc': 'Kế hoạch khắc phục hạn chế, khuyết điểm và theo dõi qua các năm.',
  'bao-cao': 'Báo cáo, thống kê và văn bản của đợt kiểm điểm.',
};

export default function ComingSoonPage() {
  const { module = '' } = useParams();
  const m = COMING_SOON.find((x) => x.key === module);
  if (!m) return <NotFoundPage />;
  return <Result status="info" title={`${m.label}: sắp có`} subTitle={`Chức năng này đang được xây dựng. ${WHAT[m.key] ?? ''}`} />;
}
