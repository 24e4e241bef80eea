import { MeetingPage } from '@/features/meetings/components/meeting-page';

export default function MeetingDetailRoute() {
  return <MeetingPage />;
}
