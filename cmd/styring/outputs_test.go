package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOutputsCarryPlaces runs the built binary: every format places a
// violation at the line and column of its path in the file, and not for
// standard input.
func TestCheckOutputsCarryPlaces(t *testing.T) {
	file := example("omstilling-kpi-missing-etter") // KPI-004 at /kpis/0/measurements, line 91 column 23

	r := styring(t, "", "check", "--lang", "en", file)
	if r.code != 1 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"1 error, 0 warnings, 0 info", "KPI-004  91:23", "Remedy: ", "Reference: HP 2021–2024 kap. 2.3 — https://"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table: no %q in\n%s", want, r.stdout)
		}
	}

	r = styring(t, "", "check", "--format", "json", file)
	var doc struct {
		Results []struct {
			Violations []struct {
				RuleID       string `json:"rule_id"`
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if v := doc.Results[0].Violations[0]; v.RuleID != "KPI-004" || v.Line != 91 || v.Column != 23 {
		t.Errorf("json: %+v", v)
	}

	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r = styring(t, string(raw), "check", "--format", "json", "-")
	if strings.Contains(r.stdout, `"line"`) {
		t.Errorf("standard input has no lines:\n%s", r.stdout)
	}
}

func TestCheckSARIFPlacesResults(t *testing.T) {
	file := example("omstilling-kpi-missing-etter")
	r := styring(t, "", "check", "--format", "sarif", "--lang", "en", file)
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version        string `json:"version"`
					InformationURI string `json:"informationUri"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				Fingerprints map[string]string `json:"partialFingerprints"`
				Locations    []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	if run.Tool.Driver.Version == "" || run.Tool.Driver.Version[0] < '0' || run.Tool.Driver.Version[0] > '9' || run.Tool.Driver.InformationURI == "" {
		t.Errorf("driver: %+v", run.Tool.Driver)
	}
	pl := run.Results[0].Locations[0].PhysicalLocation
	// The test runs in cmd/styring, so the example (../../testdata) is outside: an absolute file: URI.
	abs, _ := filepath.Abs(file)
	if pl.ArtifactLocation.URI != "file://"+filepath.ToSlash(abs) || pl.ArtifactLocation.URIBaseID != "" {
		t.Errorf("artifact: %+v", pl.ArtifactLocation)
	}
	if pl.Region == nil || pl.Region.StartLine != 91 || pl.Region.StartColumn != 23 {
		t.Errorf("region: %+v", pl.Region)
	}
	if len(run.Results[0].Fingerprints) != 1 {
		t.Errorf("fingerprints: %v", run.Results[0].Fingerprints)
	}
}

// A warning is <skipped> unless --fail-on-warn makes it a failure of type warning.
func TestCheckJUnitWarnings(t *testing.T) {
	file := example("omstilling-no-benefits-plan") // has a warning
	plain := styring(t, "", "check", "--format", "junit", file)
	strict := styring(t, "", "check", "--format", "junit", "--fail-on-warn", file)
	if !strings.Contains(plain.stdout, "<skipped message=\"warning: ") || strings.Contains(plain.stdout, `type="warning"`) {
		t.Errorf("without --fail-on-warn a warning is skipped:\n%s", plain.stdout)
	}
	if !strings.Contains(strict.stdout, `type="warning"`) || strings.Contains(strict.stdout, "<skipped") {
		t.Errorf("with --fail-on-warn a warning fails:\n%s", strict.stdout)
	}
	for _, out := range []string{plain.stdout, strict.stdout} {
		if !strings.Contains(out, `time="0"`) || !strings.Contains(out, ` line="`) {
			t.Errorf("no time or line attributes:\n%s", out)
		}
	}
}
