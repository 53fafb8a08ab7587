package output

import "testing"

func TestLocate(t *testing.T) {
	src := []byte("\ufeff{\n  \"a\": {\"b~/c\": [1, {\"x\": \"æø\"},\n    3]},\n  \"kpis\": [{\"name\": \"K\"}, {\"name\": \"L\"}]\n}\n")
	for _, c := range []struct {
		ptr          string
		line, column int
		exact        bool
	}{
		{"", 1, 1, true},
		{"/a", 2, 8, true},
		{"/a/b~0~1c", 2, 17, true},
		{"/a/b~0~1c/1/x", 2, 27, true},
		{"/a/b~0~1c/2", 3, 5, true},
		{"/a/b~0~1c/9", 2, 17, false},   // past the end: the array
		{"/a/missing", 2, 8, false},     // a missing field: its parent
		{"/a/b~0~1c/0/x", 2, 18, false}, // into a scalar: the scalar
		{"/kpis/1/name", 4, 36, true},
		{"nope", 1, 1, false},
	} {
		pos, exact, ok := Locate(src, c.ptr)
		if !ok || pos.Line != c.line || pos.Column != c.column || exact != c.exact {
			t.Errorf("Locate(%q) = %+v exact=%v ok=%v, want %d:%d exact=%v", c.ptr, pos, exact, ok, c.line, c.column, c.exact)
		}
	}
	if _, _, ok := Locate([]byte("  "), ""); ok {
		t.Error("empty input located")
	}
}

func TestItemKeyIgnoresIndexes(t *testing.T) {
	a := []byte(`{"kpis":[{"name":"A"},{"name":"B","m":[1]}],"financing":[{"year":2024,"account":"drift"}]}`)
	b := []byte(`{"kpis":[{"name":"Z"},{"name":"A"},{"name":"B","m":[1]}],"financing":[{"year":2023,"account":"drift"},{"year":2024,"account":"drift"}]}`)
	for _, c := range [][2]string{{"/kpis/1/m", "/kpis/2/m"}, {"/financing/0", "/financing/1"}} {
		sa, ka := itemKey(a, c[0])
		sb, kb := itemKey(b, c[1])
		if sa != sb || ka != kb || ka == "" {
			t.Errorf("%s vs %s: %q %q / %q %q", c[0], c[1], sa, ka, sb, kb)
		}
	}
	if s, k := itemKey(a, "/kpis/1/m"); s != "/kpis/*/m" || k != "name=B" {
		t.Errorf("got %q %q", s, k)
	}
}
