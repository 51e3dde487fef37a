// Placeholder: filled in by issue 5's work on this tab.
export default function ExportsTab({ campaignId }: { campaignId: string }) {
  return <div data-campaign={campaignId} />;
}
