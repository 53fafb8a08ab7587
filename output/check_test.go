package output

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baerum/styring/models"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func checkFixture(t *testing.T) []FileResult {
	t.Helper()
	dir := t.TempDir()
	src := []byte("{\n  \"kpis\": [\n    {\"name\": \"Lisenskostnad\", \"measurements\": []}\n  ],\n  \"financing\": []\n}\n")
	file := filepath.Join(dir, "a.json")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	p := func(s string) *string { return &s }
	res := &models.CheckResult{Summary: models.Summary{Error: 2, Warning: 1}, Violations: []models.Violation{
		{RuleID: "BUD-003", Severity: models.SeverityError, Message: "ikke finansiert", Path: p("/financing"), Year: 2024, Reference: "Kommuneloven § 14-4", Remedy: "Finansier"},
		{RuleID: "BUD-003", Severity: models.SeverityError, Message: "ikke finansiert", Path: p("/financing"), Year: 2025, Reference: "Kommuneloven § 14-4"},
		{RuleID: "KPI-004", Severity: models.SeverityWarning, Message: "mangler etter", Path: p("/kpis/0/measurements"), Reference: "HP"},
		{RuleID: "X-001", Severity: models.SeverityInfo, Message: "info", Path: p("/kpis/0/missing")},
	}}
	return []FileResult{
		{File: file, Result: res, Source: src},
		{File: Stdin, Result: &models.CheckResult{Violations: []models.Violation{{RuleID: "X-001", Severity: models.SeverityInfo, Message: "i", Path: p("")}}}, Source: []byte("{}")},
		{File: "/elsewhere/b.json", Err: models.Errorf(models.EINVALID, "cannot read")},
	}
}

var testRules = []models.Rule{{ID: "BUD-003", Severity: models.SeverityError, Title: models.Text{NB: "Ikke finansiert", EN: "Not financed"},
	Description: "A net cost must be financed.", Reference: "Kommuneloven § 14-4", Remedy: models.Text{NB: "Finansier", EN: "Finance it"},
	RelatedResources: []models.Resource{{Ref: "https://lovdata.no/lov/2018-06-22-83/%C2%A714-4"}}}}

