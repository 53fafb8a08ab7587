// Package textout writes text output line by line and checks it once: the first
// failed write is kept, every later write is skipped, and Err returns it, as
// bufio.Writer does. Renderers print freely and end with `return p.Err()`, so a
// full disk or a closed pipe is an error of the command instead of a short
// report that looks complete.
package textout

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Writer is an io.Writer with a sticky error.
type Writer struct {
	w   io.Writer
	err error
}

// New returns a Writer that writes to w.
func New(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes p unless an earlier write failed; it returns that first error.
func (p *Writer) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	n, err := p.w.Write(b)
	p.err = err
	return n, err
}

// Printf formats as fmt.Fprintf does; an error is kept for Err.
func (p *Writer) Printf(format string, a ...any) {
	_, _ = fmt.Fprintf(p, format, a...) // the error is in p.err
}

// Println formats as fmt.Fprintln does; an error is kept for Err.
func (p *Writer) Println(a ...any) {
	_, _ = fmt.Fprintln(p, a...) // the error is in p.err
}

// Err is the first write error, or nil.
func (p *Writer) Err() error { return p.err }

// Table is a text/tabwriter table on a Writer: rows are written with Printf
// and Println and laid out by Flush.
type Table struct {
	*Writer
	tw *tabwriter.Writer
}

// Table starts a table on p with tabwriter.NewWriter's parameters. Its write
// errors are p's: check p.Err after Flush.
func (p *Writer) Table(minwidth, tabwidth, padding int, padchar byte, flags uint) *Table {
	tw := tabwriter.NewWriter(p, minwidth, tabwidth, padding, padchar, flags)
	return &Table{Writer: New(tw), tw: tw}
}

// Flush aligns the rows written so far and writes them to the Writer the table
// was started on, which keeps the error.
func (t *Table) Flush() {
	if err := t.tw.Flush(); err != nil && t.err == nil {
		t.err = err
	}
}
