package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

func TestCheck(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	cases := []struct {
		name       string
		r          req
		allowed    bool
		rules      []string
		inMessages string
		asOf       string
	}{
		{"valid proposal is allowed", req{method: "POST", path: "/api/v1/check", body: example(t, "omstilling-valid")}, true, nil, "", "2020-09-23"},
		{"violations are the answer, not an error", req{method: "POST", path: "/api/v1/check", body: example(t, "digital-wcag-20")}, false, []string{"UU-001", "STR-005"}, "WCAG", ""},
		{"schema errors are DAT-001 with 200", req{method: "POST", path: "/api/v1/check", body: example(t, "schema-invalid")}, false, []string{"DAT-001", "DAT-001"}, "gyldig sektor", ""},
		{"lang=en gives English messages", req{method: "POST", path: "/api/v1/check?lang=en", body: example(t, "digital-wcag-20")}, false, []string{"UU-001", "STR-005"}, "public-facing", ""},
		{"Accept-Language picks English", req{method: "POST", path: "/api/v1/check", body: example(t, "digital-wcag-20"), headers: map[string]string{"Accept-Language": "en-GB,en;q=0.9,nb;q=0.5"}}, false, []string{"UU-001", "STR-005"}, "public-facing", ""},
		{"as_of overrides submitted_at: the risk assessment is then too old", req{method: "POST", path: "/api/v1/check?as_of=2023-06-01", body: example(t, "omstilling-valid")}, true, []string{"RIS-002"}, "2020-08-15", "2023-06-01"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := do(t, s, c.r)
			wantStatus(t, rec, http.StatusOK)
			res := decode[models.CheckResult](t, rec)
			if res.Allowed != c.allowed {
				t.Errorf("allowed = %v, want %v", res.Allowed, c.allowed)
			}
			var got []string
			var msgs strings.Builder
			for _, v := range res.Violations {
				got = append(got, v.RuleID)
				msgs.WriteString(v.Message + "\n")
			}
			bothEmpty := len(got) == 0 && len(c.rules) == 0
			if fmt.Sprint(got) != fmt.Sprint(c.rules) && !bothEmpty {
				t.Errorf("rules %v, want %v", got, c.rules)
			}
			if !strings.Contains(msgs.String(), c.inMessages) {
				t.Errorf("messages lack %q:\n%s", c.inMessages, msgs.String())
			}
			if c.asOf != "" && res.AsOf != c.asOf {
				t.Errorf("as_of %s, want %s", res.AsOf, c.asOf)
			}
			if !strings.HasPrefix(res.PolicyRevision, "sha256:") || res.DecisionID == "" {
				t.Errorf("result lacks revision or decision id: %+v", res)
			}
			if rec.Header().Get("X-Request-Id") == "" {
				t.Error("no X-Request-Id")
			}
		})
	}
}

func TestCheckRejectsBadRequests(t *testing.T) {
	s := newTestServerWith(t, gormtest.OpenTest(t, gormstore.BackendSQLite), Config{MaxBodyBytes: 10 << 10})
	big := bytes.Repeat([]byte(" "), 11<<10)
	cases := []struct {
		name    string
		r       req
		status  int
		code    string
		message string
	}{
		{"invalid JSON names line and column", req{method: "POST", path: "/api/v1/check", body: []byte("{\n \"title\": x}")}, 400, models.EINVALID, "line 2, column 11"},
		{"empty body", req{method: "POST", path: "/api/v1/check", body: []byte("")}, 400, models.EINVALID, "empty"},
		{"trailing data after the document", req{method: "POST", path: "/api/v1/check", body: []byte(`{"a":1} {"b":2}`)}, 400, models.EINVALID, "after the document"},
		{"wrong content type", req{method: "POST", path: "/api/v1/check", body: []byte("{}"), contentType: "text/plain"}, 415, models.EUNSUPPORTED, "application/json"},
		{"missing content type", req{method: "POST", path: "/api/v1/check", body: []byte("{}"), contentType: " "}, 415, models.EUNSUPPORTED, "Content-Type"},
		{"body over the limit", req{method: "POST", path: "/api/v1/check", body: append([]byte("{}"), big...)}, 413, models.ETOOLARGE, "limit"},
		{"bad as_of", req{method: "POST", path: "/api/v1/check?as_of=2021-13-45", body: []byte("{}")}, 400, models.EINVALID, "as_of"},
		{"bad lang", req{method: "POST", path: "/api/v1/check?lang=de", body: []byte("{}")}, 400, models.EINVALID, "lang"},
		{"unknown route is a JSON 404", req{method: "GET", path: "/api/v1/nope"}, 404, models.ENOTFOUND, "/api/v1/nope"},
		{"wrong method is a JSON 405", req{method: "GET", path: "/api/v1/check"}, 405, models.EINVALID, "GET"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := do(t, s, c.r)
			wantError(t, rec, c.status, c.code, c.message)
		})
	}
	t.Run("405 names the allowed methods", func(t *testing.T) {
		rec := do(t, s, req{method: "DELETE", path: "/api/v1/initiatives/x"})
		if allow := rec.Header().Get("Allow"); !strings.Contains(allow, "GET") || !strings.Contains(allow, "PUT") {
			t.Errorf("Allow = %q", allow)
		}
	})
}

