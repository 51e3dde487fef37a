// Step: a few "tin mới cập nhật" on the city's home page (issue 5 item 5), dated inside the 2017
// review (its plan approved 08/11/2017, the demo's business date 05/12/2017): the city office's
// items reach every account; Nam Hà's reach its own members and the city; Bắc Hà's is not shown in
// Nam Hà (design §2: an item is read below and above its unit, not beside it). City scale only.
import { newId } from '../../adapters/clock.js';
import { insertAnnouncement } from '../announcements/announcement-access.js';
import { rootOf, type DemoState, type DemoStep, type DemoUnit } from './state.js';

interface DemoItem {
  unit: 'city' | 'namha' | 'bacha';
  by: string;
  publishedOn: string;
  title: string;
  body: string;
}

const ITEMS: readonly DemoItem[] = [
  {
    unit: 'city',
    by: 'vanphong',
    publishedOn: '2017-11-08',
    title: 'Ban Thường vụ Thành ủy ban hành Kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2017',
    body:
      'Kế hoạch được xây dựng theo Hướng dẫn số 27-HD/BTCTW và gắn với việc thực hiện Nghị quyết Trung ương 4 khóa XII. ' +
      'Các tổ chức cơ sở đảng xây dựng kế hoạch của đơn vị, tổ chức kiểm điểm xong trước ngày 31/12/2017 và báo cáo kết quả về Ban Tổ chức Thành ủy.',
  },
  {
    unit: 'city',
    by: 'vanphong',
    publishedOn: '2017-11-20',
    title: 'Hội nghị học tập, quán triệt Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII',
    body:
      'Thành ủy tổ chức hội nghị cho cán bộ chủ chốt tại Hội trường Thành ủy. ' +
      'Các đảng bộ, chi bộ cơ sở tổ chức quán triệt đến toàn thể đảng viên trước ngày 15/12/2017.',
  },
  {
    unit: 'namha',
    by: 'capuy.namha',
    publishedOn: '2017-11-24',
    title: 'Đảng ủy phường Nam Hà triển khai nghị quyết Trung ương 6 khóa XII đến các chi bộ',
    body: 'Các chi bộ tổ chức sinh hoạt chuyên đề trong tháng 12; đảng viên hoàn thành bản kiểm điểm cá nhân trước kỳ sinh hoạt.',
  },
  {
    unit: 'bacha',
    by: 'vanphong',
    publishedOn: '2017-11-28',
    title: 'Đảng ủy phường Bắc Hà sơ kết công tác xây dựng Đảng năm 2017',
    body: 'Hội nghị đánh giá việc thực hiện Nghị quyết Trung ương 4 khóa XII ở các chi bộ khối phố và triển khai nhiệm vụ năm 2018.',
  },
  {
    unit: 'city',
    by: 'vanphong',
    publishedOn: '2017-12-01',
    title: 'Thường trực Thành ủy làm việc với các đảng bộ về tiến độ kiểm điểm cuối năm',
    body:
      'Đồng chí Phó Bí thư Thường trực Thành ủy đề nghị các đơn vị có gợi ý kiểm điểm hoàn thiện hồ sơ, ' +
      'gửi Ban Tổ chức Thành ủy thẩm định trước khi tổ chức hội nghị.',
  },
  {
    unit: 'namha',
    by: 'capuy.namha',
    publishedOn: '2017-12-04',
    title: 'Đảng ủy phường Nam Hà dự kiến tổ chức hội nghị kiểm điểm ngày 20/12/2017',
    body: 'Đề nghị các chi bộ gửi biên bản họp chi bộ và đề xuất xếp loại đảng viên về Văn phòng Đảng ủy trước ngày 15/12/2017.',
  },
];

export const seedAnnouncements: DemoStep = {
  name: 'announcements',
  async run(state: DemoState) {
    if (state.scale !== 'city') return;
    state.progress('Đang đăng các tin mới cập nhật mẫu…');
    const units: Record<DemoItem['unit'], DemoUnit | undefined> = {
      city: rootOf(state),
      namha: state.unitsByTag.get('namha'),
      bacha: state.units.find((u) => u.name === 'Đảng bộ phường Bắc Hà'),
    };
    const accounts = await state.tx
      .selectFrom('accounts')
      .select(['id', 'username'])
      .where('username', 'in', ['vanphong', 'capuy.namha'])
      .execute();
    const accountId = new Map(accounts.map((a) => [a.username, a.id]));
    for (const item of ITEMS) {
      const unit = units[item.unit];
      const by = accountId.get(item.by);
      if (!unit || !by) throw new Error(`demo: announcement "${item.title}" has no unit or no account`);
      await insertAnnouncement(
        state.tx,
        {
          id: newId(),
          unit_id: unit.id,
          unit_path: unit.path,
          title: item.title,
          body: item.body,
          published_on: item.publishedOn,
          withdrawn_at: null,
          created_by: by,
          version: 1,
          created_at: state.now,
          updated_at: state.now,
        },
        by,
      );
    }
  },
};
