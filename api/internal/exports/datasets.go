package exports

import (
	"github.com/borgeren-i-centrum/bic/api/internal/exports/format"
)

// Column builders keep the definitions below one line a column.

func col(name string, t format.Type, expr, desc string) Column {
	return Column{Name: name, Type: t, pg: expr, Description: desc}
}

// dialects gives a column a different SQLite expression.
func dialects(name string, t format.Type, pg, lite, desc string) Column {
	return Column{Name: name, Type: t, pg: pg, lite: lite, Description: desc}
}

func pseudo(name, kind, idExpr, desc string) Column {
	return Column{Name: name, Type: format.String, pg: idExpr, pseudonym: kind, Description: desc}
}

func ident(c Column) Column { c.Identifying = true; return c }

func jsonCount(name, expr, desc string) Column {
	return dialects(name, format.Int, "jsonb_array_length("+expr+")", "json_array_length("+expr+")", desc)
}

const (
	pseudoCaseDesc = "The case's pseudonym: the same in every dataset and every export with this municipality's key, so datasets join on it."
	teamDesc       = "The team that owns the case."
)

func casePseudo() Column { return pseudo("case_pseudonym", "case", "c.id", pseudoCaseDesc) }
func caseID() Column {
	return ident(col("case_id", format.UUID, "c.id", "The case's id in BIC (identifiable exports only)."))
}
func teamID() Column { return col("team_id", format.UUID, "c.team_id", teamDesc) }

