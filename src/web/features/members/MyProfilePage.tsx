// "Hồ sơ của tôi": a member's own profile (design §2, member: "R self"), the page most members
// open, on a phone.
import { Result } from 'antd';
import { useMe } from '../../app/session';
import { MemberView } from './MemberPage';

export default function MyProfilePage() {
  const me = useMe();
  if (!me.memberId) {
    return (
      <Result
        status="info"
        title="Tài khoản chưa gắn với đảng viên"
        subTitle="Tài khoản này không gắn với hồ sơ đảng viên nào. Hãy liên hệ quản trị nếu cần."
      />
    );
  }
  return <MemberView id={me.memberId} own />;
}
