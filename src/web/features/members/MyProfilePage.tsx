// "Hồ sơ của tôi": a member's own profile (design §2, member: "R self"), the page most members
// open, on a phone.
import { useMe } from '../../app/session';
import { NotLinkedToMember } from '../../components/feedback';
import { MemberView } from './MemberPage';

export default function MyProfilePage() {
  const me = useMe();
  if (!me.memberId) return <NotLinkedToMember />;
  return <MemberView id={me.memberId} own />;
}
