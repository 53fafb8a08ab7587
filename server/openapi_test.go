package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/internal/repotest"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/web"
)

// openAPIURL is the address openapi.json is known by to the schema compiler:
// its schemas compile as "openapi.json#/components/schemas/CheckResult", and
// their "#/components/…" references resolve inside the document.
const openAPIURL = "openapi.json"

// openAPIMethods are the keys of an OpenAPI path item that are operations.
var openAPIMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// openAPI holds the parsed document and the compiled schemas, shared by every
// test of the package (validateResponse is called from many).
var openAPI struct {
	once     sync.Once
	doc      map[string]any
	err      error
	mu       sync.Mutex // guards compiler and schemas: a Compiler is not safe for concurrent use
	compiler *jsonschema.Compiler
	schemas  map[string]*jsonschema.Schema
}

// openAPIDoc returns the parsed openapi.json.
func openAPIDoc(t testing.TB) map[string]any {
	t.Helper()
	openAPI.once.Do(func() {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPIDocument))
		if err != nil {
			openAPI.err = fmt.Errorf("parse openapi.json: %w", err)
			return
		}
		doc, ok := v.(map[string]any)
		if !ok {
			openAPI.err = fmt.Errorf("openapi.json is a %T, not an object", v)
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020) // the dialect of OpenAPI 3.1
		c.AssertFormat()                     // date and date-time are checked, not only documented
		if err := c.AddResource(openAPIURL, doc); err != nil {
			openAPI.err = fmt.Errorf("add openapi.json: %w", err)
			return
		}
		openAPI.doc, openAPI.compiler, openAPI.schemas = doc, c, map[string]*jsonschema.Schema{}
	})
	if openAPI.err != nil {
		t.Fatal(openAPI.err)
	}
	return openAPI.doc
}

// openAPISchema compiles (once) the schema at a JSON pointer of the document.
func openAPISchema(t testing.TB, pointer string) (*jsonschema.Schema, error) {
	t.Helper()
	openAPIDoc(t)
	openAPI.mu.Lock()
	defer openAPI.mu.Unlock()
	if sch, ok := openAPI.schemas[pointer]; ok {
		return sch, nil
	}
	sch, err := openAPI.compiler.Compile(openAPIURL + "#" + pointerFragment(pointer))
	if err != nil {
		return nil, err
	}
	openAPI.schemas[pointer] = sch
	return sch, nil
}

// jsonPointer builds an RFC 6901 pointer from unescaped tokens.
func jsonPointer(tokens ...string) string {
	var b strings.Builder
	for _, tok := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(tok))
	}
	return b.String()
}

