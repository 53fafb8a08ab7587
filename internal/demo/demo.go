// Package demo ships a sample portfolio of Handlingsprogram 2021–2024 (40
// initiatives across the sectors and types) that `styring serve --demo`
// submits at start-up, so a newcomer sees real data at once. It is kept apart
// from the contract's examples in testdata/examples.
//
// Every initiative is allowed at its submitted_at. Some carry warnings; some
// break a legal rule when checked again at a later date (universal design and
// climate weighting in procurement tightened after they were submitted). Three
// later versions (Updates) break a waivable rule, which a manager has waived
// (Waivers): a loader submits the initiatives, creates the waivers, then
// submits the updates as new versions.
package demo

import (
	"embed"
	"encoding/json"
	"io/fs"
	"slices"
	"time"

	"github.com/baerum/styring/models"
)

//go:embed initiatives/*.json updates/*.json waivers.json
var files embed.FS

// Initiatives returns the sample initiatives as raw JSON, in file-name order.
func Initiatives() ([][]byte, error) { return readAll("initiatives/*.json") }

// Updates returns later versions of some sample initiatives (same id), in
// file-name order: each breaks a waivable rule and is allowed only with the
// initiative's Waivers in force.
func Updates() ([][]byte, error) { return readAll("updates/*.json") }

func readAll(pattern string) ([][]byte, error) {
	names, err := fs.Glob(files, pattern)
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	out := make([][]byte, 0, len(names))
	for _, n := range names {
		raw, err := files.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, raw)
	}
	return out, nil
}

// demoWaiver is an entry of waivers.json.
type demoWaiver struct {
	InitiativeID string `json:"initiative_id"`
	RuleID       string `json:"rule_id"`
	Reason       string `json:"reason"`
	ValidDays    int    `json:"valid_days"`
}

// Waivers returns the managers' waivers of the sample portfolio, each
// expiring valid_days after now (a waiver's expiry must lie after the day it
// is created). Only InitiativeID, RuleID, Reason and ExpiresAt are set.
func Waivers(now time.Time) ([]models.Waiver, error) {
	raw, err := files.ReadFile("waivers.json")
	if err != nil {
		return nil, err
	}
	var ws []demoWaiver
	if err := json.Unmarshal(raw, &ws); err != nil {
		return nil, err
	}
	out := make([]models.Waiver, 0, len(ws))
	for _, w := range ws {
		out = append(out, models.Waiver{
			InitiativeID: w.InitiativeID, RuleID: w.RuleID, Reason: w.Reason,
			ExpiresAt: now.UTC().AddDate(0, 0, w.ValidDays).Format(time.DateOnly),
		})
	}
	return out, nil
}
