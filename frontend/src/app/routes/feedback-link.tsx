// /feedback/:token — the page a citizen opens from a feedback link or its QR
// code: public, no login, no staff navigation; the minimal frame with the
// language switch.
import { PublicLayout } from '@/app/public-layout';
import { FeedbackPage } from '@/features/feedback-link/components/feedback-page';

export default function FeedbackLinkRoute() {
  return (
    <PublicLayout>
      <FeedbackPage />
    </PublicLayout>
  );
}
