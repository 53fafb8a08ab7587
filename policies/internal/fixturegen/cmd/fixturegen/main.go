// Command fixturegen writes the Rego test fixtures generated from the
// contract's examples (see package fixturegen). `go generate ./policies` runs
// it in the policies directory, with the defaults.
package main

import (
	"flag"
	"log"

	"github.com/baerum/styring/policies/internal/fixturegen"
)

func main() {
	examples := flag.String("examples", "../testdata/examples", "the examples directory (testdata/examples)")
	out := flag.String("policies", ".", "the policies directory the generated files are written under")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("fixturegen: ")
	if err := fixturegen.Write(*examples, *out); err != nil {
		log.Fatal(err)
	}
}
