package policies

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/baerum/styring/models"
)

// TrialInput is a document a candidate revision is evaluated on before it is
// activated: a shipped example or a stored initiative, named for the report.
type TrialInput struct {
	Name     string
	Document any
}

// Trial evaluates rev on every input as it will be served — the record rules
// in both languages at today's date, and the portfolio of all the inputs — and
// returns a problem for each evaluation error, naming the rule's place and the
// input. A rule that conflicts only for some inputs (eval_conflict_error)
// passes the candidate's own tests; this finds it before it answers 500.
func Trial(ctx context.Context, rev *Revision, inputs []TrialInput, now time.Time) []Problem {
	var problems []Problem
	seen := map[string]bool{} // one problem per place and message, naming the first input
	report := func(input string, err error) {
		p := problemOfEval(err)
		key := p.File + fmt.Sprint(p.Row) + p.Message
		if seen[key] {
			return
		}
		seen[key] = true
		p.Message = fmt.Sprintf("evaluating %s: %s", input, p.Message)
		problems = append(problems, p)
	}
	portfolio := rev.NewPortfolio()
	for _, in := range inputs {
		for _, lang := range []models.Lang{models.LangNB, models.LangEN} {
			if _, err := rev.Check(ctx, in.Document, CheckOptions{Lang: lang, Now: now}); err != nil {
				report(in.Name, err)
			}
		}
		if _, err := portfolio.Add(ctx, in.Document); err != nil {
			report(in.Name, err)
		}
	}
	for _, lang := range []models.Lang{models.LangNB, models.LangEN} {
		if _, err := portfolio.Evaluate(ctx, "", lang); err != nil {
			report("the portfolio of the trial inputs", err)
		}
	}
	return problems
}

// problemOfEval turns an evaluation error into a problem at the rule's place.
func problemOfEval(err error) Problem {
	var te *topdown.Error
	if errors.As(err, &te) {
		p := Problem{Message: te.Code + ": " + te.Message}
		if te.Location != nil {
			p.File, p.Row, p.Col = strings.TrimPrefix(te.Location.File, "/"), te.Location.Row, te.Location.Col
		}
		return p
	}
	return Problem{Message: err.Error()}
}