// Datasets are the exportable datasets, in the order documents list them.
var Datasets = []Dataset{
	{
		Name:        "cases",
		Description: "One row per case: who the citizen is in broad terms, the legal basis, where the case is in the process and how much of the citizen's own plan is written down.",
		Period:      "opened_at", Updated: "updated_at",
		from:    "cases c JOIN teams t ON t.id = c.team_id",
		teamCol: "c.team_id", caseIDCol: "c.id",
		periodCol: "c.opened_at", updatedCol: "c.updated_at",
		changePG: []string{"c.change_xid"}, changeLite: []string{"c.change_seq"},
		Columns: []Column{
			casePseudo(),
			caseID(),
			ident(col("citizen_name", format.String, "c.citizen_name", "The citizen's name.")),
			ident(Column{Name: "citizen_cpr", Type: format.String, pg: "c.citizen_cpr_enc", sealedCPR: true, Description: "The citizen's CPR number, ten digits."}),
			col("birth_year", format.Int, "c.citizen_birth_year", "The citizen's year of birth (from the CPR number)."),
			col("sex", format.String, "c.citizen_sex", "female or male (from the CPR number)."),
			teamID(),
			col("team_name", format.String, "t.name", "The team's name."),
			col("caseworker_id", format.UUID, "c.caseworker_id", "The responsible caseworker (a staff user id)."),
			col("legal_basis", format.String, "c.legal_basis", "sel_82, sel_85, sel_107 or other."),
			ident(col("legal_basis_note", format.String, "c.legal_basis_note", "Free text on the legal basis.")),
			col("target_group", format.String, "c.target_group", "The target group the case belongs to."),
			col("phase", format.String, "c.phase", "Current phase: sagsaabning, sagsoplysning, sagsvurdering, afgoerelse, bestilling or opfoelgning."),
			col("phase_iteration", format.Int, "c.phase_iteration", "How many times the case has been through the phases (1 the first time)."),
			col("status", format.String, "c.status", "open or closed."),
			col("closure_reason", format.String, "c.closure_reason", "Why the case was closed (empty while open)."),
			ident(col("closure_note", format.String, "c.closure_note", "Free text on the closure.")),
			ident(col("reopen_note", format.String, "c.reopen_note", "Free text on a reopening.")),
			jsonCount("dreams_count", "c.dreams", "How many hopes, wishes and dreams the citizen has put into words."),
			jsonCount("resources_count", "c.resources", "How many of the citizen's resources are written down."),
			jsonCount("network_count", "c.network", "How many people in the citizen's network are written down."),
			jsonCount("expectations_count", "c.expectations", "How many expectations have been aligned."),
			dialects("has_contact_agreement", format.Bool, "c.contact_agreement <> '{}'::jsonb", "c.contact_agreement NOT IN ('{}', '')", "Whether a contact agreement is made."),
			col("follow_up_cadence", format.String, "c.follow_up_cadence", "The agreed follow-up cadence, if any."),
			col("next_follow_up_date", format.Date, "c.next_follow_up_date", "The next follow-up review, if planned."),
			col("opened_at", format.Timestamp, "c.opened_at", "When the case was opened."),
			col("closed_at", format.Timestamp, "c.closed_at", "When the case was closed (empty while open)."),
			col("reopened_at", format.Timestamp, "c.reopened_at", "When the case was last reopened, if ever."),
			col("updated_at", format.Timestamp, "c.updated_at", "When the case was last changed."),
			col("version", format.Int, "c.version", "Counts the case's changes."),
		},
	},
	{
		Name:        "goals",
		Description: "One row per SMART goal or sub-goal.",
		Period:      "created_at", Updated: "updated_at",
		from:    "goals g JOIN cases c ON c.id = g.case_id",
		teamCol: "c.team_id", caseIDCol: "c.id",
		periodCol: "g.created_at", updatedCol: "g.updated_at",
		changePG: []string{"g.change_xid"}, changeLite: []string{"g.change_seq"},
		Columns: []Column{
			pseudo("goal_pseudonym", "goal", "g.id", "The goal's pseudonym."),
			ident(col("goal_id", format.UUID, "g.id", "The goal's id in BIC.")),
			casePseudo(),
			caseID(),
			teamID(),
			pseudo("parent_goal_pseudonym", "goal", "g.parent_id", "The main goal's pseudonym when this is a sub-goal; empty for a main goal."),
			ident(col("title", format.String, "g.title", "The goal in the citizen's words.")),
			ident(col("specific", format.String, "g.specific", "Specific: what exactly.")),
			ident(col("measurable_indicator", format.String, "g.measurable_indicator", "Measurable: the indicator.")),
			ident(col("measurable_target", format.String, "g.measurable_target", "Measurable: the target value.")),
			col("horizon", format.String, "g.horizon", "short or long."),
			col("status", format.String, "g.status", "draft, active, achieved, adjusted or discontinued."),
			col("target_date", format.Date, "g.target_date", "When the goal should be reached."),
			jsonCount("participants_count", "g.participants", "How many are named as taking part."),
			col("next_step_kind", format.String, "g.next_step_kind", "What follows a finished goal, if recorded."),
			dialects("has_gas", format.Bool, "g.gas_levels IS NOT NULL", "g.gas_levels IS NOT NULL", "Whether a Goal Attainment Scale is set."),
			col("gas_attained", format.Int, "g.gas_attained", "The GAS level attained, -2 to 2, if scored."),
			col("created_at", format.Timestamp, "g.created_at", "When the goal was written."),
			col("updated_at", format.Timestamp, "g.updated_at", "When the goal was last changed."),
			col("version", format.Int, "g.version", "Counts the goal's changes."),
		},
	},
	{
		Name:        "goal_progress",
		Description: "One row per progress measurement of a goal, on the 1–10 scale, by the citizen, the caseworker or a provider.",
		Period:      "measured_on", Updated: "recorded_at",
		from:    "goal_progress p JOIN goals g ON g.id = p.goal_id JOIN cases c ON c.id = g.case_id",
		teamCol: "c.team_id", caseIDCol: "c.id",
		periodCol: "p.measured_on", periodDate: true, updatedCol: "p.recorded_at",
		changePG: []string{"p.change_xid"}, changeLite: []string{"p.change_seq"},
		Columns: []Column{
			pseudo("progress_pseudonym", "progress", "p.id", "The measurement's pseudonym."),
			ident(col("progress_id", format.UUID, "p.id", "The measurement's id in BIC.")),
			pseudo("goal_pseudonym", "goal", "p.goal_id", "The goal's pseudonym (joins with goals)."),
			casePseudo(),
			caseID(),
			teamID(),
			col("measured_on", format.Date, "p.measured_on", "The day the measurement is about."),
			col("rater", format.String, "p.rater", "citizen, caseworker or provider."),
			col("value", format.Int, "p.value", "1 (far from the goal) to 10 (the goal is reached)."),
			pseudo("follow_up_pseudonym", "follow_up", "p.follow_up_id", "The follow-up review it was measured at, if any (joins with followups)."),
			ident(col("note", format.String, "p.note", "Free text with the measurement.")),
			col("recorded_at", format.Timestamp, "p.recorded_at", "When it was recorded."),
		},
	},
	{
		Name:        "followups",
		Description: "One row per follow-up review of a case.",
		Period:      "held_on", Updated: "created_at",
		from:    "follow_ups f JOIN cases c ON c.id = f.case_id",
		teamCol: "c.team_id", caseIDCol: "c.id",
		periodCol: "f.held_on", periodDate: true, updatedCol: "f.created_at",
		changePG: []string{"f.change_xid"}, changeLite: []string{"f.change_seq"},
		Columns: []Column{
			pseudo("follow_up_pseudonym", "follow_up", "f.id", "The review's pseudonym."),
			ident(col("follow_up_id", format.UUID, "f.id", "The review's id in BIC.")),
			casePseudo(),
			caseID(),
			teamID(),
			col("held_on", format.Date, "f.held_on", "The day of the review."),
			col("next_follow_up_date", format.Date, "f.next_follow_up_date", "The next review agreed at it."),
			jsonCount("items_count", "f.items", "How many goals were reviewed."),
			ident(col("note", format.String, "f.note", "Free text from the review.")),
			col("created_at", format.Timestamp, "f.created_at", "When it was recorded."),
		},
	},
	{
		Name:        "checklist_items",
		Description: "One row per principle of a checklist: how one of the 8 principles of recovery-oriented rehabilitation was applied in a phase of a case.",
		Period:      "checklist_updated_at", Updated: "checklist_updated_at",
		from:    "checklist_items i JOIN checklists k ON k.id = i.checklist_id JOIN cases c ON c.id = k.case_id",
		teamCol: "c.team_id", caseIDCol: "c.id",
		periodCol: "k.updated_at", updatedCol: "k.updated_at",
		changePG: []string{"i.change_xid", "k.change_xid"}, changeLite: []string{"i.change_seq", "k.change_seq"},
		Columns: []Column{
			pseudo("checklist_pseudonym", "checklist", "k.id", "The checklist's pseudonym: one per case, phase, pass and follow-up round."),
			ident(col("checklist_id", format.UUID, "k.id", "The checklist's id in BIC.")),
			casePseudo(),
			caseID(),
			teamID(),
			col("phase", format.String, "k.phase", "The phase the checklist belongs to."),
			col("iteration", format.Int, "k.iteration", "The pass through the phases (1 the first time)."),
			col("round", format.Int, "k.round", "The follow-up round in opfoelgning (1 elsewhere)."),
			col("principle_version", format.String, "k.principle_version", "The version of the principle set the checklist was made with."),
			col("principle", format.String, "i.principle", "The principle's key."),
			col("applicability", format.String, "i.applicability", "core, optional or other: how central the principle is in the phase."),
			col("status", format.String, "i.status", "open, applied, partly_applied, not_applied or not_relevant_now."),
			ident(col("note", format.String, "i.note", "Free text: why it was not applied or not relevant now.")),
			col("item_updated_at", format.Timestamp, "i.updated_at", "When this answer was last given (empty if never)."),
			col("checklist_updated_at", format.Timestamp, "k.updated_at", "When the checklist was last worked on."),
			col("left_at", format.Timestamp, "k.left_at", "When the case left the phase or round (empty while in it)."),
		},
	},
	{
		Name:        "meetings",
		Description: "One row per meeting with the citizen.",
		Period:      "starts_at", Updated: "updated_at",
		from:    "meetings m JOIN cases c ON c.id = m.case_id",
		teamCol: "c.team_id", caseIDCol: "c.id",
		periodCol: "m.starts_at", updatedCol: "m.updated_at",
		changePG: []string{"m.change_xid"}, changeLite: []string{"m.change_seq"},
		Columns: []Column{
			pseudo("meeting_pseudonym", "meeting", "m.id", "The meeting's pseudonym."),
			ident(col("meeting_id", format.UUID, "m.id", "The meeting's id in BIC.")),
			casePseudo(),
			caseID(),
			teamID(),
			col("starts_at", format.Timestamp, "m.starts_at", "When the meeting starts."),
			col("duration_minutes", format.Int, "m.duration_minutes", "Planned length in minutes, if given."),
			col("form", format.String, "m.form", "office, home, walk_and_talk, video, phone or other."),
			col("status", format.String, "m.status", "planned, held or cancelled."),
			dialects("agenda_sent", format.Bool, "m.agenda_sent", "m.agenda_sent", "Whether the agenda was sent beforehand."),
			jsonCount("participants_count", "m.participants", "How many took part besides the caseworker."),
			jsonCount("agenda_items_count", "m.agenda", "Points on the agenda."),
			dialects("citizen_topics_count", format.Int,
				"(SELECT count(*) FROM jsonb_array_elements(m.agenda) e WHERE e->>'added_by' = 'citizen')",
				"(SELECT count(*) FROM json_each(m.agenda) e WHERE json_extract(e.value, '$.added_by') = 'citizen')",
				"Of those, the citizen's own topics."),
			jsonCount("agreements_count", "m.agreements", "Agreements made."),
			ident(col("place", format.String, "m.place", "Where the meeting is.")),
			ident(col("summary", format.String, "m.summary", "Free-text summary.")),
			col("created_at", format.Timestamp, "m.created_at", "When the meeting was planned."),
			col("updated_at", format.Timestamp, "m.updated_at", "When it was last changed."),
			col("version", format.Int, "m.version", "Counts the meeting's changes."),
		},
	},
	{
		Name:        "fit_scores",
		Description: "One row per FIT score: an ORS (how life is going) or SRS (how the meeting went) with its four items on 0–10 and the total on 0–40.",
		Period:      "recorded_at", Updated: "recorded_at",
		from:    "fit_scores s JOIN cases c ON c.id = s.case_id",
		teamCol: "c.team_id", caseIDCol: "c.id",
		periodCol: "s.recorded_at", updatedCol: "s.recorded_at",
		changePG: []string{"s.change_xid"}, changeLite: []string{"s.change_seq"},
		Columns: []Column{
			pseudo("score_pseudonym", "fit_score", "s.id", "The score's pseudonym; a corrected score keeps it."),
			ident(col("score_id", format.UUID, "s.id", "The score's id in BIC.")),
			pseudo("meeting_pseudonym", "meeting", "s.meeting_id", "The meeting's pseudonym (joins with meetings)."),
			casePseudo(),
			caseID(),
			teamID(),
			col("scale", format.String, "s.scale", "ors or srs."),
			col("rater", format.String, "s.rater", "citizen, or a relative or provider rating on the citizen's behalf."),
			col("entered_by", format.String, "s.entered_by", "citizen_device (the citizen's own phone) or caseworker."),
			dialects("item1", format.Decimal, "round(s.item1 / 10.0, 1)", "s.item1 / 10.0", "First item, 0.0–10.0."),
			dialects("item2", format.Decimal, "round(s.item2 / 10.0, 1)", "s.item2 / 10.0", "Second item, 0.0–10.0."),
			dialects("item3", format.Decimal, "round(s.item3 / 10.0, 1)", "s.item3 / 10.0", "Third item, 0.0–10.0."),
			dialects("item4", format.Decimal, "round(s.item4 / 10.0, 1)", "s.item4 / 10.0", "Fourth item, 0.0–10.0."),
			dialects("total", format.Decimal, "round(s.total / 10.0, 1)", "s.total / 10.0", "Sum of the items, 0.0–40.0."),
			dialects("corrected", format.Bool, "s.version > 1", "s.version > 1", "Whether the score was corrected after it was given."),
			col("recorded_at", format.Timestamp, "s.recorded_at", "When the score was given."),
			col("version", format.Int, "s.version", "Counts corrections."),
		},
	},
	{
		Name:        "audit",
		Description: "The audit trail: one row per read or change of citizen data, login and export. For administrators and for service accounts with the audit:read scope.",
		Period:      "occurred_at", Updated: "occurred_at",
		AdminOnly: true,
		from:      "audit_events a",
		teamCol:   "a.team_id",
		periodCol: "a.occurred_at", updatedCol: "a.occurred_at",
		changePG: []string{"a.change_xid"}, changeLite: []string{"a.rowid"},
		Columns: []Column{
			col("event_id", format.UUID, "a.id", "The event's id."),
			col("occurred_at", format.Timestamp, "a.occurred_at", "When it happened."),
			col("actor_id", format.UUID, "a.actor_id", "The staff user or service account that acted."),
			col("actor_role", format.String, "a.actor_role", "The actor's role then: admin, leader, caseworker, analyst or integration."),
			col("credential_id", format.UUID, "a.credential_id", "The personal token or client credential used, if any."),
			col("action", format.String, "a.action", "What was done, e.g. case.read or export.pull."),
			pseudo("case_pseudonym", "case", "a.case_id", pseudoCaseDesc),
			ident(col("case_id", format.UUID, "a.case_id", "The case's id in BIC.")),
			col("team_id", format.UUID, "a.team_id", "The team concerned, if any."),
			col("outcome", format.String, "a.outcome", "success, denied or failure."),
			col("request_id", format.String, "a.request_id", "The request's id, as in the server's log."),
			ident(col("subject", format.String, "a.subject", "Who was attempted when there was no actor, e.g. the email of a failed login.")),
			ident(col("client_ip", format.String, "a.client_ip", "The caller's address.")),
			col("detail", format.String, "a.detail", "A short, safe description."),
		},
	},
}

// Lookup returns the dataset called name.
func Lookup(name string) (Dataset, bool) {
	for _, d := range Datasets {
		if d.Name == name {
			return d, true
		}
	}
	return Dataset{}, false
}

// Names lists the datasets' names.
func Names() []string {
	out := make([]string, len(Datasets))
	for i, d := range Datasets {
		out[i] = d.Name
	}
	return out
}

// Visible is the columns an export shows.
func (d Dataset) Visible(identifiable bool) []Column {
	out := make([]Column, 0, len(d.Columns))
	for _, c := range d.Columns {
		if !c.Identifying || identifiable {
			out = append(out, c)
		}
	}
	return out
}
