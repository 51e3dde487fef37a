// Paths of the browser app that notices and "việc cần làm" link to. The server cannot import the
// web app, so they are repeated here; a test checks that they equal src/web/app/menu.ts PATHS.
export const APP_LINKS = {
  campaign: (id: string) => `/kiem-diem/${id}`,
  dossier: (campaignId: string, unitId: string) => `/kiem-diem/${campaignId}/don-vi/${unitId}`,
  myReview: '/ban-kiem-diem-cua-toi',
  myCommitment: '/cam-ket-cua-toi',
  notifications: '/thong-bao',
} as const;
