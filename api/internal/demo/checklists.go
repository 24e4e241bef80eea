package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/checklists"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
)

// practice is how often a principle is applied in the demo municipality:
// strong on openness, weaker on network and methods, so that the leader's
// heatmap shows where the team could use support.
var practice = map[string]float64{
	"P1_HOPES": 0.72, "P2_RESOURCES": 0.66, "P3_NETWORK": 0.38, "P4_OPENNESS": 0.84,
	"P5_EARLY": 0.58, "P6_COORDINATED": 0.52, "P7_FOLLOW_UP": 0.7, "P8_KNOWLEDGE": 0.44,
}

var (
	appliedNotes = []string{
		"Talt om det på mødet, og borgeren var med til at formulere det.",
		"Aftalt sammen med borgeren og skrevet ind i planen.",
		"Borgeren tog selv emnet op; vi byggede videre på det.",
	}
	partlyNotes = []string{
		"Påbegyndt; vi tager det op igen på næste møde.",
		"Kun kort berørt, fordi tiden gik med andet.",
	}
	notAppliedNotes = []string{
		"Nåede det ikke på mødet; aftalt at tage det op næste gang.",
		"Borgeren ønskede ikke at tale om det endnu.",
		"Mangler oplysninger fra samarbejdspartner.",
	}
	notRelevantNotes = []string{
		"Borgeren er i en akut situation; vi vender tilbage til det.",
		"Ikke aktuelt i denne fase efter aftale med borgeren.",
	}
)

// fillChecklist answers the current checklist of a case the way a busy
// caseworker would: every relevant principle when share is 1, otherwise
// about that share of them.
func fillChecklist(ctx context.Context, a *app.App, act actor.Actor, caseID uuid.UUID, r *rand.Rand, share float64) error {
	list, err := a.Checklists.List(ctx, act, caseID)
	if err != nil {
		return fmt.Errorf("checklists: %w", err)
	}
	var cur *checklists.Checklist
	for i := range list {
		if list[i].Current {
			cur = &list[i]
		}
	}
	if cur == nil {
		return nil
	}
	var answers []checklists.ItemChange
	for _, it := range cur.Items {
		if !it.Applicability.Relevant() || r.Float64() >= share {
			continue
		}
		p, x := practice[it.Principle.Code], r.Float64()
		var st checklists.ItemStatus
		var note string
		switch {
		case x < p:
			st = checklists.Applied
			if r.IntN(3) == 0 {
				note = appliedNotes[r.IntN(len(appliedNotes))]
			}
		case x < p+(1-p)*0.5:
			st, note = checklists.PartlyApplied, partlyNotes[r.IntN(len(partlyNotes))]
		case x < p+(1-p)*0.85:
			st, note = checklists.NotApplied, notAppliedNotes[r.IntN(len(notAppliedNotes))]
		default:
			st, note = checklists.NotRelevantNow, notRelevantNotes[r.IntN(len(notRelevantNotes))]
		}
		answers = append(answers, checklists.ItemChange{Principle: it.Principle.Code, Status: string(st), Note: note})
	}
	if len(answers) == 0 {
		return nil
	}
	if _, err := a.Checklists.Answer(ctx, act, caseID, cur.ID, cur.Version, answers); err != nil {
		return fmt.Errorf("answer checklist: %w", err)
	}
	return nil
}
