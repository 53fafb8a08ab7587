// Package sample makes initiatives for benchmarks and load tests: a large one
// (400 budget lines, 100 KPIs with 5 measurements each), one with many
// violations, and distinct variants of any document so that no cache can answer
// for the engine.
package sample

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Large returns a schema-valid omstilling initiative at the schema's limits: a
// 100-year plan period with 4 drift lines a year (400 lines) and 100 KPIs with 5
// measurements each.
func Large() map[string]any {
	doc := map[string]any{
		"id":                     "LARGE-0001",
		"title":                  "Stort omstillingsprogram for hele kommunen",
		"description":            "Syntetisk tiltak på skjemaets grenser, for ytelsesmåling.",
		"type":                   "omstilling",
		"status":                 "utredning",
		"submitted_at":           "2020-09-23",
		"sector":                 "OSU",
		"owner":                  map[string]any{"name": "Kari Nordmann", "role": "kommunedirektør"},
		"plan_period":            map[string]any{"start_year": 2001, "end_year": 2100},
		"start_date":             "2001-01-01",
		"end_date":               "2099-12-31",
		"veikart_area":           "VK6",
		"sdgs":                   []any{8, 16},
		"kommuneplan_ref":        "KPS 2020–2040",
		"omstilling_program_ref": "Omstilling 2024",
		"legal_requirements":     []any{map[string]any{"law": "kommuneloven", "compliance": "ok"}},
		"risk":                   map[string]any{"assessment_ref": "ROS-1", "date": "2020-08-01", "covers": []any{"okonomi", "arbeidsmiljo"}},
		"climate":                map[string]any{"none_reason": "Ingen vesentlig klimaeffekt."},
		"benefits_plan":          map[string]any{"owner": "Kommunedirektøren"},
	}
	var lines, withdrawals []any
	for y := 2001; y <= 2100; y++ {
		lines = append(lines,
			map[string]any{"year": y, "account": "drift", "amount_knok": -100, "calc_basis": "Kalkyle"},
			map[string]any{"year": y, "account": "drift", "amount_knok": -50, "one_off": true},
			map[string]any{"year": y, "account": "drift", "amount_knok": -400, "bucket": "omstilling", "calc_basis": "Kalkyle"},
			map[string]any{"year": y, "account": "drift", "amount_knok": -200, "bucket": "effektivisering", "calc_basis": "Kalkyle"},
		)
		withdrawals = append(withdrawals, map[string]any{"year": y, "amount_knok": -750})
	}
	doc["budget_effects"] = lines
	doc["benefits_plan"].(map[string]any)["budget_withdrawal"] = withdrawals
	var kpis []any
	kinds := []string{"okonomisk", "kvalitet", "tid", "klima", "annet"}
	for i := range 100 {
		kpis = append(kpis, map[string]any{
			"id": fmt.Sprintf("k%d", i+1), "name": fmt.Sprintf("Indikator %d", i+1), "kind": kinds[i%len(kinds)],
			"unit": "%", "direction": "up", "source": "intern",
			"baseline": map[string]any{"value": 10, "date": "2000-12-31"},
			"target":   map[string]any{"value": 20, "year": 2050},
			"measurements": []any{
				map[string]any{"phase": "for", "date": "2000-12-31", "value": 10},
				map[string]any{"phase": "under", "date": "2030-06-30", "value": 12},
				map[string]any{"phase": "under", "date": "2060-06-30", "value": 15},
				map[string]any{"phase": "under", "date": "2090-06-30", "value": 18},
				map[string]any{"phase": "etter", "date": "2100-06-30", "value": 20},
			},
		})
	}
	doc["kpis"] = kpis
	return doc
}

// ManyViolations returns a schema-valid initiative that breaks many rules at
// once: no owner, no KPIs, unfinanced costs, a loan for operations, a direct award
// above the thresholds, personal data without basis or DPIA, and more.
func ManyViolations() map[string]any {
	return map[string]any{
		"id": "MANY-0001", "title": "Tiltak med mange brudd", "type": "innsparing", "status": "i_gjennomforing",
		"submitted_at": "2024-05-01", "sector": "POM", "involved_sectors": []any{"POM", "HSO", "OSU"},
		"cross_sector_split": []any{map[string]any{"sector": "POM", "cost_share_pct": 33.33, "gain_share_pct": 50}},
		"plan_period":        map[string]any{"start_year": 2024, "end_year": 2025},
		"start_date":         "2024-06-01",
		"budget_effects": []any{
			map[string]any{"year": 2024, "account": "drift", "amount_knok": 2500, "bucket": "omstilling", "one_off": true},
			map[string]any{"year": 2024, "account": "drift", "amount_knok": 2500, "bucket": "omstilling", "one_off": true},
			map[string]any{"year": 2026, "account": "investering", "amount_knok": 900},
			map[string]any{"year": 2025, "account": "drift", "amount_knok": 1200},
		},
		"financing": []any{
			map[string]any{"year": 2024, "source": "lan", "amount_knok": 500},
			map[string]any{"year": 2025, "source": "bufferfond", "amount_knok": 200},
		},
		"procurement": map[string]any{"involved": true, "category": "tjenester", "estimated_value_nok": 1900000,
			"related_purchases_nok": 900000, "procedure": "direkte", "climate_weight_pct": 10},
		"personal_data": map[string]any{"processes": true, "children": true, "profiling": true, "location_data": true,
			"dpia_status": "ikke_startet", "residual_risk_high": true, "processor_used": true, "third_country_transfer": true, "transfer_mechanism": "none"},
		"ict_solution":       map[string]any{"public_facing": true, "kind": "nettsted", "wcag_version": "2.0", "wcag_level": "A"},
		"employees":          map[string]any{"affected": true, "fte_change": -12, "headcount_reduction_30d": 14},
		"risk":               map[string]any{"date": "2021-01-01", "covers": []any{"okonomi"}},
		"legal_requirements": []any{map[string]any{"law": "helse- og omsorgstjenesteloven", "compliance": "ikke_vurdert"}},
		"climate":            map[string]any{"effect_tco2e_per_year": 40},
		"decisions":          []any{map[string]any{"body": "kommunestyret", "date": "2024-04-01"}},
	}
}

// Variant returns a deep copy of doc made distinct by i: another id and title,
// and every budget amount shifted, so that each request is new work for the engine.
func Variant(doc map[string]any, i int) map[string]any {
	out := deepCopy(doc).(map[string]any)
	id, _ := out["id"].(string)
	if id == "" {
		id = "VAR"
	}
	out["id"] = fmt.Sprintf("%s-v%d", strings.ToUpper(id), i)
	if t, ok := out["title"].(string); ok {
		out["title"] = fmt.Sprintf("%s (%d)", t, i)
	}
	if lines, ok := out["budget_effects"].([]any); ok {
		for _, l := range lines {
			m := l.(map[string]any)
			switch a := m["amount_knok"].(type) {
			case float64:
				m["amount_knok"] = a - float64(i%7)
			case int:
				m["amount_knok"] = a - i%7
			case json.Number:
				n, _ := a.Int64()
				m["amount_knok"] = n - int64(i%7)
			}
		}
	}
	return out
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}

// Examples reads the contract's example initiatives (testdata/examples/*.json
// without expected.json) from dir, sorted by name.
func Examples(dir string) (map[string][]byte, []string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, nil, err
	}
	out := map[string][]byte{}
	var names []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if name == "expected" {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		out[name] = raw
		names = append(names, name)
	}
	slices.Sort(names)
	return out, names, nil
}
