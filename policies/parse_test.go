package policies_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

func TestParseDocument(t *testing.T) {
	cases := []struct {
		name, in, wantErr string
	}{
		{"an object", `{"title": "x"}`, ""},
		{"deep but allowed", strings.Repeat("[", policies.MaxDepth) + strings.Repeat("]", policies.MaxDepth), ""},
		{"too deep", strings.Repeat("[", policies.MaxDepth+1) + strings.Repeat("]", policies.MaxDepth+1), "nested deeper than 64"},
		{"brackets inside strings do not count", `{"a": "` + strings.Repeat("[", 100) + `\"["}`, ""},
		{"syntax error names line and column", "{\n  \"a\": tru\n}", "line 2, column 11"},
		{"empty", "", "empty"},
		{"two documents", `{} {}`, "after the document"},
		{"unterminated", `{"a": `, "unexpected end"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := policies.ParseDocument([]byte(c.in))
			switch {
			case c.wantErr == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, c.wantErr)
			case err != nil && models.ErrorCode(err) != models.EINVALID:
				t.Fatalf("code %s", models.ErrorCode(err))
			}
		})
	}
}

// FuzzCheck feeds arbitrary bytes through parsing and checking: never a panic,
// and either a parse error or a result whose verdict agrees with its violations.
// The seed corpus (the shared examples and odd documents) runs as an ordinary test.
func FuzzCheck(f *testing.F) {
	rev := loadEmbedded(f)
	for _, seed := range []string{`{}`, `[]`, `null`, `"x"`, `{"title": 5}`, `{"title":"abc","type":"omstilling","sector":"OSK","budget_effects":[{"year":2021,"account":"drift","amount_knok":-1}]}`,
		`{"title":"abc","type":"investering","sector":"VAR","plan_period":{"start_year":2030,"end_year":2001}}`, `{"a":` + strings.Repeat("[", 70),
		// not I-JSON, or not storable: refused with line, column and pointer
		"{\"title\": \"B\xe6rum\"}", "\xff\xfe", "{\"a\xff\": 1}", `{"title": "\ud800"}`, `{"title": "\udc00\ud800"}`, `{"title": "\ud83d\ude00"}`,
		`{"title": "a\u0000"}`, `{"\u0000": 1}`, `{"id": "A", "id": "B"}`, `{"budget_effects": [{"year": 1, "\u0079ear": 2}]}`, `{"t": "\uffff"}`} {
		f.Add([]byte(seed))
	}
	docs, names, err := sampleExamples(f)
	if err != nil {
		f.Fatal(err)
	}
	for _, n := range names {
		f.Add(docs[n])
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := policies.ParseDocument(raw)
		if err != nil {
			if models.ErrorCode(err) != models.EINVALID {
				t.Fatalf("parse error with code %s: %v", models.ErrorCode(err), err)
			}
			return
		}
		// What is accepted can be stored: valid UTF-8, no NUL in any string.
		if !utf8.Valid(raw) {
			t.Fatalf("accepted invalid UTF-8: %q", raw)
		}
		if s := fmt.Sprint(doc); strings.ContainsRune(s, 0) {
			t.Fatalf("accepted a NUL: %q", raw)
		}
		res, err := rev.Check(context.Background(), doc, policies.CheckOptions{})
		if err != nil {
			t.Fatalf("check failed: %v", err)
		}
		if res.Allowed != (res.Summary.Error == 0) {
			t.Fatalf("allowed %v with %d errors", res.Allowed, res.Summary.Error)
		}
	})
}
