// Placeholder: replaced by the feature's screen.
export default function Placeholder() {
  return <h1 tabIndex={-1}>admin-users</h1>;
}
