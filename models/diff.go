package models

// DiffViolations compares two lists of violations as multisets of key(v): added
// are the violations of after whose key before has fewer of, removed those of
// before whose key after has fewer of, each in its list's order. Replays,
// impact analyses and portfolio what-ifs all compare results this way, each by
// the key it reports.
func DiffViolations[K comparable](before, after []Violation, key func(Violation) K) (added, removed []Violation) {
	count := func(vs []Violation) map[K]int {
		m := make(map[K]int, len(vs))
		for _, v := range vs {
			m[key(v)]++
		}
		return m
	}
	b, a := count(before), count(after)
	added, removed = []Violation{}, []Violation{}
	for _, v := range after {
		if k := key(v); b[k] > 0 {
			b[k]--
		} else {
			added = append(added, v)
		}
	}
	for _, v := range before {
		if k := key(v); a[k] > 0 {
			a[k]--
		} else {
			removed = append(removed, v)
		}
	}
	return added, removed
}

// ViolationKey identifies a record violation across two evaluations: rule,
// severity, field and year.
type ViolationKey struct {
	RuleID   string   `json:"rule_id"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	Year     int      `json:"year,omitempty"`
}

// KeyOf is the ViolationKey of v.
func KeyOf(v Violation) ViolationKey {
	return ViolationKey{v.RuleID, v.Severity, v.PathOr(""), v.Year}
}

// PortfolioKey identifies a portfolio violation across two evaluations: rule,
// severity, sector and year.
type PortfolioKey struct {
	RuleID   string   `json:"rule_id"`
	Severity Severity `json:"severity"`
	Sector   string   `json:"sector,omitempty"`
	Year     int      `json:"year,omitempty"`
}

// PortfolioKeyOf is the PortfolioKey of v.
func PortfolioKeyOf(v Violation) PortfolioKey {
	return PortfolioKey{v.RuleID, v.Severity, v.Sector, v.Year}
}

// Keys maps violations to their keys.
func Keys[K any](vs []Violation, key func(Violation) K) []K {
	out := make([]K, 0, len(vs))
	for _, v := range vs {
		out = append(out, key(v))
	}
	return out
}
