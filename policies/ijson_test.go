package policies_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// BenchmarkParseDocument measures ParseDocument (decoding with the I-JSON
// checks) on every example of the contract and on the large initiative.
func BenchmarkParseDocument(b *testing.B) {
	docs, names, err := sampleExamples(b)
	if err != nil {
		b.Fatal(err)
	}
	large, err := json.Marshal(sample.Large())
	if err != nil {
		b.Fatal(err)
	}
	run := func(name string, raw []byte) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := policies.ParseDocument(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, name := range names {
		run(name, docs[name])
	}
	run("large", large)
}

// TestParseDocumentIJSON: a body must be I-JSON (RFC 7493) that PostgreSQL can
// store. Each refusal is a 400-type error (EINVALID) naming line, column and the
// JSON pointer of the member, in the style of the syntax errors.
func TestParseDocumentIJSON(t *testing.T) {
	many := func(dup bool) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range 100 {
			fmt.Fprintf(&b, `"k%d": %d, `, i, i)
		}
		if dup {
			b.WriteString(`"k\u0037": 0, `) // "k7"
		}
		b.WriteString(`"last": true}`)
		return b.String()
	}
	cases := []struct {
		name, in string
		want     string // "" for accepted; else a part of the message
		line     int
		column   int
		pointer  string
	}{
		// accepted
		{"plain object", `{"title": "Omstilling", "n": -1.5e3, "ok": true, "x": null, "l": [1, "a", {}]}`, "", 0, 0, ""},
		{"non-ASCII text", `{"title": "Skolefritidsordning i Bærum – æøå ÆØÅ 😀"}`, "", 0, 0, ""},
		{"escapes", `{"t": "a\"b\\c\/d\b\f\n\r\t\u00e6\u20AC\u0001"}`, "", 0, 0, ""},
		{"surrogate pair", `{"t": "\ud83d\ude00"}`, "", 0, 0, ""},
		{"surrogate pair in upper case", `{"t": "\uD83D\uDE00 x"}`, "", 0, 0, ""},
		{"same name in different objects", `{"a": {"a": 1, "b": 2}, "b": [{"a": 1}, {"a": 2}], "c": {"a": {"a": 3}}}`, "", 0, 0, ""},
		{"names differing by escape only in form", `{"a": 1, "\u0062": 2, "c\"": 3, "c": 4}`, "", 0, 0, ""},
		{"many members", many(false), "", 0, 0, ""},
		{"replacement character itself", "{\"t\": \"\uFFFD\"}", "", 0, 0, ""},
		{"top-level string", `"x"`, "", 0, 0, ""},

		// invalid UTF-8
		{"invalid UTF-8 in a value", "{\"title\": \"a\xffb\"}", "invalid UTF-8 (byte 0xFF) in the string at /title", 1, 13, "/title"},
		{"invalid UTF-8 in a name", "{\"budget\": {\"a\xfe\": 1}}", "invalid UTF-8 (byte 0xFE) in a member name of the object at /budget", 1, 15, "/budget"},
		{"truncated sequence", "[\"ok\", \"\xc3\"]", "invalid UTF-8 (byte 0xC3) in the string at /1", 1, 9, "/1"},
		{"overlong encoding", "{\"t\": \"\xc0\xaf\"}", "invalid UTF-8 (byte 0xC0)", 1, 8, "/t"},
		{"surrogate encoded as UTF-8 (CESU)", "{\"t\": \"\xed\xa0\x80\"}", "invalid UTF-8 (byte 0xED)", 1, 8, "/t"},
		{"Latin-1 text", "{\"title\": \"B\xe6rum\"}", "invalid UTF-8 (byte 0xE6) in the string at /title", 1, 13, "/title"},

		// surrogates
		{"lone high surrogate at the end", `{"t": "ab\ud800"}`, `lone surrogate \ud800 (a high surrogate not followed by a low one) in the string at /t`, 1, 10, "/t"},
		{"high surrogate before text", `{"t": "\uD800x"}`, `lone surrogate \uD800`, 1, 8, "/t"},
		{"high surrogate before an escape", `{"t": "\ud800\u0041"}`, `lone surrogate \ud800`, 1, 8, "/t"},
		{"two high surrogates", `{"t": "\ud800\ud800"}`, `lone surrogate \ud800`, 1, 8, "/t"},
		{"lone low surrogate", `{"t": "x\udc00"}`, `lone surrogate \udc00 (a low surrogate without a high one before it)`, 1, 9, "/t"},
		{"low then high", `{"t": "\udc00\ud800"}`, `lone surrogate \udc00`, 1, 8, "/t"},
		{"lone surrogate in a name", `{"a": {"\udfff": 1}}`, `lone surrogate \udfff (a low surrogate without a high one before it) in a member name of the object at /a`, 1, 9, "/a"},

		// noncharacters (RFC 7493 §2.1)
		{"noncharacter escaped", `{"t": "\uffff"}`, "noncharacter U+FFFF in the string at /t", 1, 8, "/t"},
		{"noncharacter raw", "{\"t\": \"\uFDD0\"}", "noncharacter U+FDD0", 1, 8, "/t"},
		{"noncharacter as a pair", `{"t": "\ud83f\udffe"}`, "noncharacter U+1FFFE", 1, 8, "/t"},

		// NUL
		{"NUL in a value", `{"title": "a\u0000b"}`, `\u0000 (NUL) in the string at /title`, 1, 13, "/title"},
		{"NUL in a name", `{"a\u0000": 1}`, `\u0000 (NUL) in a member name of the top-level object`, 1, 4, ""},
		{"NUL at the top level", `"\u0000"`, `\u0000 (NUL) in the top-level string`, 1, 2, ""},

		// duplicate member names
		{"duplicate id at the top level", `{"id": "A", "title": "x", "id": "B"}`, `duplicate member name "id" at /id (the first is at line 1, column 2)`, 1, 27, "/id"},
		{"duplicate nested", "{\n  \"budget_effects\": [\n    {\"year\": 2021},\n    {\"year\": 2022, \"year\": 2023}\n  ]\n}", `duplicate member name "year" at /budget_effects/1/year (the first is at line 4, column 6)`, 4, 20, "/budget_effects/1/year"},
		{"duplicate by escape", `{"id": 1, "\u0069d": 2}`, `duplicate member name "id"`, 1, 11, "/id"},
		{"duplicate escaped both", `{"\u00e6": 1, "\u00E6": 2}`, `duplicate member name "æ"`, 1, 15, "/æ"},
		{"duplicate in a large object", many(true), `duplicate member name "k7" at /k7 (the first is at line 1, column 65)`, 1, 1082, "/k7"},
		{"pointer escapes ~ and /", `{"a/b": {"c~d": [0, "\u0000"]}}`, `in the string at /a~1b/c~0d/1`, 1, 22, "/a~1b/c~0d/1"},

		// syntax errors keep their message
		{"syntax error before a bad byte", "{\"a\": tru, \"b\": \"\xff\"}", "invalid character", 0, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := policies.ParseDocument([]byte(c.in))
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				var want any
				dec := json.NewDecoder(strings.NewReader(c.in))
				dec.UseNumber()
				if err := dec.Decode(&want); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(doc, want) {
					t.Fatalf("decoded %#v, want %#v", doc, want)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted %q", c.in)
			}
			var me *models.Error
			if !errors.As(err, &me) || me.Code != models.EINVALID {
				t.Fatalf("error %v, want a models.Error with code %s", err, models.EINVALID)
			}
			if !strings.HasPrefix(me.Message, "invalid JSON at line ") || !strings.Contains(me.Message, c.want) {
				t.Fatalf("message %q, want one starting \"invalid JSON at line\" with %q", me.Message, c.want)
			}
			if c.line == 0 {
				return
			}
			if prefix := fmt.Sprintf("invalid JSON at line %d, column %d: ", c.line, c.column); !strings.HasPrefix(me.Message, prefix) {
				t.Errorf("message %q, want it to start %q", me.Message, prefix)
			}
			details, ok := me.Details.(map[string]any)
			if !ok {
				t.Fatalf("details %#v", me.Details)
			}
			if details["line"] != c.line || details["column"] != c.column || details["pointer"] != c.pointer {
				t.Errorf("details %v, want line %d, column %d, pointer %q", details, c.line, c.column, c.pointer)
			}
		})
	}
}

