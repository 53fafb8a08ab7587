package policies

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/baerum/styring/models"
)

// checkIJSON refuses what a syntactically valid document may hold but an
// I-JSON message (RFC 7493) may not, and what PostgreSQL text and jsonb cannot
// store: invalid UTF-8, surrogates that are not a pair (\ud800 not followed by a
// low surrogate, or a lone low one), noncharacters, \u0000 (NUL), and an object
// with the same member name twice. encoding/json would take each silently (a
// replacement character, the last duplicate winning), so it is one pass over
// the bytes after decoding; the error names the line, the column and the JSON
// pointer of the member. It allocates nothing for an accepted document but the
// member-name index of objects with very many members.
func checkIJSON(raw []byte) error {
	s := scanners.Get().(*ijsonScanner)
	s.raw, s.path, s.keys = raw, s.path[:0], s.keys[:0]
	_, err := s.value(s.skipSpace(0))
	s.raw = nil
	for i, b := range s.scratch {
		if cap(b) > 64<<10 {
			s.scratch[i] = nil // a huge escaped name is not kept
		}
	}
	scanners.Put(s)
	return err
}

// scanners keeps scanners with their stacks between documents.
var scanners = sync.Pool{New: func() any {
	return &ijsonScanner{path: make([]pathSeg, 0, MaxDepth+1), keys: make([]memberKey, 0, 64)}
}}

// ijsonSeed is the seed of the member-name hashes (random per process).
var ijsonSeed = maphash.MakeSeed()

// mapKeysAbove is how many members an object may have before its names are
// indexed in a map instead of compared one by one.
const mapKeysAbove = 32

// pathSeg is one open array or object on the way to the current value: the
// index of the current element, or the span of the current member's name.
type pathSeg struct {
	object     bool
	index      int
	start, end int // the member name between its quotes, raw[start:end]
	escaped    bool
}

// memberKey is a member name of an open object: its hash and where it is.
type memberKey struct {
	hash       uint64
	start, end int
	escaped    bool
}

type ijsonScanner struct {
	raw     []byte
	path    []pathSeg
	keys    []memberKey // names of the open objects' members, innermost last
	scratch [2][]byte   // decoded names, for comparing escaped ones
}

