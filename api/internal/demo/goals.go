package demo

import (
	"context"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/goals"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
)

// goalTemplate is one synthetic SMART goal, written in plain Danish.
type goalTemplate struct {
	specific, indicator, target, steps, resources, relevant string
	months                                                  int
	sub                                                     string // a sub-goal title, if any
}

var goalTemplates = []goalTemplate{
	{"Jeg kan gøre det selv uden at ringe efter hjælp først.", "Hvor mange gange om ugen jeg gør det selv", "To gange om ugen",
		"Første gang øver vi sammen. Bagefter gør jeg det med bostøtten i nærheden.", "Jeg er nysgerrig og har god kontakt til min søster.",
		"Det giver mig mere frihed i hverdagen.", 6, "Øve turen sammen med bostøtten"},
	{"Jeg er med i et fællesskab, hvor jeg kender nogen.", "Hvor ofte jeg deltager", "Hver uge i en måned",
		"Vi finder et tilbud sammen, og jeg prøver at komme én gang.", "Jeg er god til at lytte, og jeg kan lide at hjælpe andre.",
		"Jeg vil ikke være så meget alene.", 4, ""},
	{"Min dag har en fast rytme, så jeg kan nå det, jeg gerne vil.", "Hvor mange dage om ugen jeg står op før kl. 9", "Fem dage om ugen",
		"Vi laver en ugeplan på tavlen, og jeg får en sms om morgenen de første uger.", "Jeg er vedholdende, når jeg har besluttet mig.",
		"Så har jeg overskud til at se mine venner.", 5, "Lave en ugeplan på tavlen"},
}

// seedGoals turns the case's first dream into an active SMART goal, once
// the case has reached its assessment, with progress for cases in
// follow-up, so that Min plan and the board have something to show.
func seedGoals(ctx context.Context, a *app.App, act actor.Actor, v cases.Viewed) error {
	phase := 0
	for i, p := range cases.Phases {
		if p == v.Phase {
			phase = i
		}
	}
	if phase < 2 || len(v.Dreams) == 0 {
		return nil
	}
	tpl := goalTemplates[int(v.ID[0])%len(goalTemplates)]
	today := a.Goals.Today()
	str := func(s string) *string { return &s }
	target := today.AddDate(0, tpl.months, 0).Format(time.DateOnly)
	dream := v.Dreams[0].ID
	parts := []goals.Participant{{Kind: "citizen"}, {Kind: "caseworker", Name: v.CaseworkerName, Task: "Følger op og hjælper med at finde tilbud"}}
	g, err := a.Goals.Create(ctx, act, v.ID, goals.Fields{DreamID: &dream, Title: str(v.Dreams[0].Text), Specific: str(tpl.specific),
		MeasurableIndicator: str(tpl.indicator), MeasurableTarget: str(tpl.target), AchievableSteps: str(tpl.steps),
		AchievableResources: str(tpl.resources), Relevant: str(tpl.relevant), TargetDate: &target, Participants: &parts})
	if err != nil {
		return err
	}
	if g, err = a.Goals.ChangeStatus(ctx, act, g.ID, g.Version, goals.StatusChangeInput{To: goals.Active,
		Reason: "Aftalt med borgeren på mødet"}); err != nil {
		return err
	}
	if tpl.sub != "" {
		subTarget := today.AddDate(0, 2, 0).Format(time.DateOnly)
		sub, err := a.Goals.Create(ctx, act, v.ID, goals.Fields{ParentID: &g.ID, Title: str(tpl.sub),
			Specific: str("Vi har gjort det sammen mindst to gange."), MeasurableIndicator: str("Antal gange"),
			MeasurableTarget: str("To gange"), AchievableSteps: str("Vi aftaler en dag på næste møde."),
			AchievableResources: str(tpl.resources), Relevant: str(tpl.relevant), TargetDate: &subTarget})
		if err != nil {
			return err
		}
		if _, err = a.Goals.ChangeStatus(ctx, act, sub.ID, sub.Version, goals.StatusChangeInput{To: goals.Active,
			Reason: "Første skridt mod målet"}); err != nil {
			return err
		}
	}
	if v.Phase != cases.PhaseFollowUp {
		return nil
	}
	for _, m := range []struct {
		daysAgo, citizen, caseworker int
	}{{70, 3, 4}, {35, 4, 4}, {7, 6, 5}} {
		on := today.AddDate(0, 0, -m.daysAgo).Format(time.DateOnly)
		for rater, val := range map[string]int{"citizen": m.citizen, "caseworker": m.caseworker} {
			if _, err := a.Goals.AddProgress(ctx, act, g.ID, goals.ProgressInput{MeasuredOn: on, Rater: rater, Value: val}); err != nil {
				return err
			}
		}
	}
	return nil
}
