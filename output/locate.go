package output

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Position is a place in a checked file: 1-based line and column, the column
// counted in UTF-16 code units (SARIF's default columnKind, and what editors
// use; for Norwegian text it is the character count).
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Locate finds where the value at a JSON pointer (RFC 6901) starts in src. When
// the pointer names nothing (a missing field, an index past the end), it is the
// nearest existing parent's value, and exact is false. ok is false when src is
// not JSON that can be walked up to the pointer's first step (not even the root).
func Locate(src []byte, pointer string) (pos Position, exact, ok bool) {
	off, exact, ok := locateOffset(src, pointer)
	if !ok {
		return Position{}, false, false
	}
	return positionAt(src, off), exact, true
}

// locateOffset walks src with encoding/json's tokens and returns the byte
// offset of the value at pointer, or of its nearest existing parent.
func locateOffset(src []byte, pointer string) (off int, exact, ok bool) {
	start := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) { // a BOM: the offsets still count from the file's first byte
		start = 3
	}
	steps, valid := splitPointer(pointer)
	dec := json.NewDecoder(bytes.NewReader(src[start:]))
	at := func() int { return skipToValue(src, start+int(dec.InputOffset())) }
	best := at()
	if best >= len(src) {
		return 0, false, false
	}
	if !valid {
		return best, false, true
	}
	for _, step := range steps {
		tok, err := dec.Token()
		if err != nil {
			return best, false, true
		}
		found := false
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return best, false, true
				}
				if key == step {
					best, found = at(), true
					break
				}
				if skipValue(dec) != nil {
					return best, false, true
				}
			}
		case json.Delim('['):
			idx, err := strconv.Atoi(step)
			if err != nil || idx < 0 || (len(step) > 1 && step[0] == '0') {
				return best, false, true
			}
			for i := 0; dec.More(); i++ {
				if i == idx {
					best, found = at(), true
					break
				}
				if skipValue(dec) != nil {
					return best, false, true
				}
			}
		}
		if !found {
			return best, false, true
		}
	}
	return best, true, true
}

// splitPointer splits an RFC 6901 pointer into its unescaped reference tokens;
// "" is the whole document. valid is false for a pointer that doesn't start with /.
func splitPointer(p string) (steps []string, valid bool) {
	if p == "" {
		return nil, true
	}
	if !strings.HasPrefix(p, "/") {
		return nil, false
	}
	steps = strings.Split(p[1:], "/")
	for i, s := range steps {
		steps[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return steps, true
}

// skipToValue moves past the whitespace, ':' and ',' the decoder has not yet
// consumed, to the first byte of the next value.
func skipToValue(src []byte, off int) int {
	for off < len(src) {
		switch src[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// skipValue reads one whole value (a scalar, or an object or array to its end).
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// positionAt turns a byte offset into a 1-based line and UTF-16 column.
func positionAt(src []byte, off int) Position {
	off = min(off, len(src))
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	col := 1
	for rest := src[lineStart:off]; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		rest = rest[size:]
		if r >= 0x10000 {
			col += 2
		} else {
			col++
		}
	}
	if lineStart == 0 && bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		col-- // the BOM is not a character of the line
	}
	return Position{Line: bytes.Count(src[:off], []byte("\n")) + 1, Column: col}
}

// itemKey names the array item a violation is about by its own content, so the
// name survives items being inserted or reordered: for each array element on
// the pointer's way that is an object, its "name" (a KPI), or its "year" and
// "account" (a budget line), or its "id"/"title"; and the pointer with the
// array indexes taken out.
func itemKey(src []byte, pointer string) (shape, key string) {
	steps, valid := splitPointer(pointer)
	if !valid {
		return pointer, ""
	}
	var doc any
	if len(src) > 0 {
		if json.Unmarshal(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), &doc) != nil {
			doc = nil
		}
	}
	var sb strings.Builder
	var keys []string
	for _, step := range steps {
		switch cur := doc.(type) {
		case map[string]any:
			sb.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(step, "~", "~0"), "/", "~1"))
			doc = cur[step]
		case []any:
			sb.WriteString("/*")
			idx, err := strconv.Atoi(step)
			if err != nil || idx < 0 || idx >= len(cur) {
				doc = nil
				continue
			}
			doc = cur[idx]
			if k := describeItem(doc); k != "" {
				keys = append(keys, k)
			} else {
				keys = append(keys, step) // nothing names it: its index is the best there is
			}
		default:
			if _, err := strconv.Atoi(step); err == nil {
				sb.WriteString("/*")
			} else {
				sb.WriteString("/" + step)
			}
			doc = nil
		}
	}
	return sb.String(), strings.Join(keys, "|")
}

func describeItem(v any) string {
	obj, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	str := func(k string) string {
		switch x := obj[k].(type) {
		case string:
			return x
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return ""
	}
	if n := str("name"); n != "" {
		return "name=" + n
	}
	if y, a := str("year"), str("account"); y != "" || a != "" {
		k := "year=" + y + ",account=" + a
		if src := str("source"); src != "" {
			k += ",source=" + src
		}
		return k
	}
	for _, k := range []string{"id", "title"} {
		if s := str(k); s != "" {
			return k + "=" + s
		}
	}
	return ""
}