type testBatch struct {
	PolicyRevision string           `json:"policy_revision"`
	Summary        app.BatchSummary `json:"summary"`
	Results        []app.BatchItem  `json:"results"`
}

func TestCheckBatch(t *testing.T) {
	s := newTestServerWith(t, gormtest.OpenTest(t, gormstore.BackendSQLite), Config{MaxBatchItems: 5, BatchWorkers: 3})
	names := []string{"omstilling-valid", "digital-wcag-20", "investering-valid", "schema-invalid", "nytt-tiltak-unfinanced"}
	var arr [][]byte
	for _, n := range names {
		arr = append(arr, example(t, n))
	}
	array := append(append([]byte("["), bytes.Join(arr, []byte(","))...), ']')
	compact := func(raw []byte) []byte {
		var b bytes.Buffer
		if err := jsonCompact(&b, raw); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}

	t.Run("array: results in input order with their index", func(t *testing.T) {
		rec := do(t, s, req{method: "POST", path: "/api/v1/check/batch", body: array})
		wantStatus(t, rec, 200)
		out := decode[testBatch](t, rec)
		if len(out.Results) != 5 || out.Summary != (app.BatchSummary{Items: 5, Allowed: 2, Denied: 3}) {
			t.Fatalf("summary %+v, %d results", out.Summary, len(out.Results))
		}
		for i, it := range out.Results {
			if it.Index != i || it.Result == nil {
				t.Fatalf("item %d: %+v", i, it)
			}
		}
		if out.Results[0].Result.InitiativeID != "HP2124-OSK-014" || out.Results[1].Result.Allowed || !out.Results[2].Result.Allowed {
			t.Errorf("order or verdicts wrong: %+v", out.Results)
		}
	})
	t.Run("ndjson: a malformed line is an item error, not a failed batch", func(t *testing.T) {
		body := bytes.Join([][]byte{compact(example(t, "omstilling-valid")), []byte(`{"title": "broken`), compact(example(t, "digital-valid"))}, []byte("\n"))
		rec := do(t, s, req{method: "POST", path: "/api/v1/check/batch", body: body, contentType: "application/x-ndjson"})
		wantStatus(t, rec, 200)
		out := decode[testBatch](t, rec)
		if out.Summary != (app.BatchSummary{Items: 3, Allowed: 2, Errors: 1}) {
			t.Fatalf("summary %+v", out.Summary)
		}
		if e := out.Results[1].Error; e == nil || e.Code != models.EINVALID || !strings.Contains(e.Message, "line 1") {
			t.Errorf("item 1 error: %+v", out.Results[1])
		}
	})
	t.Run("more items than the limit is 413", func(t *testing.T) {
		six := append(append([]byte("["), bytes.Join(append(arr, arr[0]), []byte(","))...), ']')
		wantError(t, do(t, s, req{method: "POST", path: "/api/v1/check/batch", body: six}), 413, models.ETOOLARGE, "at most 5")
	})
	t.Run("not an array is 400", func(t *testing.T) {
		wantError(t, do(t, s, req{method: "POST", path: "/api/v1/check/batch", body: []byte(`{"title":"x"}`)}), 400, models.EINVALID, "array")
	})
	t.Run("broken array names line and column", func(t *testing.T) {
		wantError(t, do(t, s, req{method: "POST", path: "/api/v1/check/batch", body: []byte("[\n{},\n{")}), 400, models.EINVALID, "line 3")
	})
	t.Run("empty array is an empty answer", func(t *testing.T) {
		rec := do(t, s, req{method: "POST", path: "/api/v1/check/batch", body: []byte(`[]`)})
		wantStatus(t, rec, 200)
		if out := decode[testBatch](t, rec); out.Summary.Items != 0 || len(out.Results) != 0 {
			t.Errorf("%+v", out)
		}
	})
	t.Run("same input, same revision, same violations", func(t *testing.T) {
		a := decode[testBatch](t, do(t, s, req{method: "POST", path: "/api/v1/check/batch", body: array}))
		b := decode[testBatch](t, do(t, s, req{method: "POST", path: "/api/v1/check/batch", body: array}))
		for i := range a.Results {
			va, _ := json.Marshal(a.Results[i].Result.Violations)
			vb, _ := json.Marshal(b.Results[i].Result.Violations)
			if !bytes.Equal(va, vb) {
				t.Errorf("item %d differs between runs", i)
			}
		}
	})
}
