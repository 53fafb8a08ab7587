package textout

import (
	"errors"
	"strings"
	"testing"
)

// failAfter accepts n writes and fails every one after them.
type failAfter struct {
	n   int
	out strings.Builder
}

var errFull = errors.New("disk full")

func (f *failAfter) Write(b []byte) (int, error) {
	if f.n == 0 {
		return 0, errFull
	}
	f.n--
	return f.out.Write(b)
}

func TestWriterKeepsTheFirstError(t *testing.T) {
	dst := &failAfter{n: 1}
	p := New(dst)
	p.Printf("%s\n", "one")
	p.Println("two")
	p.Println("three")
	if !errors.Is(p.Err(), errFull) {
		t.Fatalf("Err() = %v, want %v", p.Err(), errFull)
	}
	if got := dst.out.String(); got != "one\n" {
		t.Errorf("written %q, want only the first line", got)
	}
}

func TestTable(t *testing.T) {
	var out strings.Builder
	p := New(&out)
	p.Println("title")
	tb := p.Table(0, 4, 2, ' ', 0)
	tb.Println("A\tBB")
	tb.Printf("%s\t%s\n", "ccc", "d")
	tb.Flush()
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	if want := "title\nA    BB\nccc  d\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

func TestTableFlushError(t *testing.T) {
	p := New(&failAfter{})
	tb := p.Table(0, 4, 2, ' ', 0)
	tb.Println("A\tB")
	tb.Flush()
	if !errors.Is(p.Err(), errFull) || !errors.Is(tb.Err(), errFull) {
		t.Fatalf("Err() = %v, table %v; want %v", p.Err(), tb.Err(), errFull)
	}
}
