package models

import (
	"strings"
	"testing"
)

func TestDraftTitle(t *testing.T) {
	long := strings.Repeat("æ", MaxDraftTitle+5)
	for _, tt := range []struct {
		doc  map[string]any
		want string
	}{
		{map[string]any{"title": "  Ny skolefritidsordning "}, "Ny skolefritidsordning"},
		{map[string]any{}, ""},
		{map[string]any{"title": 42}, ""},
		{map[string]any{"title": long}, long[:MaxDraftTitle*len("æ")]},
	} {
		if got := DraftTitle(tt.doc); got != tt.want {
			t.Errorf("DraftTitle(%v) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}

func TestWellFormedDraftID(t *testing.T) {
	for id, want := range map[string]bool{
		"01968a3c-7d2e-7b1a-9c3d-2f4e5a6b7c8d":   true,
		"01968A3C-7D2E-7B1A-9C3D-2F4E5A6B7C8D":   false,
		"HP2124-OSK-014":                         false,
		"":                                       false,
		"01968a3c-7d2e-7b1a-9c3d-2f4e5a6b7c8d\n": false,
	} {
		if got := WellFormedDraftID(id); got != want {
			t.Errorf("WellFormedDraftID(%q) = %v, want %v", id, got, want)
		}
	}
}
