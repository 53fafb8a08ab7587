package labels

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/models"
)

// sectionTitles are the form's sections as a case handler knows them, in order.
var sectionTitles = []string{
	"Om tiltaket",
	"Økonomi: budsjettlinjer og finansiering",
	"Investering",
	"Styringsparametere og målinger",
	"Anskaffelse",
	"Personvern",
	"Universell utforming",
	"Ansatte",
	"Risiko",
	"Klima",
	"Strategi og plan",
}

// parsed is the embedded catalog, parsed afresh; a catalog that does not parse
// fails the test with every problem instead of panicking in Catalog.
func parsed(t *testing.T) *Catalogue {
	t.Helper()
	c, err := parse(catalogJSON)
	if err != nil {
		t.Fatalf("catalog.json:\n%v", err)
	}
	return c
}

func bothLanguages(t models.Text) bool {
	return strings.TrimSpace(t.NB) != "" && strings.TrimSpace(t.EN) != ""
}

// TestSchemaFields holds the catalog to the schema: every field and every
// enumeration value labelled in both languages, nothing in the catalog the
// schema no longer has, every top-level property in exactly one section.
func TestSchemaFields(t *testing.T) {
	w := readSchema(t)
	c := parsed(t)
	if *dump {
		logDump(t, w, c)
	}

	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	usedLists := map[string][]string{}
	for _, p := range w.order {
		sf := w.fields[p]
		f, ok := c.Field(p)
		if !ok {
			fail("schema field %s has no catalog entry", p)
			continue
		}
		if f.Pointer != p {
			fail("schema field %s is labelled by the catalog entry %s", p, f.Pointer)
		}
		if !bothLanguages(f.Label) {
			fail("schema field %s lacks a label in both languages: %+v", p, f.Label)
		}
		if !bothLanguages(f.Help) {
			fail("schema field %s lacks a help text in both languages: %+v", p, f.Help)
		}
		want := sf.Enum
		if want == nil && f.Values != "" {
			if r, ok := sf.intRange(); ok {
				want = r // the numbered UN goals: labels for an integer range
			} else {
				fail("%s has no enumeration in the schema, but the catalog gives it value list %q", p, f.Values)
				continue
			}
		}
		if want == nil {
			continue
		}
		if f.Values == "" {
			fail("%s: the schema's enumeration %s has no value list in the catalog", p, strings.Join(want, ", "))
			continue
		}
		usedLists[f.Values] = append(usedLists[f.Values], p)
		vs, _ := c.Values(p)
		have := make([]string, len(vs))
		for i, v := range vs {
			have[i] = v.Value
			if slices.Contains(want, v.Value) && !bothLanguages(v.Label) {
				fail("%s: value %q (list %s) lacks a label in both languages: %+v", p, v.Value, f.Values, v.Label)
			}
		}
		for _, v := range want {
			if !slices.Contains(have, v) {
				fail("%s: schema value %q has no label in value list %s", p, v, f.Values)
			}
		}
		for _, v := range have {
			if !slices.Contains(want, v) {
				fail("%s: value list %s labels %q, which the schema no longer allows", p, f.Values, v)
			}
		}
		if !slices.Equal(have, want) && len(have) == len(want) {
			fail("%s: value list %s is in the order %v, the schema's is %v (a form lists them in the schema's order)", p, f.Values, have, want)
		}
	}
	for _, f := range c.Fields {
		if _, ok := w.fields[f.Pointer]; !ok {
			fail("catalog entry %s is not a field of the schema (any more)", f.Pointer)
		}
	}
	for _, l := range c.Lists {
		if len(usedLists[l.Name]) == 0 {
			fail("value list %s labels no enumeration of the schema (any more)", l.Name)
		}
	}

	// Sections.
	in := map[string][]string{}
	for _, s := range c.Sections {
		if !bothLanguages(s.Title) || !bothLanguages(s.Help) {
			fail("section %s lacks a title or help text in both languages", s.ID)
		}
		if len(s.Pointers) == 0 {
			fail("section %s holds no fields", s.ID)
		}
		for _, p := range s.Pointers {
			in[p] = append(in[p], s.ID)
		}
	}
	for _, p := range w.order {
		if strings.Count(p, "/") != 1 {
			continue
		}
		if n := len(in[p]); n != 1 {
			fail("top-level property %s is in %d sections %v, not exactly one", p, n, in[p])
		}
	}
	var titles []string
	for _, s := range c.Sections {
		titles = append(titles, s.Title.NB)
	}
	if !slices.Equal(titles, sectionTitles) {
		fail("sections are %q, want %q", titles, sectionTitles)
	}

	for _, p := range problems {
		t.Error(p)
	}
	if len(problems) > 0 {
		t.Logf("%d problems; go test ./labels -run TestSchemaFields -dump -v lists the schema and a stub for the missing fields", len(problems))
	}
}