// TestParseDocumentExamplesUnchanged: every shared example and the benchmark
// documents decode exactly as encoding/json decodes them.
func TestParseDocumentExamplesUnchanged(t *testing.T) {
	docs, names, err := sampleExamples(t)
	if err != nil {
		t.Fatal(err)
	}
	large, _ := json.Marshal(sample.Large())
	manyViolations, _ := json.Marshal(sample.ManyViolations())
	docs["large"], docs["many-violations"] = large, manyViolations
	names = append(names, "large", "many-violations")
	if len(names) < 10 {
		t.Fatalf("only %d examples", len(names))
	}
	for _, name := range names {
		got, err := policies.ParseDocument(docs[name])
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var want any
		dec := json.NewDecoder(bytes.NewReader(docs[name]))
		dec.UseNumber()
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s decodes differently", name)
		}
	}
}

// TestParseDocumentIJSONAllocations: the I-JSON pass allocates nothing per
// string: parsing costs what decoding costs.
func TestParseDocumentIJSONAllocations(t *testing.T) {
	raw, _ := json.Marshal(sample.Large())
	if _, err := policies.ParseDocument(raw); err != nil {
		t.Fatal(err)
	}
	parse := testing.AllocsPerRun(20, func() { _, _ = policies.ParseDocument(raw) })
	decode := testing.AllocsPerRun(20, func() {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		_ = dec.Decode(&v)
		_, _ = dec.Token()
	})
	if parse > decode+2 {
		t.Errorf("ParseDocument makes %.0f allocations, decoding alone %.0f", parse, decode)
	}
}