func (s *ijsonScanner) skipSpace(i int) int {
	for i < len(s.raw) {
		switch s.raw[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// value checks the value at raw[i] (a valid JSON value) and returns the offset after it.
func (s *ijsonScanner) value(i int) (int, error) {
	switch s.raw[i] {
	case '{':
		return s.object(i)
	case '[':
		return s.array(i)
	case '"':
		end, _, err := s.str(i, false)
		return end, err
	}
	for i < len(s.raw) {
		switch s.raw[i] {
		case ',', ']', '}', ' ', '\t', '\n', '\r':
			return i, nil
		}
		i++
	}
	return i, nil
}

func (s *ijsonScanner) array(i int) (int, error) {
	s.path = append(s.path, pathSeg{})
	seg := len(s.path) - 1
	i = s.skipSpace(i + 1)
	if s.raw[i] == ']' {
		s.path = s.path[:seg]
		return i + 1, nil
	}
	for n := 0; ; n++ {
		s.path[seg].index = n
		end, err := s.value(i)
		if err != nil {
			return 0, err
		}
		i = s.skipSpace(end)
		if s.raw[i] == ']' {
			s.path = s.path[:seg]
			return i + 1, nil
		}
		i = s.skipSpace(i + 1) // past ','
	}
}

func (s *ijsonScanner) object(i int) (int, error) {
	s.path = append(s.path, pathSeg{object: true})
	seg := len(s.path) - 1
	first := len(s.keys) // this object's names are s.keys[first:]
	var index map[uint64]int
	defer func() { s.keys = s.keys[:first] }()
	i = s.skipSpace(i + 1)
	if s.raw[i] == '}' {
		s.path = s.path[:seg]
		return i + 1, nil
	}
	for {
		end, escaped, err := s.str(i, true)
		if err != nil {
			return 0, err
		}
		k := memberKey{start: i + 1, end: end - 1, escaped: escaped}
		k.hash = maphash.Bytes(ijsonSeed, s.name(0, k))
		s.path[seg].start, s.path[seg].end, s.path[seg].escaped = k.start, k.end, k.escaped
		if dup := s.findKey(first, index, k); dup >= 0 {
			return 0, s.duplicate(s.keys[dup], k)
		}
		s.keys = append(s.keys, k)
		if n := len(s.keys) - first; index != nil {
			index[k.hash] = len(s.keys) - 1
		} else if n > mapKeysAbove {
			index = make(map[uint64]int, 2*n)
			for j := first; j < len(s.keys); j++ {
				if _, seen := index[s.keys[j].hash]; !seen {
					index[s.keys[j].hash] = j
				}
			}
		}
		i = s.skipSpace(s.skipSpace(end) + 1) // past ':'
		if end, err = s.value(i); err != nil {
			return 0, err
		}
		i = s.skipSpace(end)
		if s.raw[i] == '}' {
			s.path = s.path[:seg]
			return i + 1, nil
		}
		i = s.skipSpace(i + 1) // past ','
	}
}

// findKey returns the position in s.keys of an earlier member of the object
// (its names from first on) named like k, or -1.
func (s *ijsonScanner) findKey(first int, index map[uint64]int, k memberKey) int {
	if index != nil {
		j, ok := index[k.hash]
		if !ok {
			return -1
		}
		if s.sameName(s.keys[j], k) {
			return j
		}
		// Two names with one 64-bit hash: look at every member.
	}
	for j := first; j < len(s.keys); j++ {
		if s.keys[j].hash == k.hash && s.sameName(s.keys[j], k) {
			return j
		}
	}
	return -1
}

func (s *ijsonScanner) sameName(a, b memberKey) bool {
	if !a.escaped && !b.escaped {
		return bytes.Equal(s.raw[a.start:a.end], s.raw[b.start:b.end])
	}
	return bytes.Equal(s.name(0, a), s.name(1, b))
}

// name returns a member name as it reads once decoded: the raw bytes when it
// has no escape, else decoded into the scratch buffer slot (valid until the
// next call with that slot).
func (s *ijsonScanner) name(slot int, k memberKey) []byte {
	if !k.escaped {
		return s.raw[k.start:k.end]
	}
	s.scratch[slot] = unescape(s.scratch[slot][:0], s.raw[k.start:k.end])
	return s.scratch[slot]
}

// unescape appends the decoded text of a checked JSON string body to dst.
func unescape(dst, body []byte) []byte {
	for i := 0; i < len(body); i++ {
		b := body[i]
		if b != '\\' {
			dst = append(dst, b)
			continue
		}
		i++
		switch body[i] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := rune(hex4(body[i+1:]))
			i += 4
			if r >= 0xD800 && r < 0xDC00 { // a checked high surrogate has its low one next
				r = 0x10000 + (r-0xD800)<<10 + (rune(hex4(body[i+3:])) - 0xDC00)
				i += 6
			}
			dst = utf8.AppendRune(dst, r)
		default: // " \ /
			dst = append(dst, body[i])
		}
	}
	return dst
}

// hex4 reads the four hex digits of a \u escape (already known to be hex).
func hex4(b []byte) int {
	n := 0
	for _, c := range b[:4] {
		n <<= 4
		switch {
		case c >= '0' && c <= '9':
			n |= int(c - '0')
		case c >= 'a' && c <= 'f':
			n |= int(c-'a') + 10
		default:
			n |= int(c-'A') + 10
		}
	}
	return n
}

// isNoncharacter reports the 66 code points Unicode keeps out of interchange
// (U+FDD0–U+FDEF and the last two of every plane), which I-JSON refuses.
func isNoncharacter(r rune) bool {
	return (r >= 0xFDD0 && r <= 0xFDEF) || r&0xFFFE == 0xFFFE
}

// str checks the string starting at raw[i] (its opening quote) and returns the
// offset after its closing quote and whether it has escapes.
func (s *ijsonScanner) str(i int, isName bool) (int, bool, error) {
	raw, escaped := s.raw, false
	for j := i + 1; j < len(raw); {
		b := raw[j]
		switch {
		case b == '"':
			return j + 1, escaped, nil
		case b == '\\':
			escaped = true
			if raw[j+1] != 'u' {
				j += 2
				continue
			}
			u := rune(hex4(raw[j+2:]))
			switch {
			case u == 0:
				return 0, false, s.fail(j, isName, `\u0000 (NUL) %s: text cannot hold a NUL character`)
			case u >= 0xDC00 && u < 0xE000:
				return 0, false, s.fail(j, isName, "lone surrogate "+string(raw[j:j+6])+" (a low surrogate without a high one before it) %s")
			case u >= 0xD800 && u < 0xDC00:
				if j+12 > len(raw) || raw[j+6] != '\\' || raw[j+7] != 'u' || !isLowSurrogate(raw[j+8:j+12]) {
					return 0, false, s.fail(j, isName, "lone surrogate "+string(raw[j:j+6])+" (a high surrogate not followed by a low one) %s")
				}
				r := 0x10000 + (u-0xD800)<<10 + (rune(hex4(raw[j+8:])) - 0xDC00)
				if isNoncharacter(r) {
					return 0, false, s.fail(j, isName, fmt.Sprintf("noncharacter U+%04X %%s", r))
				}
				j += 12
				continue
			case isNoncharacter(u):
				return 0, false, s.fail(j, isName, fmt.Sprintf("noncharacter U+%04X %%s", u))
			}
			j += 6
		case b < utf8.RuneSelf:
			j++
		default:
			r, size := utf8.DecodeRune(raw[j:])
			if r == utf8.RuneError && size == 1 {
				return 0, false, s.fail(j, isName, fmt.Sprintf("invalid UTF-8 (byte 0x%02X) %%s", b))
			}
			if isNoncharacter(r) {
				return 0, false, s.fail(j, isName, fmt.Sprintf("noncharacter U+%04X %%s", r))
			}
			j += size
		}
	}
	return len(raw), escaped, nil // not reached: the document is valid JSON
}

func isLowSurrogate(hex []byte) bool {
	u := hex4(hex)
	return u >= 0xDC00 && u < 0xE000
}

// pointer is the JSON pointer (RFC 6901) of the current value, or of the
// object being read when inName (a member name is not a value of its own).
func (s *ijsonScanner) pointer(inName bool) string {
	segs := s.path
	if inName && len(segs) > 0 {
		segs = segs[:len(segs)-1]
	}
	var b strings.Builder
	for _, seg := range segs {
		b.WriteByte('/')
		if !seg.object {
			b.WriteString(strconv.Itoa(seg.index))
			continue
		}
		name := s.raw[seg.start:seg.end]
		if seg.escaped {
			name = unescape(nil, name)
		}
		b.WriteString(pointerEscaper.Replace(string(name)))
	}
	return b.String()
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// fail is the error at offset: format has one %s, for where it is.
func (s *ijsonScanner) fail(offset int, inName bool, format string) error {
	p := s.pointer(inName)
	var where string
	switch {
	case inName && p == "":
		where = "in a member name of the top-level object"
	case inName:
		where = "in a member name of the object at " + p
	case p == "":
		where = "in the top-level string"
	default:
		where = "in the string at " + p
	}
	return s.errorAt(offset, p, fmt.Sprintf(format, where))
}

// duplicate is the error of a member named like an earlier one of its object.
func (s *ijsonScanner) duplicate(earlier, k memberKey) error {
	line, col := lineCol(s.raw, int64(earlier.start-1))
	name := string(s.name(0, k))
	if utf8.RuneCountInString(name) > 60 {
		name = string([]rune(name)[:60]) + "…"
	}
	return s.errorAt(k.start-1, s.pointer(false),
		fmt.Sprintf("duplicate member name %q at %s (the first is at line %d, column %d): a name may appear once in an object", name, s.pointer(false), line, col))
}

func (s *ijsonScanner) errorAt(offset int, pointer, what string) error {
	line, col := lineCol(s.raw, int64(offset))
	return &models.Error{
		Code:    models.EINVALID,
		Message: fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col, what),
		Details: map[string]any{"line": line, "column": col, "pointer": pointer},
	}
}