// TestLabelsDistinct keeps a form readable: the fields under one parent, and
// the values of one list, have different labels in each language.
func TestLabelsDistinct(t *testing.T) {
	c := parsed(t)
	seen := map[string]string{}
	check := func(scope, what string, text models.Text) {
		for lang, s := range map[string]string{"nb": text.NB, "en": text.EN} {
			key := scope + "\x00" + lang + "\x00" + s
			if other, dup := seen[key]; dup {
				t.Errorf("%s and %s have the same %s label %q", other, what, lang, s)
			}
			seen[key] = what
		}
	}
	for _, f := range c.Fields {
		check("field "+parent(f.Pointer), f.Pointer, f.Label)
	}
	for _, l := range c.Lists {
		for _, v := range l.Values {
			check("list "+l.Name, l.Name+"="+v.Value, v.Label)
		}
	}
	for _, s := range c.Sections {
		check("sections", "section "+s.ID, s.Title)
	}
}

// TestSectionOfExamples: every path of the example initiatives, every path
// their expected violations point at and every path of the rule catalog's
// table falls in a section of the form and names a field.
func TestSectionOfExamples(t *testing.T) {
	type expected struct {
		Violations []struct {
			RuleID string  `json:"rule_id"`
			Path   *string `json:"path"`
		} `json:"violations"`
	}
	var exp map[string]expected
	if err := json.Unmarshal(repotest.ReadFile(t, repotest.Examples+"/expected.json"), &exp); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	schemaInvalid := map[string]bool{}
	paths := 0
	for name, e := range exp {
		for _, v := range e.Violations {
			if v.RuleID == "DAT-001" {
				schemaInvalid[name] = true
			}
			if v.Path == nil {
				continue
			}
			paths++
			p := *v.Path
			if p == "" {
				continue // DAT-001 at the document root: the whole document, no one section
			}
			where := fmt.Sprintf("expected.json %s %s", name, v.RuleID)
			checkPath(t, where, p, true)
		}
	}
	if paths == 0 {
		t.Fatal("expected.json has no violation paths")
	}

	files, err := filepath.Glob(filepath.Join(repotest.Path(t, repotest.Examples), "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	portfolio, err := filepath.Glob(filepath.Join(repotest.Path(t, repotest.Examples+"/portfolio"), "P-*.json"))
	if err != nil {
		t.Fatal(err)
	}
	docs := 0
	seen := map[string]bool{}
	for _, file := range append(files, portfolio...) {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		if name == "expected" {
			continue
		}
		rel, _ := filepath.Rel(repotest.Root(t), file)
		var doc any
		if err := json.Unmarshal(repotest.ReadFile(t, filepath.ToSlash(rel)), &doc); err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		docs++
		for _, p := range instancePaths(doc, "") {
			if seen[p] {
				continue // checked for an earlier example
			}
			seen[p] = true
			// A schema-invalid example may hold a property the schema lacks; it still needs a section.
			checkPath(t, rel, p, !schemaInvalid[name] && !strings.HasPrefix(p, "/extensions/"))
		}
	}
	if docs == 0 {
		t.Fatal("no example initiatives found")
	}

	rulePaths := catalogPaths(t)
	if len(rulePaths) < 40 {
		t.Fatalf("found only %d paths in %s/rules.md; has the table changed?", len(rulePaths), repotest.Spec)
	}
	for _, rp := range rulePaths {
		checkPath(t, "rules.md "+rp.rule+" "+rp.path, rp.concrete, true)
	}
	t.Logf("%d violation paths of expected.json, %d distinct paths of %d example initiatives, %d paths of the rule catalog", paths, len(seen), docs, len(rulePaths))
}

// checkPath fails when a concrete path has no section or no field at or above
// it, or, with exact, no field of its own.
func checkPath(t *testing.T, where, p string, exact bool) {
	t.Helper()
	s, ok := SectionOf(p)
	if !ok {
		t.Errorf("%s: path %q has no section", where, p)
	} else if !slices.Contains(s.Pointers, "/"+strings.SplitN(p, "/", 3)[1]) {
		t.Errorf("%s: path %q is put in section %s, which does not hold its top-level property", where, p, s.ID)
	}
	if _, ok := Nearest(p); !ok {
		t.Errorf("%s: path %q has no field at or above it", where, p)
	}
	if !exact {
		return
	}
	if _, ok := Label(p, models.LangNB); !ok {
		t.Errorf("%s: path %q has no field of its own (no label)", where, p)
		return
	}
	for _, lang := range []models.Lang{models.LangNB, models.LangEN} {
		if d, ok := Describe(p, lang); !ok || d == "" {
			t.Errorf("%s: path %q cannot be described in %s: %q", where, p, lang, d)
		}
	}
}

// instancePaths lists the pointer of every value below v (v itself excluded).
func instancePaths(v any, at string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := at + "/" + escape(k)
			out = append(out, p)
			out = append(out, instancePaths(x[k], p)...)
		}
	case []any:
		for i, e := range x {
			p := at + "/" + strconv.Itoa(i)
			out = append(out, p)
			out = append(out, instancePaths(e, p)...)
		}
	}
	return out
}

