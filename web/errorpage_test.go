package web

import (
	"bytes"
	"testing"

	"github.com/baerum/styring/models"
)

func TestRenderError(t *testing.T) {
	var b bytes.Buffer
	if err := RenderError(&b, ErrorOptions{Status: 404, Message: `initiative "X" not found`, Path: "/reports/compliance/initiatives/X"}); err != nil {
		t.Fatal(err)
	}
	wantIn(t, b.String(), "HTTP-status 404", "Finnes ikke", `<code lang="en">initiative &#34;X&#34; not found</code>`, `href="/reports/compliance/initiatives/X?lang=en"`)

	b.Reset()
	if err := RenderError(&b, ErrorOptions{Lang: models.LangEN, Status: 500, Message: "pq: connection refused", RequestID: "req-7"}); err != nil {
		t.Fatal(err)
	}
	wantIn(t, b.String(), "Internal error", "req-7")
	wantNotIn(t, b.String(), "pq: connection refused")
}
