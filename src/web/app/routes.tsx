// The app's routes. Every page is its own chunk (React.lazy), so a member on a phone downloads
// the shell and their profile, not the admin screens.
import { lazy, Suspense, type ReactNode } from 'react';
import { Result } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin } from '../components/feedback';
import { RequireAuth, useAuthProblemRedirects, useMe } from './session';
import type { Me } from '../api/types';
import { AppShell } from './AppShell';

const LoginPage = lazy(() => import('../features/login/LoginPage'));
const ForcedPasswordPage = lazy(() => import('../features/account/ForcedPasswordPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const OrgTreePage = lazy(() => import('../features/org-units/OrgTreePage'));
const UnitPage = lazy(() => import('../features/org-units/UnitPage'));
const MembersPage = lazy(() => import('../features/members/MembersPage'));
const MemberPage = lazy(() => import('../features/members/MemberPage'));
const MyProfilePage = lazy(() => import('../features/members/MyProfilePage'));
const ImportPage = lazy(() => import('../features/imports/ImportPage'));
const AccountsPage = lazy(() => import('../features/admin/AccountsPage'));
const AuditPage = lazy(() => import('../features/admin/AuditPage'));
const MyAccountPage = lazy(() => import('../features/account/MyAccountPage'));
const RuleSetsPage = lazy(() => import('../features/rule-sets/RuleSetsPage'));
const RuleSetPage = lazy(() => import('../features/rule-sets/RuleSetPage'));
const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage'));
const CampaignPage = lazy(() => import('../features/campaigns/CampaignPage'));
const DossierPage = lazy(() => import('../features/dossiers/DossierPage'));
const ReviewPage = lazy(() => import('../features/reviews/ReviewPage'));
const MyReviewPage = lazy(() => import('../features/reviews/MyReviewPage'));
const MyCommitmentPage = lazy(() => import('../features/member-year/MyCommitmentPage'));
const YearFactsPage = lazy(() => import('../features/member-year/YearFactsPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const ConferencesHomePage = lazy(() => import('../features/conferences/ConferencesHomePage'));
const ConferencesPage = lazy(() => import('../features/conferences/ConferencesPage'));
const ConferencePage = lazy(() => import('../features/conferences/ConferencePage'));
const ConferenceModePage = lazy(() => import('../features/conferences/ConferenceModePage'));
const RemediationTrackingPage = lazy(() => import('../features/remediation/RemediationTrackingPage'));
const RemediationPlanPage = lazy(() => import('../features/remediation/RemediationPlanPage'));
const MyRemediationPage = lazy(() => import('../features/remediation/MyRemediationPage'));
const ShortcomingHistoryPage = lazy(() => import('../features/remediation/ShortcomingHistoryPage'));
const ReportsHomePage = lazy(() => import('../features/reports/ReportsHomePage'));
const ReportsCampaignPage = lazy(() => import('../features/reports/ReportsCampaignPage'));
const DocumentSettingsPage = lazy(() => import('../features/reports/DocumentSettingsPage'));
const AnnouncementsPage = lazy(() => import('../features/announcements/AnnouncementsPage'));
const ClassificationHomePage = lazy(() => import('../features/classification/ClassificationHomePage'));
const ClassificationCampaignPage = lazy(() => import('../features/classification/ClassificationCampaignPage'));
const BoardPage = lazy(() => import('../features/classification/BoardPage'));
const ComplaintsPage = lazy(() => import('../features/classification/ComplaintsPage'));
const CommendationsPage = lazy(() => import('../features/classification/CommendationsPage'));
const MyResultPage = lazy(() => import('../features/classification/MyResultPage'));
const ComingSoonPage = lazy(() => import('../features/errors/ComingSoonPage'));
const NotFoundPage = lazy(() => import('../features/errors/NotFoundPage'));

/** A page the menu does not offer to this user, opened by its address: refused before any request. */
function Allowed({ when, children }: { when: (me: Me) => boolean; children: ReactNode }) {
  const me = useMe();
  if (when(me)) return <>{children}</>;
  return <Result status="403" title="Không có quyền truy cập" subTitle="Tài khoản của bạn không được dùng chức năng này." />;
}

const office = (me: Me) => me.abilities.readOrgTree;
const staff = (me: Me) => me.abilities.readCampaigns;
const member = (me: Me) => me.memberId !== null;

export function AppRoutes() {
  useAuthProblemRedirects();
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/dang-nhap" element={<LoginPage />} />
        <Route
          path="/doi-mat-khau"
          element={
            <RequireAuth passwordChangePage>
              <ForcedPasswordPage />
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <AppShell />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route
            path="to-chuc"
            element={
              <Allowed when={office}>
                <OrgTreePage />
              </Allowed>
            }
          />
          <Route
            path="to-chuc/:id"
            element={
              <Allowed when={office}>
                <UnitPage />
              </Allowed>
            }
          />
          <Route
            path="dang-vien"
            element={
              <Allowed when={office}>
                <MembersPage />
              </Allowed>
            }
          />
          <Route path="dang-vien/:id" element={<MemberPage />} />
          <Route path="ho-so-cua-toi" element={<MyProfilePage />} />
          <Route
            path="nhap-excel"
            element={
              <Allowed when={office}>
                <ImportPage />
              </Allowed>
            }
          />
          <Route
            path="quan-tri/tai-khoan"
            element={
              <Allowed when={(me) => me.abilities.manageAccounts}>
                <AccountsPage />
              </Allowed>
            }
          />
          <Route
            path="quan-tri/nhat-ky"
            element={
              <Allowed when={(me) => me.abilities.readAudit}>
                <AuditPage />
              </Allowed>
            }
          />
          <Route path="tai-khoan" element={<MyAccountPage />} />
          <Route
            path="kiem-diem"
            element={
              <Allowed when={staff}>
                <CampaignsPage />
              </Allowed>
            }
          />
          <Route
            path="kiem-diem/:campaignId"
            element={
              <Allowed when={staff}>
                <CampaignPage />
              </Allowed>
            }
          />
          <Route
            path="kiem-diem/:campaignId/don-vi/:unitId"
            element={
              <Allowed when={staff}>
                <DossierPage />
              </Allowed>
            }
          />
          {/* A member opens their own review here too: the server decides who may read it. */}
          <Route path="kiem-diem/:campaignId/ban-kiem-diem/:subjectKind/:subjectKey" element={<ReviewPage />} />
          <Route
            path="ban-kiem-diem-cua-toi"
            element={
              <Allowed when={member}>
                <MyReviewPage />
              </Allowed>
            }
          />
          <Route
            path="cam-ket-cua-toi"
            element={
              <Allowed when={member}>
                <MyCommitmentPage />
              </Allowed>
            }
          />
          <Route
            path="thong-tin-trong-nam"
            element={
              <Allowed when={staff}>
                <YearFactsPage />
              </Allowed>
            }
          />
          <Route
            path="quan-tri/bo-quy-dinh"
            element={
              <Allowed when={staff}>
                <RuleSetsPage />
              </Allowed>
            }
          />
          <Route
            path="quan-tri/bo-quy-dinh/:id"
            element={
              <Allowed when={staff}>
                <RuleSetPage />
              </Allowed>
            }
          />
          <Route path="thong-bao" element={<NotificationsPage />} />
          {/* Every logged-in user reads announcements (design §2); the server decides who may post. */}
          <Route path="tin-moi" element={<AnnouncementsPage />} />
          {/* A member reads their own chi bộ's minutes here too: the server decides who may read what. */}
          <Route
            path="hoi-nghi"
            element={
              <Allowed when={staff}>
                <ConferencesHomePage />
              </Allowed>
            }
          />
          <Route path="kiem-diem/:campaignId/hoi-nghi" element={<ConferencesPage />} />
          <Route path="hoi-nghi/:conferenceId" element={<ConferencePage />} />
          <Route path="hoi-nghi/:conferenceId/dang-hop" element={<ConferenceModePage />} />
          <Route
            path="khac-phuc"
            element={
              <Allowed when={staff}>
                <RemediationTrackingPage />
              </Allowed>
            }
          />
          <Route
            path="khac-phuc/:campaignId"
            element={
              <Allowed when={staff}>
                <RemediationTrackingPage />
              </Allowed>
            }
          />
          {/* A member opens their own plan and a shortcoming's history too: the server decides who may read them. */}
          <Route path="khac-phuc/:campaignId/:subjectKind/:subjectKey" element={<RemediationPlanPage />} />
          <Route
            path="khac-phuc-cua-toi"
            element={
              <Allowed when={member}>
                <MyRemediationPage />
              </Allowed>
            }
          />
          <Route path="han-che/:id" element={<ShortcomingHistoryPage />} />
          <Route
            path="bao-cao"
            element={
              <Allowed when={staff}>
                <ReportsHomePage />
              </Allowed>
            }
          />
          <Route
            path="quan-tri/the-thuc-van-ban"
            element={
              <Allowed when={staff}>
                <DocumentSettingsPage />
              </Allowed>
            }
          />
          <Route
            path="bao-cao/:campaignId"
            element={
              <Allowed when={staff}>
                <ReportsCampaignPage />
              </Allowed>
            }
          />
          <Route
            path="xep-loai"
            element={
              <Allowed when={staff}>
                <ClassificationHomePage />
              </Allowed>
            }
          />
          <Route
            path="xep-loai/:campaignId"
            element={
              <Allowed when={staff}>
                <ClassificationCampaignPage />
              </Allowed>
            }
          />
          <Route
            path="xep-loai/:campaignId/don-vi/:unitId"
            element={
              <Allowed when={staff}>
                <BoardPage />
              </Allowed>
            }
          />
          {/* A member who filed a complaint follows it here too: the server lists only what the caller may see. */}
          <Route path="xep-loai/:campaignId/kien-nghi" element={<ComplaintsPage />} />
          <Route
            path="xep-loai/:campaignId/khen-thuong"
            element={
              <Allowed when={staff}>
                <CommendationsPage />
              </Allowed>
            }
          />
          <Route
            path="ket-qua-xep-loai-cua-toi"
            element={
              <Allowed when={member}>
                <MyResultPage />
              </Allowed>
            }
          />
          <Route path="sap-co/:module" element={<ComingSoonPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
