package bench

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestLimitHandler(t *testing.T) {
	h := LimitHandler()
	tests := []struct {
		name     string
		body     string
		wantCode int
		wantBody string
	}{
		{"decodes a proposal and answers the fixed result", `{"id":"A","budget_effects":[{"year":2024}]}`, 200, `"allowed":true`},
		{"refuses a body that is not JSON, as a real handler must", `{"id":`, 400, `"code":"invalid"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/v1/check", strings.NewReader(tt.body)))
			raw, _ := io.ReadAll(rec.Body)
			if rec.Code != tt.wantCode || !strings.Contains(string(raw), tt.wantBody) {
				t.Errorf("got %d %s, want %d with %s", rec.Code, raw, tt.wantCode, tt.wantBody)
			}
		})
	}
}