// FuzzParseDocumentIJSON compares ParseDocument with encoding/json and a
// reference check on its token stream: what is accepted decodes as encoding/json
// decodes it and has valid UTF-8, no NUL, no noncharacter and no name twice in
// an object; what is refused for I-JSON is valid JSON with such a problem (or a
// lone surrogate, which encoding/json turns into U+FFFD).
func FuzzParseDocumentIJSON(f *testing.F) {
	for _, seed := range []string{`{}`, `{"a":1,"a":2}`, `{"a":{"b":1},"b":{"b":2}}`, `["\ud800"]`, `["\udc00\ud800"]`, `["\ud83d\ude00"]`, `{"\u0061":1,"a":2}`,
		`"\u0000"`, "[\"\xff\"]", "{\"\xc3\":1}", `["\uffff"]`, "[\"\uFDD0\"]", `{"a~/":{"\"":[1,{"x":1,"x":2}]}}`, `[{"a":1},{"a":1}]`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 1<<16 {
			return
		}
		doc, err := policies.ParseDocument(raw)
		problem := referenceIJSON(raw)
		if err == nil {
			if problem != "" {
				t.Fatalf("accepted %q: %s", raw, problem)
			}
			var want any
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			if derr := dec.Decode(&want); derr != nil || !reflect.DeepEqual(doc, want) {
				t.Fatalf("accepted %q decodes differently (%v)", raw, derr)
			}
			return
		}
		var me *models.Error
		if !errors.As(err, &me) || me.Code != models.EINVALID || !strings.HasPrefix(me.Message, "invalid JSON") {
			t.Fatalf("error %v", err)
		}
		if d, ok := me.Details.(map[string]any); ok && d["pointer"] != nil {
			if !json.Valid(raw) {
				t.Fatalf("an I-JSON error for invalid JSON %q: %v", raw, err)
			}
			if problem == "" && !strings.Contains(me.Message, "lone surrogate") {
				t.Fatalf("refused %q: %v", raw, err)
			}
		}
	})
}

// referenceIJSON finds a problem the slow way: invalid UTF-8 anywhere, and,
// on the token stream, NUL or a noncharacter in a string, or a name twice.
func referenceIJSON(raw []byte) string {
	if !json.Valid(raw) {
		return ""
	}
	if !utf8.Valid(raw) {
		return "invalid UTF-8"
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	type frame struct {
		object bool
		names  map[string]bool
		key    bool // the next string is a name
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		isName := top != nil && top.object && top.key
		if top != nil && top.object {
			top.key = !top.key
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				stack = append(stack, &frame{object: true, names: map[string]bool{}, key: true})
			case '[':
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = true
				}
				continue
			}
		case string:
			for _, r := range v {
				if r == 0 || (r >= 0xFDD0 && r <= 0xFDEF) || r&0xFFFE == 0xFFFE {
					return fmt.Sprintf("%U in a string", r)
				}
			}
			if isName {
				if top.names[v] {
					return "duplicate " + v
				}
				top.names[v] = true
			}
		}
	}
}