// pointerFragment writes a pointer as a URI fragment: characters a fragment
// cannot hold as they are ({ and } of path templates, among others) are percent-encoded.
func pointerFragment(pointer string) string {
	var b strings.Builder
	for _, c := range []byte(pointer) {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("/~-._!$&'()*+,;=:@", c) >= 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// lookupPointer finds the value at an RFC 6901 pointer ("" is the root).
func lookupPointer(doc any, pointer string) (any, bool) {
	if pointer == "" {
		return doc, true
	}
	if !strings.HasPrefix(pointer, "/") {
		return nil, false
	}
	v := doc
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

var ginParam = regexp.MustCompile(`[:*]([A-Za-z0-9_]+)`)

// openAPIPath turns a Gin route template (/api/v1/initiatives/:id) into an
// OpenAPI path (/api/v1/initiatives/{id}).
func openAPIPath(ginTemplate string) string { return ginParam.ReplaceAllString(ginTemplate, "{$1}") }

// openAPIResponse finds the Response Object documented for a status of the
// operation that answers method on routeTemplate, following $ref, and returns
// its JSON pointer. routeTemplate "" is a request no route matched (Gin's
// NoRoute and NoMethod): 404 or 405 with the document's shared responses.
func openAPIResponse(doc map[string]any, method, routeTemplate string, status int) (string, map[string]any, error) {
	var ptr string
	switch path := openAPIPath(routeTemplate); routeTemplate {
	case "":
		switch status {
		case http.StatusNotFound:
			ptr = "/components/responses/NotFound"
		case http.StatusMethodNotAllowed:
			ptr = "/components/responses/MethodNotAllowed"
		default:
			return "", nil, fmt.Errorf("a request no route matches answers 404 or 405, not %d", status)
		}
	default:
		item, ok := lookupPointer(doc, jsonPointer("paths", path))
		if !ok {
			return "", nil, fmt.Errorf("path %s is not in openapi.json", path)
		}
		if _, ok := item.(map[string]any)[strings.ToLower(method)]; !ok {
			if status != http.StatusMethodNotAllowed {
				return "", nil, fmt.Errorf("%s %s is not documented, so it may answer only 405, not %d", method, path, status)
			}
			ptr = "/components/responses/MethodNotAllowed"
		} else {
			ptr = jsonPointer("paths", path, strings.ToLower(method), "responses", strconv.Itoa(status))
		}
	}
	for range 8 {
		v, ok := lookupPointer(doc, ptr)
		if !ok {
			return "", nil, fmt.Errorf("status %d is not documented for %s %s (no %s)", status, method, openAPIPath(routeTemplate), ptr)
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return "", nil, fmt.Errorf("%s is not a Response Object", ptr)
		}
		ref, isRef := obj["$ref"].(string)
		if !isRef {
			return ptr, obj, nil
		}
		if !strings.HasPrefix(ref, "#") {
			return "", nil, fmt.Errorf("%s: $ref %q is not local", ptr, ref)
		}
		ptr = ref[1:]
	}
	return "", nil, fmt.Errorf("%s: $ref chain too long", ptr)
}

// validateResponse fails t unless body is a valid answer of the operation that
// serves method on routeTemplate (Gin form, e.g. /api/v1/initiatives/:id) with
// this status, as openapi.json documents it. A status the operation does not
// document is a failure. routeTemplate "" stands for a request no route matched.
func validateResponse(t testing.TB, method, routeTemplate string, status int, body []byte) {
	t.Helper()
	validateResponseOf(t, method, routeTemplate, status, "", body)
}

// validateResponseOf is validateResponse knowing the response's Content-Type
// ("" to infer it: JSON when the body parses as JSON and JSON is documented).
func validateResponseOf(t testing.TB, method, routeTemplate string, status int, contentType string, body []byte) {
	t.Helper()
	what := fmt.Sprintf("%s %s → %d", method, openAPIPath(routeTemplate), status)
	ptr, resp, err := openAPIResponse(openAPIDoc(t), method, routeTemplate, status)
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	content, _ := resp["content"].(map[string]any)
	if len(content) == 0 {
		if len(body) > 0 {
			t.Errorf("%s: documented without a body, got %d bytes", what, len(body))
		}
		return
	}
	mediaType := ""
	if contentType != "" {
		mt, _, err := mime.ParseMediaType(contentType)
		if err != nil {
			t.Errorf("%s: Content-Type %q: %v", what, contentType, err)
			return
		}
		if _, ok := content[mt]; !ok {
			t.Errorf("%s: Content-Type %s is not documented (documented: %s)", what, mt, strings.Join(sortedKeys(content), ", "))
			return
		}
		mediaType = mt
	} else {
		_, jsonDocumented := content[mediaJSON]
		switch {
		case jsonDocumented && (json.Valid(body) || len(content) == 1):
			mediaType = mediaJSON
		default:
			for _, mt := range sortedKeys(content) {
				if mt != mediaJSON {
					mediaType = mt
					break
				}
			}
		}
	}
	sch, err := openAPISchema(t, ptr+jsonPointer("content", mediaType, "schema"))
	if err != nil {
		t.Errorf("%s: compile the schema of %s: %v", what, mediaType, err)
		return
	}
	var instance any = string(body)
	if mediaType == mediaJSON || strings.HasSuffix(mediaType, "+json") {
		if instance, err = jsonschema.UnmarshalJSON(bytes.NewReader(body)); err != nil {
			t.Errorf("%s: the body is not JSON: %v\n%.500s", what, err, body)
			return
		}
	}
	if err := sch.Validate(instance); err != nil {
		t.Errorf("%s: the body does not match openapi.json:\n  %s\nbody: %.1000s", what, strings.Join(validationProblems(err, 8), "\n  "), body)
	}
}

var validationPrinter = message.NewPrinter(language.English)

// validationProblems lists the innermost errors of a validation, at most limit of them.
func validationProblems(err error, limit int) []string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []string{err.Error()}
	}
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			at := jsonPointer(e.InstanceLocation...)
			if at == "" {
				at = "(root)"
			}
			out = append(out, fmt.Sprintf("at %s: %s [%s]", at, e.ErrorKind.LocalizedString(validationPrinter), e.SchemaURL))
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	if len(out) > limit {
		out = append(out[:limit], fmt.Sprintf("… and %d more", len(out)-limit))
	}
	return out
}

// validateResponseHeaders fails t when a header the response documents as
// required is missing.
func validateResponseHeaders(t testing.TB, method, routeTemplate string, status int, h http.Header) {
	t.Helper()
	doc := openAPIDoc(t)
	_, resp, err := openAPIResponse(doc, method, routeTemplate, status)
	if err != nil {
		return // validateResponse reports it
	}
	headers, _ := resp["headers"].(map[string]any)
	for _, name := range sortedKeys(headers) {
		hv := headers[name].(map[string]any)
		if ref, ok := hv["$ref"].(string); ok {
			v, ok := lookupPointer(doc, strings.TrimPrefix(ref, "#"))
			if !ok {
				t.Errorf("header %s: $ref %s does not resolve", name, ref)
				continue
			}
			hv = v.(map[string]any)
		}
		if req, _ := hv["required"].(bool); req && h.Get(name) == "" {
			t.Errorf("%s %s → %d: header %s is documented as always sent but missing", method, openAPIPath(routeTemplate), status, name)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// documentedOperations lists "METHOD /path" of every operation in the document.
func documentedOperations(doc map[string]any) []string {
	var ops []string
	paths, _ := doc["paths"].(map[string]any)
	for path, item := range paths {
		for _, m := range openAPIMethods {
			if _, ok := item.(map[string]any)[m]; ok {
				ops = append(ops, strings.ToUpper(m)+" "+path)
			}
		}
	}
	slices.Sort(ops)
	return ops
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	s := newTestServerWith(t, gormtest.OpenTest(t, gormstore.BackendSQLite), Config{})
	doc := openAPIDoc(t)
	documented := documentedOperations(doc)

	var routed []string
	for _, ri := range s.router.Routes() {
		routed = append(routed, ri.Method+" "+openAPIPath(ri.Path))
	}
	slices.Sort(routed)
	if len(routed) == 0 {
		t.Fatal("the router has no routes")
	}
	for _, op := range routed {
		if !slices.Contains(documented, op) {
			t.Errorf("route %s is not documented in openapi.json", op)
		}
	}
	for _, op := range documented {
		if !slices.Contains(routed, op) {
			t.Errorf("openapi.json documents %s, which has no route", op)
		}
	}
}

func TestOpenAPIIsValid(t *testing.T) {
	doc := openAPIDoc(t)

	t.Run("is OpenAPI 3.1.0 with info and servers", func(t *testing.T) {
		if doc["openapi"] != "3.1.0" {
			t.Errorf("openapi is %v, want 3.1.0", doc["openapi"])
		}
		info, _ := doc["info"].(map[string]any)
		if info["title"] != "Styring" || info["version"] == "" || info["version"] == nil {
			t.Errorf("info title %v, version %v", info["title"], info["version"])
		}
		if d, _ := info["description"].(string); !strings.Contains(d, "nb") || !strings.Contains(d, "en") {
			t.Errorf("info.description does not say messages are in nb or en: %q", d)
		}
		servers, _ := doc["servers"].([]any)
		if len(servers) != 1 || servers[0].(map[string]any)["url"] != "/" {
			t.Errorf("servers %v, want [{url: /}]", servers)
		}
	})

	t.Run("every $ref resolves", func(t *testing.T) {
		var walk func(at string, v any)
		refs := 0
		walk = func(at string, v any) {
			switch x := v.(type) {
			case map[string]any:
				if ref, ok := x["$ref"].(string); ok {
					refs++
					if !strings.HasPrefix(ref, "#") {
						t.Errorf("%s: $ref %q is not inside the document", at, ref)
					} else if _, ok := lookupPointer(doc, ref[1:]); !ok {
						t.Errorf("%s: $ref %q does not resolve", at, ref)
					}
				}
				for k, e := range x {
					walk(at+jsonPointer(k), e)
				}
			case []any:
				for i, e := range x {
					walk(at+"/"+strconv.Itoa(i), e)
				}
			}
		}
		walk("", doc)
		if refs == 0 {
			t.Error("no $ref at all: the walk is broken")
		}
	})

	t.Run("every component schema compiles as JSON Schema 2020-12", func(t *testing.T) {
		schemas, _ := lookupPointer(doc, "/components/schemas")
		names := sortedKeys(schemas.(map[string]any))
		for _, want := range []string{"CheckResult", "Violation", "Summary", "BatchResponse", "BatchItem", "Submission",
			"Initiative", "InitiativeView", "InitiativePage", "InitiativeVersions", "Decision", "ReplayResponse",
			"Rule", "RuleList", "PolicyInfo", "Health", "Ready", "Error", "Waiver", "WaiverList"} {
			if !slices.Contains(names, want) {
				t.Errorf("components/schemas has no %s", want)
			}
		}
		for _, name := range names {
			if _, err := openAPISchema(t, jsonPointer("components", "schemas", name)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	})

	t.Run("every operation is described and its schemas compile", func(t *testing.T) {
		ids := map[string]string{}
		paths := doc["paths"].(map[string]any)
		for _, path := range sortedKeys(paths) {
			item := paths[path].(map[string]any)
			for _, m := range openAPIMethods {
				raw, ok := item[m]
				if !ok {
					continue
				}
				op := raw.(map[string]any)
				name := strings.ToUpper(m) + " " + path
				id, _ := op["operationId"].(string)
				if id == "" {
					t.Errorf("%s has no operationId", name)
				} else if other, dup := ids[id]; dup {
					t.Errorf("%s and %s share operationId %s", name, other, id)
				}
				ids[id] = name
				for _, field := range []string{"summary", "description"} {
					if s, _ := op[field].(string); s == "" {
						t.Errorf("%s has no %s", name, field)
					}
				}
				// Every {param} of the path is a required path parameter.
				var pathParams []string
				params, _ := op["parameters"].([]any)
				for _, p := range params {
					pm := p.(map[string]any)
					if ref, ok := pm["$ref"].(string); ok {
						v, _ := lookupPointer(doc, strings.TrimPrefix(ref, "#"))
						pm, _ = v.(map[string]any)
					}
					if pm["in"] == "path" {
						if pm["required"] != true {
							t.Errorf("%s: path parameter %v is not required", name, pm["name"])
						}
						pathParams = append(pathParams, pm["name"].(string))
					}
				}
				for _, sub := range regexp.MustCompile(`\{([^}]+)\}`).FindAllStringSubmatch(path, -1) {
					if !slices.Contains(pathParams, sub[1]) {
						t.Errorf("%s: path parameter {%s} is not described", name, sub[1])
					}
				}
				responses, _ := op["responses"].(map[string]any)
				if len(responses) == 0 {
					t.Errorf("%s has no responses", name)
				}
				for _, code := range sortedKeys(responses) {
					status, err := strconv.Atoi(code)
					if err != nil {
						t.Errorf("%s: response %q is not a status", name, code)
						continue
					}
					ptr, resp, err := openAPIResponse(doc, strings.ToUpper(m), path, status)
					if err != nil {
						t.Errorf("%s: %v", name, err)
						continue
					}
					if d, _ := resp["description"].(string); d == "" {
						t.Errorf("%s → %s has no description", name, code)
					}
					content, _ := resp["content"].(map[string]any)
					for _, mt := range sortedKeys(content) {
						if _, err := openAPISchema(t, ptr+jsonPointer("content", mt, "schema")); err != nil {
							t.Errorf("%s → %s %s: %v", name, code, mt, err)
						}
					}
				}
			}
		}
	})

	t.Run("bearer authentication is required except on the public operations", func(t *testing.T) {
		v, ok := lookupPointer(doc, "/components/securitySchemes/bearerAuth")
		if !ok {
			t.Fatal("no components/securitySchemes/bearerAuth")
		}
		scheme := v.(map[string]any)
		if scheme["type"] != "http" || scheme["scheme"] != "bearer" {
			t.Errorf("bearerAuth is %v, want HTTP bearer", scheme)
		}
		if fmt.Sprint(doc["security"]) != "[map[bearerAuth:[]]]" {
			t.Errorf("global security %v, want bearerAuth", doc["security"])
		}
		paths := doc["paths"].(map[string]any)
		srv := newTestServer(t, gormstore.BackendSQLite)
		for route, a := range srv.access {
			if !a.public {
				continue
			}
			method, path, _ := strings.Cut(route, " ")
			path = regexp.MustCompile(`[:*](\w+)`).ReplaceAllString(path, "{$1}")
			op, ok := paths[path].(map[string]any)[strings.ToLower(method)].(map[string]any)
			if !ok {
				t.Errorf("public route %s is not documented", route)
				continue
			}
			if sec, ok := op["security"].([]any); !ok || len(sec) != 0 {
				t.Errorf("public route %s does not say security: []", route)
			}
		}
	})

	t.Run("CheckResult keeps the shape of the shared check-result schema", func(t *testing.T) {
		raw, err := os.ReadFile(repotest.Path(t, repotest.Spec+"/check-result.schema.json"))
		if err != nil {
			t.Fatal(err)
		}
		var shared map[string]any
		if err := json.Unmarshal(raw, &shared); err != nil {
			t.Fatal(err)
		}
		ours := func(ptr string) map[string]any {
			v, ok := lookupPointer(doc, ptr)
			if !ok {
				t.Fatalf("no %s", ptr)
			}
			return v.(map[string]any)
		}
		sharedViolation := shared["properties"].(map[string]any)["violations"].(map[string]any)["items"].(map[string]any)
		for _, c := range []struct {
			name         string
			shared, ours map[string]any
		}{
			{"CheckResult", shared, ours("/components/schemas/CheckResult")},
			{"Summary", shared["properties"].(map[string]any)["summary"].(map[string]any), ours("/components/schemas/Summary")},
			{"Violation", sharedViolation, ours("/components/schemas/Violation")},
		} {
			if fmt.Sprint(c.shared["required"]) != fmt.Sprint(c.ours["required"]) {
				t.Errorf("%s requires %v, the shared schema %v", c.name, c.ours["required"], c.shared["required"])
			}
			if a, b := sortedKeys(c.shared["properties"].(map[string]any)), sortedKeys(c.ours["properties"].(map[string]any)); !slices.Equal(a, b) {
				t.Errorf("%s has properties %v, the shared schema %v", c.name, b, a)
			}
		}
		ourViolation := ours("/components/schemas/Violation")["properties"].(map[string]any)
		for _, prop := range []string{"rule_id", "severity", "category"} {
			s, o := sharedViolation["properties"].(map[string]any)[prop].(map[string]any), ourViolation[prop].(map[string]any)
			if fmt.Sprint(s["enum"], s["pattern"]) != fmt.Sprint(o["enum"], o["pattern"]) {
				t.Errorf("Violation.%s is %v, the shared schema %v", prop, o, s)
			}
		}
	})
}

// openAPICase is one request of TestOpenAPIResponsesValidate and what it must answer.
type openAPICase struct {
	name   string
	server *Server // nil: the test's main server
	method string
	target string // {key} placeholders are filled from what earlier cases kept
	route  string // the Gin route that answers; "" when none matches
	header map[string]string
	body   io.Reader
	want   int
	// check makes further assertions and keeps values for later cases.
	check func(t *testing.T, rec *httptest.ResponseRecorder, kept map[string]string)
}

// TestOpenAPIResponsesValidate drives every route through the real router and
// checks that each answer, success or error, is the one openapi.json documents.
func TestOpenAPIResponsesValidate(t *testing.T) {
	s := newTestServerWith(t, gormtest.OpenTest(t, gormstore.BackendSQLite), Config{})
	// A server whose database is gone: readiness and store routes answer 503.
	closedStore := gormtest.OpenTestOptions(t, gormstore.BackendSQLite, gormstore.Options{QueryTimeout: time.Second})
	down := newTestServerWith(t, closedStore, Config{StoreTimeout: time.Second})
	closedStore.Close()

	body := func(b []byte) io.Reader { return bytes.NewReader(b) }
	jsonHeader := map[string]string{"Content-Type": mediaJSON}
	with := func(extra map[string]string) map[string]string {
		h := map[string]string{"Content-Type": mediaJSON}
		for k, v := range extra {
			h[k] = v
		}
		return h
	}
	decodeAs := func(t *testing.T, rec *httptest.ResponseRecorder, v any) {
		t.Helper()
		if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
			t.Fatalf("decode %T: %v", v, err)
		}
	}
	wantHeader := func(name, want string) func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
		return func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
			if got := rec.Header().Get(name); got != want {
				t.Errorf("%s %q, want %q", name, got, want)
			}
		}
	}

	valid := example(t, "omstilling-valid")  // HP2124-OSK-014, no violations
	refused := example(t, "digital-wcag-20") // UU-001 error
	validV2 := exampleWith(t, "omstilling-valid", map[string]any{"title": "Omstilling av skolefritidsordningen, versjon 2"})
	idem := exampleWith(t, "omstilling-valid", map[string]any{"id": "HP2124-OSK-914"})
	idemOther := exampleWith(t, "omstilling-valid", map[string]any{"id": "HP2124-OSK-914", "title": "Et annet forslag"})
	noID := exampleWith(t, "omstilling-valid", map[string]any{"id": nil})
	unknownID := exampleWith(t, "omstilling-valid", map[string]any{"id": "HP2124-OSK-999"})
	var batch bytes.Buffer
	batch.WriteString("[")
	for i, name := range []string{"omstilling-valid", "digital-wcag-20", "schema-invalid"} {
		if i > 0 {
			batch.WriteString(",")
		}
		batch.Write(example(t, name))
	}
	batch.WriteString("]")
	compact := func(raw []byte) []byte {
		var b bytes.Buffer
		if err := json.Compact(&b, raw); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	ndjson := bytes.Join([][]byte{compact(valid), []byte(`{"title": "uferdig`), compact(refused)}, []byte("\n"))
	tooManyItems := bytes.Repeat([]byte("{}\n"), 1001)
	nextYear := time.Now().UTC().AddDate(1, 0, 0).Format(time.DateOnly) // a waiver's expiry must be after today
	overLimit := bytes.Repeat([]byte(" "), 1<<20+1)
	// The forms as a browser sends them: this site's Origin, the login form's
	// CSRF token in its cookie and field, a session and its token for logout.
	formCSRF := newBrowser(t, s).loginForm()
	form := func(extra map[string]string) map[string]string {
		h := map[string]string{"Authorization": "", "Content-Type": "application/x-www-form-urlencoded", "Origin": ownOrigin, "Cookie": csrfCookie + "=" + formCSRF}
		for k, v := range extra {
			h[k] = v
		}
		return h
	}
	leader := issueToken(t, s, "openapi-leder", models.RoleLeder)
	session, leaving := newBrowser(t, s).mustLogin(leader), newBrowser(t, s).mustLogin(leader)
	// A server that has seen too many failed logins from the tests' address.
	// Its clock stands still, so the bucket does not refill while the cases run.
	throttled := newTestServerWith(t, gormtest.OpenTest(t, gormstore.BackendSQLite), Config{})
	stopped := time.Now()
	throttled.now = func() time.Time { return stopped }
	for range addrFailures {
		throttled.sess.failures.fail(stopped, "192.0.2.1", "")
	}

	cases := []openAPICase{
		// Health, readiness, metrics and this document, at the root and under /api/v1.
		{name: "the front page leads an anonymous visitor to the login form", method: "GET", target: "/", route: "/", header: map[string]string{"Authorization": ""}, want: 303},
		{name: "healthz answers ok", method: "GET", target: "/healthz", route: "/healthz", want: 200},
		{name: "healthz alias answers ok", method: "GET", target: "/api/v1/healthz", route: "/api/v1/healthz", want: 200},
		{name: "readyz answers ready", method: "GET", target: "/readyz", route: "/readyz", want: 200},
		{name: "readyz alias answers ready", method: "GET", target: "/api/v1/readyz", route: "/api/v1/readyz", want: 200},
		{name: "readyz answers 503 when the database is gone", server: down, method: "GET", target: "/readyz", route: "/readyz", want: 503},
		{name: "readyz alias answers 503 when the database is gone", server: down, method: "GET", target: "/api/v1/readyz", route: "/api/v1/readyz", want: 503},
		{name: "metrics are Prometheus text", method: "GET", target: "/metrics", route: "/metrics", want: 200},
		{name: "metrics alias are Prometheus text", method: "GET", target: "/api/v1/metrics", route: "/api/v1/metrics", want: 200},
		{name: "serves this document", method: "GET", target: "/api/v1/openapi.json", route: "/api/v1/openapi.json", want: 200,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
				if !bytes.Equal(rec.Body.Bytes(), openAPIDocument) {
					t.Error("GET /api/v1/openapi.json is not the embedded document")
				}
			}},
		{name: "echoes a well-formed X-Request-Id", method: "GET", target: "/healthz", route: "/healthz",
			header: map[string]string{"X-Request-Id": "case-42"}, want: 200, check: wantHeader("X-Request-Id", "case-42")},

		// POST /api/v1/check
		{name: "check answers a result with violations", method: "POST", target: "/api/v1/check", route: "/api/v1/check",
			header: jsonHeader, body: body(refused), want: 200,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
				var res struct{ Allowed bool }
				decodeAs(t, rec, &res)
				if res.Allowed {
					t.Error("digital-wcag-20 is allowed; want UU-001 to block it")
				}
			}},
		{name: "check answers in English at an as-of date", method: "POST", target: "/api/v1/check?lang=en&as_of=2023-01-01", route: "/api/v1/check",
			header: jsonHeader, body: body(refused), want: 200},
		{name: "check follows Accept-Language", method: "POST", target: "/api/v1/check", route: "/api/v1/check",
			header: with(map[string]string{"Accept-Language": "en-GB,nb;q=0.5"}), body: body(valid), want: 200},
		{name: "check answers schema errors as DAT-001", method: "POST", target: "/api/v1/check", route: "/api/v1/check",
			header: jsonHeader, body: body(example(t, "schema-invalid")), want: 200},
		{name: "check of a non-object answers DAT-001 at the root path", method: "POST", target: "/api/v1/check", route: "/api/v1/check",
			header: jsonHeader, body: strings.NewReader(`[]`), want: 200,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
				if !bytes.Contains(rec.Body.Bytes(), []byte(`"path":""`)) {
					t.Errorf("no violation at path \"\": %s", rec.Body)
				}
			}},
		{name: "draft check answers DAT-001 and the other rules, marked draft with no decision id", method: "POST", target: "/api/v1/check?draft=true", route: "/api/v1/check",
			header: jsonHeader, body: body(exampleWith(t, "nytt-tiltak-unfinanced", map[string]any{"title": nil})), want: 200,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
				for _, want := range []string{`"draft":true`, `"decision_id":""`, `"DAT-001"`, `"BUD-003"`} {
					if !bytes.Contains(rec.Body.Bytes(), []byte(want)) {
						t.Errorf("the draft result lacks %s: %s", want, rec.Body)
					}
				}
			}},
		{name: "check rejects an as_of that is not a date", method: "POST", target: "/api/v1/check?as_of=2023-13-45", route: "/api/v1/check",
			header: jsonHeader, body: body(valid), want: 400},
		{name: "check rejects an unknown lang", method: "POST", target: "/api/v1/check?lang=de", route: "/api/v1/check",
			header: jsonHeader, body: body(valid), want: 400},
		{name: "check rejects malformed JSON naming line and column", method: "POST", target: "/api/v1/check", route: "/api/v1/check",
			header: jsonHeader, body: strings.NewReader("{\n  \"title\": }"), want: 400},
		{name: "check rejects a body that is not JSON by Content-Type", method: "POST", target: "/api/v1/check", route: "/api/v1/check",
			header: map[string]string{"Content-Type": "text/plain"}, body: body(valid), want: 415},
		{name: "check rejects a body over the limit", method: "POST", target: "/api/v1/check", route: "/api/v1/check",
			header: jsonHeader, body: body(overLimit), want: 413},
		{name: "check is not served for GET", method: "GET", target: "/api/v1/check", route: "/api/v1/check", want: 405,
			check: wantHeader("Allow", "POST")},

		// POST /api/v1/check/batch
		{name: "batch checks a JSON array in order", method: "POST", target: "/api/v1/check/batch", route: "/api/v1/check/batch",
			header: jsonHeader, body: body(batch.Bytes()), want: 200},
		{name: "batch answers a malformed NDJSON line as an item error", method: "POST", target: "/api/v1/check/batch?lang=en", route: "/api/v1/check/batch",
			header: map[string]string{"Content-Type": mediaNDJSON}, body: body(ndjson), want: 200,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
				var out app.Batch
				decodeAs(t, rec, &out)
				if out.Summary != (app.BatchSummary{Items: 3, Allowed: 1, Denied: 1, Errors: 1}) || out.Results[1].Error == nil {
					t.Errorf("summary %+v, item 1 error %v", out.Summary, out.Results[1].Error)
				}
			}},
		{name: "batch rejects JSON that is not an array", method: "POST", target: "/api/v1/check/batch", route: "/api/v1/check/batch",
			header: jsonHeader, body: body(valid), want: 400},
		{name: "batch rejects more proposals than allowed", method: "POST", target: "/api/v1/check/batch", route: "/api/v1/check/batch",
			header: map[string]string{"Content-Type": mediaNDJSON}, body: body(tooManyItems), want: 413},
		{name: "batch rejects another media type", method: "POST", target: "/api/v1/check/batch", route: "/api/v1/check/batch",
			header: map[string]string{"Content-Type": "text/csv"}, body: body(valid), want: 415},

		// POST /api/v1/initiatives
		{name: "submit stores a valid initiative", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: jsonHeader, body: body(valid), want: 201,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, kept map[string]string) {
				var sub app.Submission
				decodeAs(t, rec, &sub)
				if sub.Initiative == nil || rec.Header().Get("ETag") != `"1"` || rec.Header().Get("Location") != "/api/v1/initiatives/HP2124-OSK-014" {
					t.Fatalf("initiative %v, ETag %q, Location %q", sub.Initiative, rec.Header().Get("ETag"), rec.Header().Get("Location"))
				}
				kept["decision"] = sub.Result.DecisionID
			}},
		{name: "submit refuses an initiative with an error", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: jsonHeader, body: body(refused), want: 422},
		{name: "submit refuses a second initiative with the same id", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: jsonHeader, body: body(valid), want: 409},
		{name: "submit gives an id to an initiative without one", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: jsonHeader, body: body(noID), want: 201},
		{name: "submit with an Idempotency-Key stores once", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: with(map[string]string{"Idempotency-Key": "key-1"}), body: body(idem), want: 201},
		{name: "a retry with the same Idempotency-Key gets the first answer", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: with(map[string]string{"Idempotency-Key": "key-1"}), body: body(idem), want: 201, check: wantHeader("Idempotent-Replayed", "true")},
		{name: "the same Idempotency-Key with another body is a conflict", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: with(map[string]string{"Idempotency-Key": "key-1"}), body: body(idemOther), want: 409},
		{name: "a refusal with an Idempotency-Key is remembered", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: with(map[string]string{"Idempotency-Key": "key-2"}), body: body(refused), want: 422},
		{name: "a retry of a refusal gets the remembered refusal", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: with(map[string]string{"Idempotency-Key": "key-2"}), body: body(refused), want: 422, check: wantHeader("Idempotent-Replayed", "true")},
		{name: "submit rejects an Idempotency-Key over 200 characters", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: with(map[string]string{"Idempotency-Key": strings.Repeat("k", 201)}), body: body(valid), want: 400},
		{name: "submit rejects JSON that is not an object", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: jsonHeader, body: strings.NewReader(`["HP2124-OSK-014"]`), want: 400},
		{name: "submit rejects a body without Content-Type", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			body: body(valid), want: 415},
		{name: "submit rejects a body of unknown length over the limit", method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: jsonHeader, body: io.MultiReader(bytes.NewReader(overLimit)), want: 413},
		{name: "submit answers 503 when the database is gone", server: down, method: "POST", target: "/api/v1/initiatives", route: "/api/v1/initiatives",
			header: jsonHeader, body: body(valid), want: 503},

		// GET and PUT /api/v1/initiatives/:id, versions
		{name: "get answers the latest version with its result", method: "GET", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			want: 200, check: wantHeader("ETag", `"1"`)},
		{name: "get answers 404 for an unknown initiative", method: "GET", target: "/api/v1/initiatives/HP2124-OSK-999", route: "/api/v1/initiatives/:id", want: 404},
		{name: "get answers 503 when the database is gone", server: down, method: "GET", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id", want: 503},
		{name: "update stores the next version when If-Match is current", method: "PUT", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			header: with(map[string]string{"If-Match": `"1"`}), body: body(validV2), want: 200, check: wantHeader("ETag", `"2"`)},
		{name: "update with a stale If-Match fails the precondition", method: "PUT", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			header: with(map[string]string{"If-Match": `"1"`}), body: body(validV2), want: 412},
		{name: "update rejects an If-Match that is not a version", method: "PUT", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			header: with(map[string]string{"If-Match": "yesterday"}), body: body(validV2), want: 400},
		{name: "update rejects a body whose id differs from the path", method: "PUT", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			header: jsonHeader, body: body(example(t, "digital-valid")), want: 400},
		{name: "update refuses a version with an error", method: "PUT", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			header: jsonHeader, body: body(example(t, "omstilling-no-benefits-plan")), want: 422},
		{name: "update answers 404 for an unknown initiative", method: "PUT", target: "/api/v1/initiatives/HP2124-OSK-999", route: "/api/v1/initiatives/:id",
			header: jsonHeader, body: body(unknownID), want: 404},
		{name: "update answers 404 for an id no initiative can have", method: "PUT", target: "/api/v1/initiatives/-bad", route: "/api/v1/initiatives/:id",
			header: jsonHeader, body: body(valid), want: 404},
		{name: "update rejects another media type", method: "PUT", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			header: map[string]string{"Content-Type": "application/xml"}, body: body(valid), want: 415},
		{name: "update rejects a body over the limit", method: "PUT", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			header: jsonHeader, body: body(overLimit), want: 413},
		{name: "an initiative cannot be deleted", method: "DELETE", target: "/api/v1/initiatives/HP2124-OSK-014", route: "/api/v1/initiatives/:id",
			want: 405, check: wantHeader("Allow", "GET, PUT")},
		{name: "versions lists every version with its decision", method: "GET", target: "/api/v1/initiatives/HP2124-OSK-014/versions", route: "/api/v1/initiatives/:id/versions",
			want: 200, check: func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
				var out struct{ Versions []struct{ Version int } }
				decodeAs(t, rec, &out)
				if len(out.Versions) != 2 {
					t.Errorf("%d versions, want 2", len(out.Versions))
				}
			}},
		{name: "versions answers 404 for an unknown initiative", method: "GET", target: "/api/v1/initiatives/HP2124-OSK-999/versions", route: "/api/v1/initiatives/:id/versions", want: 404},

		// Waivers of /api/v1/initiatives/:id
		{name: "waivers answers an empty list", method: "GET", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers", want: 200},
		{name: "create waiver waives a rule", method: "POST", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers",
			header: jsonHeader, body: body(waiverBody("KPI-004", "Etter-målingen kommer med årsrapporten", nextYear)), want: 201,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, kept map[string]string) {
				var w waiverView
				decodeAs(t, rec, &w)
				kept["waiver"], kept["waiver_decision"] = w.ID, w.DecisionID
			}},
		{name: "create waiver refuses a rule of category legal", method: "POST", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers",
			header: jsonHeader, body: body(waiverBody("PRV-002", "Vi venter på DPIA", nextYear)), want: 422},
		{name: "create waiver refuses a rule the catalog does not have", method: "POST", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers",
			header: jsonHeader, body: body(waiverBody("XYZ-999", "Ukjent", nextYear)), want: 422},
		{name: "create waiver rejects an expiry that is not after today", method: "POST", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers",
			header: jsonHeader, body: body(waiverBody("KPI-004", "For sent", "2020-01-01")), want: 400},
		{name: "create waiver rejects another media type", method: "POST", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers",
			header: map[string]string{"Content-Type": "text/plain"}, body: body(waiverBody("KPI-004", "r", nextYear)), want: 415},
		{name: "create waiver rejects a body over the limit", method: "POST", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers",
			header: jsonHeader, body: body(overLimit), want: 413},
		{name: "create waiver answers 404 for an unknown initiative", method: "POST", target: "/api/v1/initiatives/HP2124-OSK-999/waivers", route: "/api/v1/initiatives/:id/waivers",
			header: jsonHeader, body: body(waiverBody("KPI-004", "r", nextYear)), want: 404},
		{name: "create waiver answers 503 when the database is gone", server: down, method: "POST", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers",
			header: jsonHeader, body: body(waiverBody("KPI-004", "r", nextYear)), want: 503},
		{name: "waivers lists the waiver as active", method: "GET", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers", want: 200,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
				var out waiverList
				decodeAs(t, rec, &out)
				if len(out.Waivers) != 1 || !out.Waivers[0].Active {
					t.Errorf("waivers %+v, want one active", out.Waivers)
				}
			}},
		{name: "waivers answers 404 for an unknown initiative", method: "GET", target: "/api/v1/initiatives/HP2124-OSK-999/waivers", route: "/api/v1/initiatives/:id/waivers", want: 404},
		{name: "waivers answers 503 when the database is gone", server: down, method: "GET", target: "/api/v1/initiatives/HP2124-OSK-014/waivers", route: "/api/v1/initiatives/:id/waivers", want: 503},
		{name: "decision of a waiver is there at once", method: "GET", target: "/api/v1/decisions/{waiver_decision}", route: "/api/v1/decisions/:id", want: 200},
		{name: "revoke waiver revokes it", method: "DELETE", target: "/api/v1/initiatives/HP2124-OSK-014/waivers/{waiver}", route: "/api/v1/initiatives/:id/waivers/:waiver_id", want: 200},
		{name: "revoke waiver twice is a conflict", method: "DELETE", target: "/api/v1/initiatives/HP2124-OSK-014/waivers/{waiver}", route: "/api/v1/initiatives/:id/waivers/:waiver_id", want: 409},
		{name: "revoke waiver answers 404 for an unknown waiver", method: "DELETE", target: "/api/v1/initiatives/HP2124-OSK-014/waivers/W-nope", route: "/api/v1/initiatives/:id/waivers/:waiver_id", want: 404},
		{name: "revoke waiver answers 503 when the database is gone", server: down, method: "DELETE", target: "/api/v1/initiatives/HP2124-OSK-014/waivers/W-nope", route: "/api/v1/initiatives/:id/waivers/:waiver_id", want: 503},

		// GET /api/v1/initiatives
		{name: "list answers the first page with a cursor", method: "GET", target: "/api/v1/initiatives?limit=1", route: "/api/v1/initiatives", want: 200,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, kept map[string]string) {
				var page struct {
					Total      int
					NextCursor string `json:"next_cursor"`
				}
				decodeAs(t, rec, &page)
				if page.Total != 3 || page.NextCursor == "" {
					t.Fatalf("total %d, next_cursor %q; want 3 and a cursor", page.Total, page.NextCursor)
				}
				kept["cursor"] = page.NextCursor
			}},
		{name: "list answers the page after a cursor", method: "GET", target: "/api/v1/initiatives?limit=1&cursor={cursor}", route: "/api/v1/initiatives", want: 200},
		{name: "list filters by every field", method: "GET", target: "/api/v1/initiatives?sector=OSK&status=forslag&type=omstilling&allowed=true&q=skole&page=1&limit=50", route: "/api/v1/initiatives", want: 200},
		{name: "list answers an empty page past the end", method: "GET", target: "/api/v1/initiatives?page=9", route: "/api/v1/initiatives", want: 200},
		{name: "list rejects an unknown sector", method: "GET", target: "/api/v1/initiatives?sector=XYZ", route: "/api/v1/initiatives", want: 400},
		{name: "list rejects a limit of 0", method: "GET", target: "/api/v1/initiatives?limit=0", route: "/api/v1/initiatives", want: 400},
		{name: "list rejects allowed that is not a boolean", method: "GET", target: "/api/v1/initiatives?allowed=maybe", route: "/api/v1/initiatives", want: 400},
		{name: "list rejects cursor and page together", method: "GET", target: "/api/v1/initiatives?cursor={cursor}&page=2", route: "/api/v1/initiatives", want: 400},
		{name: "list rejects a cursor it did not give", method: "GET", target: "/api/v1/initiatives?cursor=forged", route: "/api/v1/initiatives", want: 400},
		{name: "list answers 503 when the database is gone", server: down, method: "GET", target: "/api/v1/initiatives", route: "/api/v1/initiatives", want: 503},

		// Decisions
		{name: "decision of a submission is there at once", method: "GET", target: "/api/v1/decisions/{decision}", route: "/api/v1/decisions/:id", want: 200},
		{name: "decision answers 404 for an unknown id", method: "GET", target: "/api/v1/decisions/0190a000-0000-7000-8000-000000000000", route: "/api/v1/decisions/:id", want: 404},
		{name: "replay evaluates a decision again", method: "POST", target: "/api/v1/decisions/{decision}/replay?lang=en", route: "/api/v1/decisions/:id/replay", want: 200},
		{name: "replay answers 404 for an unknown decision", method: "POST", target: "/api/v1/decisions/nope/replay", route: "/api/v1/decisions/:id/replay", want: 404},
		{name: "replay rejects an unknown lang", method: "POST", target: "/api/v1/decisions/{decision}/replay?lang=sv", route: "/api/v1/decisions/:id/replay", want: 400},
		{name: "decision answers 503 when the database is gone", server: down, method: "GET", target: "/api/v1/decisions/{decision}", route: "/api/v1/decisions/:id", want: 503},

		// Rules and policy
		{name: "rules lists the catalog", method: "GET", target: "/api/v1/rules", route: "/api/v1/rules", want: 200},
		{name: "rule answers one rule", method: "GET", target: "/api/v1/rules/BEN-001", route: "/api/v1/rules/:id", want: 200},
		{name: "rule answers 404 for an unknown rule", method: "GET", target: "/api/v1/rules/XYZ-999", route: "/api/v1/rules/:id", want: 404},
		{name: "policy names the active revision", method: "GET", target: "/api/v1/policy", route: "/api/v1/policy", want: 200},
		{name: "reload keeps the same revision", method: "POST", target: "/api/v1/policy/reload", route: "/api/v1/policy/reload", want: 200},
		{name: "impact of the active bundle changes nothing", method: "POST", target: "/api/v1/policy/impact", route: "/api/v1/policy/impact",
			header: map[string]string{"Content-Type": "application/gzip"}, body: body(activeBundle(t, s)), want: 200},
		{name: "impact refuses what is not a bundle", method: "POST", target: "/api/v1/policy/impact", route: "/api/v1/policy/impact",
			header: map[string]string{"Content-Type": "application/gzip"}, body: body([]byte("no")), want: 422},
		{name: "impact refuses JSON", method: "POST", target: "/api/v1/policy/impact", route: "/api/v1/policy/impact",
			header: jsonHeader, body: body([]byte("{}")), want: 415},
		{name: "no token is 401", method: "GET", target: "/api/v1/policy", route: "/api/v1/policy", header: map[string]string{"Authorization": ""}, want: 401},
		{name: "a wrong token is 401", method: "GET", target: "/api/v1/policy", route: "/api/v1/policy", header: map[string]string{"Authorization": "Bearer sty_wrong"}, want: 401},
		{name: "the login form", method: "GET", target: "/login", route: "/login", header: map[string]string{"Authorization": ""}, want: 200},
		{name: "login with a wrong token shows the form again", method: "POST", target: "/login", route: "/login",
			header: form(nil), body: body([]byte("token=sty_wrong&csrf=" + formCSRF)), want: 401},
		{name: "login without a token", method: "POST", target: "/login", route: "/login",
			header: form(nil), body: body([]byte("token=&csrf=" + formCSRF)), want: 400},
		{name: "login without the csrf field is refused", method: "POST", target: "/login", route: "/login",
			header: form(nil), body: body([]byte("token=sty_wrong")), want: 403},
		{name: "login from another site is refused", method: "POST", target: "/login", route: "/login",
			header: form(map[string]string{"Origin": "https://evil.example"}), body: body([]byte("token=sty_wrong&csrf=" + formCSRF)), want: 403},
		{name: "login after too many failures waits", server: throttled, method: "POST", target: "/login", route: "/login",
			header: form(nil), body: body([]byte("token=sty_wrong&csrf=" + formCSRF)), want: 429},
		{name: "login answers 503 when the database is gone", server: down, method: "POST", target: "/login", route: "/login",
			header: form(nil), body: body([]byte("token=sty_wrong&csrf=" + formCSRF)), want: 503},
		{name: "logout", method: "POST", target: "/logout", route: "/logout",
			header: form(map[string]string{"Cookie": sessionCookie + "=" + leaving}), body: body([]byte("csrf=" + sessionCSRF(leaving))), want: 303},
		{name: "logout without the csrf field is refused", method: "POST", target: "/logout", route: "/logout",
			header: form(map[string]string{"Cookie": sessionCookie + "=" + session}), body: body([]byte("x=1")), want: 403},
		{name: "a bad token after too many failures waits", server: throttled, method: "GET", target: "/api/v1/policy", route: "/api/v1/policy",
			header: map[string]string{"Authorization": "Bearer sty_wrong"}, want: 429},
		{name: "a page after too many failures waits", server: throttled, method: "GET", target: "/reports/compliance", route: "/reports/compliance",
			header: map[string]string{"Authorization": "Bearer sty_wrong"}, want: 429},
		{name: "the report's JSON takes a manager's session", method: "GET", target: "/api/v1/reports/compliance", route: "/api/v1/reports/compliance",
			header: map[string]string{"Authorization": "", "Cookie": sessionCookie + "=" + session}, want: 200},
		{name: "the report's CSV takes a manager's session", method: "GET", target: "/api/v1/reports/compliance.csv", route: "/api/v1/reports/compliance.csv",
			header: map[string]string{"Authorization": "", "Cookie": sessionCookie + "=" + session}, want: 200},

		// The case handler's drafts
		{name: "drafts saves a half-filled document", method: "POST", target: "/api/v1/drafts", route: "/api/v1/drafts",
			header: jsonHeader, body: strings.NewReader(`{"title": "Halvferdig", "budget": {}}`), want: 201,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, kept map[string]string) {
				var d models.Draft
				decodeAs(t, rec, &d)
				kept["draft"] = d.ID
			}},
		{name: "drafts saves a draft of a stored initiative", method: "POST", target: "/api/v1/drafts?initiative_id=HP2124-OSK-014&base_version=1", route: "/api/v1/drafts",
			header: jsonHeader, body: body(valid), want: 201},
		{name: "drafts refuses a non-object", method: "POST", target: "/api/v1/drafts", route: "/api/v1/drafts",
			header: jsonHeader, body: strings.NewReader(`[1]`), want: 400},
		{name: "drafts answers 404 for a draft of an unknown initiative", method: "POST", target: "/api/v1/drafts?initiative_id=HP2124-OSK-999", route: "/api/v1/drafts",
			header: jsonHeader, body: strings.NewReader(`{}`), want: 404},
		{name: "drafts lists the caller's own", method: "GET", target: "/api/v1/drafts", route: "/api/v1/drafts", want: 200},
		{name: "drafts answers 503 when the database is gone", server: down, method: "GET", target: "/api/v1/drafts", route: "/api/v1/drafts", want: 503},
		{name: "draft is read with its document", method: "GET", target: "/api/v1/drafts/{draft}", route: "/api/v1/drafts/:id", want: 200},
		{name: "draft answers 404 for an unknown id", method: "GET", target: "/api/v1/drafts/01968a3c-7d2e-7b1a-9c3d-2f4e5a6b7c8d", route: "/api/v1/drafts/:id", want: 404},
		{name: "draft is saved again", method: "PUT", target: "/api/v1/drafts/{draft}", route: "/api/v1/drafts/:id",
			header: with(map[string]string{"If-Match": `"1"`}), body: strings.NewReader(`{"title": "Nesten ferdig"}`), want: 200},
		{name: "draft refuses a stale If-Match", method: "PUT", target: "/api/v1/drafts/{draft}", route: "/api/v1/drafts/:id",
			header: with(map[string]string{"If-Match": `"1"`}), body: strings.NewReader(`{}`), want: 412},
		{name: "draft is deleted", method: "DELETE", target: "/api/v1/drafts/{draft}", route: "/api/v1/drafts/:id", want: 204},
		{name: "draft answers 404 once deleted", method: "DELETE", target: "/api/v1/drafts/{draft}", route: "/api/v1/drafts/:id", want: 404},
		{name: "submit answers 404 for a draft the caller does not have", method: "POST", target: "/api/v1/initiatives?draft={draft}", route: "/api/v1/initiatives",
			header: jsonHeader, body: body(unknownID), want: 404},

		// The compliance report: JSON, CSV and the what-if of a check
		{name: "check answers the portfolio what-if", method: "POST", target: "/api/v1/check?portfolio=true", route: "/api/v1/check",
			header: jsonHeader, body: body(refused), want: 200,
			check: func(t *testing.T, rec *httptest.ResponseRecorder, _ map[string]string) {
				if !bytes.Contains(rec.Body.Bytes(), []byte(`"portfolio":{`)) {
					t.Errorf("no portfolio in %.300s", rec.Body)
				}
			}},
		{name: "check rejects a portfolio that is not a boolean", method: "POST", target: "/api/v1/check?portfolio=maybe", route: "/api/v1/check",
			header: jsonHeader, body: body(valid), want: 400},
		{name: "report answers the portfolio and the standings", method: "GET", target: "/api/v1/reports/compliance", route: "/api/v1/reports/compliance", want: 200},
		{name: "report answers with every filter", method: "GET", target: "/api/v1/reports/compliance?status=forslag,vedtatt&status=utredning&as_of=2024-01-01&lang=en&recheck=true",
			route: "/api/v1/reports/compliance", want: 200},
		{name: "report rejects an unknown status", method: "GET", target: "/api/v1/reports/compliance?status=bogus", route: "/api/v1/reports/compliance", want: 400},
		{name: "report answers 503 when the database is gone", server: down, method: "GET", target: "/api/v1/reports/compliance", route: "/api/v1/reports/compliance", want: 503},
		{name: "report CSV answers every table", method: "GET", target: "/api/v1/reports/compliance.csv", route: "/api/v1/reports/compliance.csv", want: 200},
		{name: "report CSV answers one table", method: "GET", target: "/api/v1/reports/compliance.csv?table=sector_figures&lang=en", route: "/api/v1/reports/compliance.csv", want: 200},
		{name: "report CSV rejects an unknown table", method: "GET", target: "/api/v1/reports/compliance.csv?table=nope", route: "/api/v1/reports/compliance.csv", want: 400},
		{name: "report CSV for Excel answers one table", method: "GET", target: "/api/v1/reports/compliance.csv?table=sector_figures&excel=true", route: "/api/v1/reports/compliance.csv", want: 200},
		{name: "report CSV rejects an excel that is not a boolean", method: "GET", target: "/api/v1/reports/compliance.csv?excel=ja", route: "/api/v1/reports/compliance.csv", want: 400},
		{name: "report workbook answers every table", method: "GET", target: "/api/v1/reports/compliance.xlsx", route: "/api/v1/reports/compliance.xlsx", want: 200,
			check: wantHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")},
		{name: "report workbook answers in English with every filter", method: "GET", target: "/api/v1/reports/compliance.xlsx?status=forslag&as_of=2024-01-01&lang=en&recheck=true",
			route: "/api/v1/reports/compliance.xlsx", want: 200},
		{name: "report workbook rejects an unknown status", method: "GET", target: "/api/v1/reports/compliance.xlsx?status=bogus", route: "/api/v1/reports/compliance.xlsx", want: 400},
		{name: "report workbook answers 503 when the database is gone", server: down, method: "GET", target: "/api/v1/reports/compliance.xlsx", route: "/api/v1/reports/compliance.xlsx", want: 503},
		{name: "report workbook takes a manager's session", method: "GET", target: "/api/v1/reports/compliance.xlsx", route: "/api/v1/reports/compliance.xlsx",
			header: map[string]string{"Authorization": "", "Cookie": sessionCookie + "=" + session}, want: 200},

		// The managers' pages
		{name: "report page renders", method: "GET", target: "/reports/compliance", route: "/reports/compliance", want: 200},
		{name: "report page renders in English with filters", method: "GET", target: "/reports/compliance?lang=en&sector=OSK&status=forslag&as_of=2024-01-01&recheck=true",
			route: "/reports/compliance", want: 200},
		{name: "report page rejects an unknown sector", method: "GET", target: "/reports/compliance?sector=XYZ", route: "/reports/compliance", want: 400},
		{name: "initiative page lists the violations", method: "GET", target: "/reports/compliance/initiatives/HP2124-OSK-014", route: "/reports/compliance/initiatives/:id", want: 200},
		{name: "initiative page answers 404 for an unknown initiative", method: "GET", target: "/reports/compliance/initiatives/HP2124-OSK-999", route: "/reports/compliance/initiatives/:id", want: 404},
		{name: "initiative page rejects an unknown lang", method: "GET", target: "/reports/compliance/initiatives/HP2124-OSK-014?lang=de", route: "/reports/compliance/initiatives/:id", want: 400},
		{name: "static serves the stylesheet", method: "GET", target: "/reports/static/report.css?v=1", route: "/reports/static/*file", want: 200},
		{name: "static serves the icon", method: "GET", target: "/reports/static/favicon.svg", route: "/reports/static/*file", want: 200},
		{name: "static answers 304 to its ETag", method: "GET", target: "/reports/static/report.css", route: "/reports/static/*file",
			header: map[string]string{"If-None-Match": `"` + web.StaticVersion + `"`}, want: 304},
		{name: "static answers 404 for another file", method: "GET", target: "/reports/static/app.js", route: "/reports/static/*file", want: 404},

		// What no route serves
		{name: "an unknown path answers 404", method: "GET", target: "/api/v1/nothing-here", route: "", want: 404},
		{name: "a method no route has answers 405", method: "PATCH", target: "/healthz", route: "", want: 405, check: wantHeader("Allow", "GET")},
	}

	kept := map[string]string{}
	exercised := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := c.server
			if srv == nil {
				srv = s
				if c.route != "" {
					exercised[c.method+" "+c.route] = true
				}
			}
			target := c.target
			for k, v := range kept {
				target = strings.ReplaceAll(target, "{"+k+"}", v)
			}
			if c.route != "" && !caseRouteMatches(c.route, strings.SplitN(target, "?", 2)[0]) {
				t.Fatalf("the case's route %s does not match %s", c.route, target)
			}
			r := httptest.NewRequest(c.method, target, c.body)
			if tok, ok := testTokens.Load(srv); ok && tok.(string) != "" {
				r.Header.Set("Authorization", "Bearer "+tok.(string))
			}
			for k, v := range c.header {
				if k == "Authorization" && v == "" {
					r.Header.Del(k)
					continue
				}
				r.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, r)
			if rec.Code != c.want {
				t.Errorf("status %d, want %d: %.500s", rec.Code, c.want, rec.Body)
			}
			validateResponseOf(t, c.method, c.route, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Bytes())
			validateResponseHeaders(t, c.method, c.route, rec.Code, rec.Header())
			if c.check != nil && rec.Code == c.want {
				c.check(t, rec, kept)
			}
		})
	}

	// Every route of the main server was driven at least once.
	for _, ri := range s.router.Routes() {
		if !exercised[ri.Method+" "+ri.Path] {
			t.Errorf("no case drives %s %s", ri.Method, ri.Path)
		}
	}
}