type rulePath struct{ rule, path, concrete string }

// catalogPaths reads the path column of the record rules in docs/spec/rules.md,
// with the indexes i and j made 0.
func catalogPaths(t *testing.T) []rulePath {
	t.Helper()
	row := regexp.MustCompile(`^\| ([A-Z]+-\d{3}) \|`)
	code := regexp.MustCompile("`(/[^`]*)`")
	var out []rulePath
	for _, line := range strings.Split(string(repotest.ReadFile(t, repotest.Spec+"/rules.md")), "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		cols := strings.Split(line, " | ")
		if len(cols) < 6 {
			continue // the portfolio table has no path column
		}
		for _, c := range code.FindAllStringSubmatch(cols[4], -1) {
			segs := strings.Split(c[1], "/")
			for i, s := range segs {
				if s == "i" || s == "j" {
					segs[i] = "0"
				}
			}
			out = append(out, rulePath{m[1], c[1], strings.Join(segs, "/")})
		}
	}
	return out
}

func TestTemplate(t *testing.T) {
	for in, want := range map[string]string{
		"":                              "",
		"/title":                        "/title",
		"/budget_effects/3/amount_knok": "/budget_effects/*/amount_knok",
		"/budget_effects/-/year":        "/budget_effects/*/year",
		"/kpis/0/measurements/12/phase": "/kpis/*/measurements/*/phase",
		"/kpis/*/measurements/*/phase":  "/kpis/*/measurements/*/phase",
		"/financing/11":                 "/financing/*",
		"/a~1b/0x":                      "/a~1b/0x",
	} {
		if got := Template(in); got != want {
			t.Errorf("Template(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLookups(t *testing.T) {
	nb, en := models.LangNB, models.LangEN
	label := func(p string, lang models.Lang) string {
		t.Helper()
		s, ok := Label(p, lang)
		if !ok {
			t.Errorf("Label(%q) not found", p)
		}
		return s
	}
	if got := label("/budget_effects/3/amount_knok", nb); got != "Beløp (1000 kr)" {
		t.Errorf("amount_knok nb = %q", got)
	}
	if got := label("/budget_effects/*/amount_knok", en); got != "Amount (NOK 1,000)" {
		t.Errorf("amount_knok en = %q", got)
	}
	if got := label("/kpis/0/measurements/-/phase", nb); got != "Fase" {
		t.Errorf("phase nb = %q", got)
	}
	if got := label("/title", en); got != "Title" {
		t.Errorf("title en = %q", got)
	}
	if h, ok := Help("/budget_effects/0/amount_knok", nb); !ok || h != "Kostnad (+) eller innsparing (−) i tusen kroner." {
		t.Errorf("Help amount_knok = %q, %v", h, ok)
	}
	for _, p := range []string{"", "/", "/nope", "/owner/nope", "/budget_effects/x/year", "title"} {
		if s, ok := Label(p, nb); ok {
			t.Errorf("Label(%q) = %q, want not found", p, s)
		}
		if _, ok := Help(p, nb); ok {
			t.Errorf("Help(%q) found", p)
		}
	}

	for _, c := range []struct {
		p, v string
		lang models.Lang
		want string
	}{
		{"/sector", "OSK", nb, "Oppvekst skole"},
		{"/involved_sectors/2", "VAR", en, "Vann, avløp og renovasjon (water and waste)"},
		{"/cross_sector_split/1/sector", "OBH", nb, "Oppvekst barnehage"},
		{"/status", "i_gjennomforing", nb, "I gjennomføring"},
		{"/type", "innsparing", en, "Service reduction"},
		{"/financing/4/source", "lan", nb, "Lån"},
		{"/ict_solution/wcag_version", "2.1", en, "WCAG 2.1"},
		{"/sdgs/0", "13", nb, "13 Stoppe klimaendringene"},
		{"/kpis/1/measurements/0/phase", "etter", en, "After"},
	} {
		got, ok := EnumLabel(c.p, c.v, c.lang)
		if !ok || got != c.want {
			t.Errorf("EnumLabel(%q, %q, %s) = %q, %v; want %q", c.p, c.v, c.lang, got, ok, c.want)
		}
	}
	for _, c := range [][2]string{{"/sector", "XYZ"}, {"/title", "x"}, {"/nope", "OSK"}, {"/sdgs/0", "18"}} {
		if s, ok := EnumLabel(c[0], c[1], nb); ok {
			t.Errorf("EnumLabel(%q, %q) = %q, want not found", c[0], c[1], s)
		}
	}
	if vs, ok := Values("/status"); !ok || len(vs) != 7 || vs[0].Value != "forslag" {
		t.Errorf("Values(/status) = %v, %v", vs, ok)
	}
	if _, ok := Values("/title"); ok {
		t.Error("Values(/title) found")
	}
}

func TestSectionOf(t *testing.T) {
	for p, want := range map[string]string{
		"/title":                             "om-tiltaket",
		"/owner":                             "om-tiltaket",
		"/decisions/0/case_no":               "om-tiltaket",
		"/extensions/framsikt/id":            "om-tiltaket",
		"/financing/11":                      "okonomi",
		"/budget_effects/-":                  "okonomi",
		"/benefits_plan/budget_withdrawal":   "okonomi",
		"/investment/rentable":               "investering",
		"/kpis/0/measurements/2/date":        "styringsparametere",
		"/procurement/climate_weight_pct":    "anskaffelse",
		"/personal_data/dpia_status":         "personvern",
		"/ict_solution":                      "universell-utforming",
		"/employees/drofting_date":           "ansatte",
		"/legal_requirements/3/compliance":   "risiko",
		"/risk/covers/0":                     "risiko",
		"/climate/theme":                     "klima",
		"/sdgs/4":                            "strategi",
		"/investment/opex_consequences/9/no": "investering",
	} {
		s, ok := SectionOf(p)
		if !ok || s.ID != want {
			t.Errorf("SectionOf(%q) = %q, %v; want %s", p, s.ID, ok, want)
		}
	}
	for _, p := range []string{"", "/", "/nope", "/nope/0", "title"} {
		if s, ok := SectionOf(p); ok {
			t.Errorf("SectionOf(%q) = %s, want not found", p, s.ID)
		}
	}
	ss := Sections()
	ss[0].ID = "changed"
	if Sections()[0].ID == "changed" {
		t.Error("Sections returns the catalog's own slice")
	}
}

func TestNearestAndDescribe(t *testing.T) {
	for p, want := range map[string]string{
		"/budget_effects/3":             "/budget_effects/*",
		"/budget_effects/3/amount_knok": "/budget_effects/*/amount_knok",
		"/extensions/framsikt/id":       "/extensions",
		"/owner/nickname":               "/owner",
		"/kpis/0/baseline/unknown/1":    "/kpis/*/baseline",
	} {
		f, ok := Nearest(p)
		if !ok || f.Pointer != want {
			t.Errorf("Nearest(%q) = %q, %v; want %s", p, f.Pointer, ok, want)
		}
	}
	if f, ok := Nearest("/nope/x"); ok {
		t.Errorf("Nearest(/nope/x) = %s", f.Pointer)
	}

	for _, c := range []struct {
		p    string
		lang models.Lang
		want string
		ok   bool
	}{
		{"/kpis/0/measurements/2/date", models.LangNB, "Styringsparameter 1 › Måling 3 › Dato", true},
		{"/budget_effects/3/amount_knok", models.LangEN, "Budget line 4 › Amount (NOK 1,000)", true},
		{"/financing/11", models.LangNB, "Finansieringslinje 12", true},
		{"/budget_effects/-", models.LangNB, "Budsjettlinje", true},
		{"/kpis/*/target/year", models.LangEN, "Indicator › Target › Target year", true},
		{"/owner/name", models.LangNB, "Tiltakseier › Navn", true},
		{"/budget_effects", models.LangNB, "Budsjettlinjer", true},
		{"/extensions/a~1b", models.LangNB, "Data fra andre systemer › a/b", false},
		{"/nope/0", models.LangNB, "nope › 0", false},
		{"", models.LangNB, "", false},
	} {
		got, ok := Describe(c.p, c.lang)
		if got != c.want || ok != c.ok {
			t.Errorf("Describe(%q, %s) = %q, %v; want %q, %v", c.p, c.lang, got, ok, c.want, c.ok)
		}
	}
}

func TestCatalogParsedOnce(t *testing.T) {
	first, second := Catalog(), Catalog()
	if first != second {
		t.Error("Catalog parses the data again")
	}
}

func TestParseRejects(t *testing.T) {
	const text = `{"nb":"x","en":"x"}`
	field := func(p, values string) string {
		s := `{"pointer":"` + p + `","label":` + text + `,"help":` + text
		if values != "" {
			s += `,"values":"` + values + `"`
		}
		return s + "}"
	}
	doc := func(fields, lists, sections string) string {
		return `{"fields":[` + fields + `],"value_lists":[` + lists + `],"sections":[` + sections + `]}`
	}
	ok := doc(field("/a", "l")+","+field("/a/*", ""), `{"name":"l","values":[{"value":"v","label":`+text+`}]}`,
		`{"id":"s","title":`+text+`,"help":`+text+`,"pointers":["/a"]}`)
	if _, err := parse([]byte(ok)); err != nil {
		t.Fatalf("a consistent catalog is refused: %v", err)
	}
	for name, bad := range map[string]string{
		"not JSON":            `{`,
		"template twice":      doc(field("/a", "")+","+field("/a", ""), "", ""),
		"concrete pointer":    doc(field("/a", "")+","+field("/a/0", ""), "", ""),
		"no parent":           doc(field("/a/b", ""), "", ""),
		"child before parent": doc(field("/a/b", "")+","+field("/a", ""), "", ""),
		"not a pointer":       doc(field("a", ""), "", ""),
		"unknown list":        doc(field("/a", "nope"), "", ""),
		"list twice":          doc("", `{"name":"l","values":[]},{"name":"l","values":[]}`, ""),
		"value twice":         doc("", `{"name":"l","values":[{"value":"v","label":`+text+`},{"value":"v","label":`+text+`}]}`, ""),
		"section id twice": doc(field("/a", "")+","+field("/b", ""), "",
			`{"id":"s","pointers":["/a"]},{"id":"s","pointers":["/b"]}`),
		"two sections":        doc(field("/a", ""), "", `{"id":"s","pointers":["/a"]},{"id":"t","pointers":["/a"]}`),
		"nested in a section": doc(field("/a", "")+","+field("/a/b", ""), "", `{"id":"s","pointers":["/a/b"]}`),
		"unknown in section":  doc(field("/a", ""), "", `{"id":"s","pointers":["/b"]}`),
	} {
		if _, err := parse([]byte(bad)); err == nil {
			t.Errorf("%s: parse accepted %s", name, bad)
		}
	}
}
