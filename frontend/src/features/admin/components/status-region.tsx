// A polite live region that exists before any message arrives, so screen
// readers announce "Brugeren er oprettet" when it appears. `n` makes the same
// text announce again.
export type StatusMessage = { text: string; n: number } | null;

export function StatusRegion({ message }: { message: StatusMessage }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="admin-status">
      {message && (
        <div className="alert alert-success" key={message.n}>
          <div className="alert-body">
            <p className="alert-text">{message.text}</p>
          </div>
        </div>
      )}
    </div>
  );
}

let counter = 0;
export function statusOf(text: string): StatusMessage {
  counter += 1;
  return { text, n: counter };
}
