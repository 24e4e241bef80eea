import { NewMeetingPage } from '@/features/meetings/components/new-meeting-page';

export default function MeetingNewRoute() {
  return <NewMeetingPage />;
}