// caseRouteMatches is routeMatches that also knows Gin's catch-all segment
// (/reports/static/*file), which matches the rest of the path.
func caseRouteMatches(route, path string) bool {
	if prefix, _, ok := strings.Cut(route, "/*"); ok {
		return strings.HasPrefix(path, prefix+"/") && len(path) > len(prefix)+1
	}
	return routeMatches(route, path)
}

// TestOpenAPIValidateResponseCatchesDrift: the helper the other tests use fails for an
// answer the document does not allow, so a passing validation means something.
func TestOpenAPIValidateResponseCatchesDrift(t *testing.T) {
	for _, c := range []struct {
		name          string
		method, route string
		status        int
		body          string
	}{
		{"a check result without its verdict", "POST", "/api/v1/check", 200, `{"decision_id":"d","policy_revision":"sha256:x","as_of":"2024-01-01","summary":{"error":0,"warning":0,"info":0,"waived":0},"violations":[]}`},
		{"an as_of that is not a date", "POST", "/api/v1/check", 200, `{"decision_id":"d","policy_revision":"sha256:x","as_of":"soon","allowed":true,"summary":{"error":0,"warning":0,"info":0,"waived":0},"violations":[]}`},
		{"an error with an unknown code", "GET", "/api/v1/rules/:id", 404, `{"code":"missing","message":"no"}`},
		{"a status the operation does not document", "GET", "/api/v1/rules", 404, `{"code":"not_found","message":"no"}`},
		{"a route the document does not have", "GET", "/api/v1/waivers", 200, `{}`},
		{"a body that is not JSON", "GET", "/healthz", 200, `ok`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := &recordingTB{TB: t}
			validateResponse(rec, c.method, c.route, c.status, []byte(c.body))
			if !rec.failed {
				t.Errorf("validateResponse accepted %s %s → %d %s", c.method, c.route, c.status, c.body)
			}
		})
	}
	t.Run("accepts a documented answer", func(t *testing.T) {
		rec := &recordingTB{TB: t}
		validateResponse(rec, "GET", "/api/v1/rules/:id", 404, []byte(`{"code":"not_found","message":"rule \"X\" not found"}`))
		if rec.failed {
			t.Errorf("validateResponse refused a documented 404: %s", rec.msgs)
		}
	})
}

// recordingTB notes failures instead of failing, to test a helper that fails its test.
type recordingTB struct {
	testing.TB
	failed bool
	msgs   []string
}

func (r *recordingTB) Helper() {}
func (r *recordingTB) Errorf(format string, args ...any) {
	r.failed = true
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// activeBundle is the server's active revision as a bundle archive.
func activeBundle(t *testing.T, s *Server) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := bundle.NewWriter(&buf).Write(*s.engine.Active().Bundle()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