func render(t *testing.T, results []FileResult, opts CheckOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCheck(&b, results, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestSARIFValidatesAgainstSchema validates against the OASIS SARIF 2.1.0 schema
// (testdata/sarif-schema-2.1.0.json, copied from gosec's test data in the
// module cache: errata01 os) and checks what code scanning needs to place a result.
func TestSARIFValidatesAgainstSchema(t *testing.T) {
	results := checkFixture(t)
	wd := filepath.Dir(results[0].File)
	out := render(t, results, CheckOptions{Format: FormatSARIF, Lang: models.LangEN, Rules: testRules, Version: "v1.4.0", WorkDir: wd})

	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF is not valid: %v\n%s", err, out)
	}

	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version, InformationURI string
					Rules                   []struct {
						HelpURI         string
						FullDescription struct{ Text string }
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID       string
				Fingerprints map[string]string `json:"partialFingerprints"`
				Locations    []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           *struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	d := run.Tool.Driver
	if d.Version != "1.4.0" || d.InformationURI == "" || d.Rules[0].HelpURI != testRules[0].RelatedResources[0].Ref || d.Rules[0].FullDescription.Text != "A net cost must be financed." {
		t.Errorf("driver: %+v", d)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file://"+filepath.ToSlash(wd)+"/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if len(run.Results) != 5 {
		t.Fatalf("%d results", len(run.Results))
	}
	loc := run.Results[0].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "a.json" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region == nil || loc.Region.StartLine != 5 || loc.Region.StartColumn != 16 {
		t.Errorf("first result's location: %+v %+v", loc.ArtifactLocation, loc.Region)
	}
	if r := run.Results[3].Locations[0].PhysicalLocation.Region; r == nil || r.StartLine != 3 || r.StartColumn != 5 {
		t.Errorf("a missing field should be placed at its parent: %+v", r)
	}
	if stdin := run.Results[4].Locations[0].PhysicalLocation; stdin.Region != nil || stdin.ArtifactLocation.URIBaseID != "" {
		t.Errorf("standard input has no region: %+v", stdin)
	}
	if a, b := run.Results[0].Fingerprints["styringViolation/v1"], run.Results[1].Fingerprints["styringViolation/v1"]; a == "" || a == b {
		t.Errorf("per-year results need their own fingerprints: %q %q", a, b)
	}
	if strings.Contains(out, "../") {
		t.Error("an artifact URI with ../")
	}
}

func TestSARIFArtifactsAndFingerprints(t *testing.T) {
	if a := sarifArtifactFor("/other/place/x.json", "/work/main"); a.URI != "file:///other/place/x.json" || a.URIBaseID != "" {
		t.Errorf("outside the working directory: %+v", a)
	}
	if a := sarifArtifactFor("/work/main/dir with space/x.json", "/work/main"); a.URI != "dir%20with%20space/x.json" || a.URIBaseID != sarifSrcRoot {
		t.Errorf("inside: %+v", a)
	}
	if v, s := sarifVersion("dev"); v != "0.0.0" || s != "0.0.0-dev" {
		t.Errorf("dev: %q %q", v, s)
	}
	// Inserting a line and a KPI before the one in question changes nothing.
	p := "/kpis/0/measurements"
	q := "/kpis/1/measurements"
	v := models.Violation{RuleID: "KPI-004", Path: &p}
	w := models.Violation{RuleID: "KPI-004", Path: &q}
	before := sarifFingerprint(v, []byte(`{"kpis":[{"name":"A","measurements":[]}]}`))
	after := sarifFingerprint(w, []byte("{\n\"kpis\":[{\"name\":\"New\"},\n{\"name\":\"A\",\"measurements\":[]}]}"))
	if before != after {
		t.Errorf("fingerprint moved: %s → %s", before, after)
	}
	if other := sarifFingerprint(v, []byte(`{"kpis":[{"name":"B","measurements":[]}]}`)); other == before {
		t.Error("another KPI has the same fingerprint")
	}
}

func TestJUnitValidatesAgainstXSD(t *testing.T) {
	for _, failOnWarn := range []bool{false, true} {
		out := render(t, checkFixture(t), CheckOptions{Format: FormatJUnit, Lang: models.LangEN, FailOnWarn: failOnWarn})
		for _, want := range []string{`name="BUD-003 /financing [2024]"`, `name="BUD-003 /financing [2025]"`, `time="0"`, `line="5"`} {
			if !strings.Contains(out, want) {
				t.Errorf("no %s in\n%s", want, out)
			}
		}
		warn := `<skipped message="warning: mangler etter">`
		if failOnWarn {
			warn = `<failure message="mangler etter" type="warning">`
		}
		if !strings.Contains(out, warn) {
			t.Errorf("fail-on-warn=%v: no %s in\n%s", failOnWarn, warn, out)
		}
		xmllint, err := exec.LookPath("xmllint")
		if err != nil {
			t.Skip("xmllint not installed (apt-get install libxml2-utils): JUnit not validated against testdata/junit.xsd")
		}
		file := filepath.Join(t.TempDir(), "junit.xml")
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "junit.xsd"), file).CombinedOutput(); err != nil {
			t.Fatalf("xmllint: %v\n%s\n%s", err, msg, out)
		}
	}
}

func TestCheckTableAndJSONPlaces(t *testing.T) {
	results := checkFixture(t)
	table := render(t, results, CheckOptions{Lang: models.LangEN, Rules: testRules})
	for _, want := range []string{"2 errors, 1 warning, 0 info", "5:16", "Remedy: Finansier", "Reference: Kommuneloven § 14-4 — https://lovdata.no/"} {
		if !strings.Contains(table, want) {
			t.Errorf("no %q in\n%s", want, table)
		}
	}
	if one := summaryText(models.LangEN, models.Summary{Error: 1}); !strings.HasPrefix(one, "1 error, 0 warnings") {
		t.Errorf("%q", one)
	}
	var doc struct {
		Results []struct {
			Violations *[]struct{ Line, Column int }
		}
	}
	if err := json.Unmarshal([]byte(render(t, results, CheckOptions{Format: FormatJSON})), &doc); err != nil {
		t.Fatal(err)
	}
	if vs := *doc.Results[0].Violations; vs[2].Line != 3 || vs[2].Column != 47 {
		t.Errorf("KPI violation at %+v", vs[2])
	}
	if vs := *doc.Results[1].Violations; vs[0].Line != 0 {
		t.Errorf("standard input has no lines: %+v", vs[0])
	}
	if doc.Results[2].Violations != nil {
		t.Error("an unreadable file has violations")
	}
}
