package main

import (
	"context"
	"flag"
	"io"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// policyFlags are the flags every command that reads the policies shares:
// --lang, --policies and, where a date matters, --as-of. They are declared,
// checked and used in one place, so the commands say the same thing the same way.
type policyFlags struct {
	cmd      string
	lang     *string
	asOf     *string // nil: the command has no --as-of
	location *string
}

// addPolicyFlags declares the shared flags on fs; asOfHelp "" leaves out --as-of.
func addPolicyFlags(fs *flag.FlagSet, cmd, langHelp, asOfHelp string) *policyFlags {
	p := &policyFlags{cmd: cmd}
	if asOfHelp != "" {
		p.asOf = fs.String("as-of", "", asOfHelp)
	}
	p.lang = fs.String("lang", "nb", langHelp)
	p.location = fs.String("policies", envOr("STYRING_POLICIES", ""), "policy directory or OPA bundle (.tar.gz); default: the embedded policies")
	return p
}

// validate returns the language, or says on stderr which flag is wrong and returns false.
func (p *policyFlags) validate(stderr io.Writer) (models.Lang, bool) {
	lang, ok := models.ParseLang(*p.lang)
	if !ok {
		eprintf(stderr, "styring %s: --lang %q is not nb or en\n", p.cmd, *p.lang)
		return lang, false
	}
	if d := p.date(); d != "" && !policies.ValidDate(d) {
		eprintf(stderr, "styring %s: --as-of %q is not a date YYYY-MM-DD\n", p.cmd, d)
		return lang, false
	}
	return lang, true
}

// date is --as-of ("" when not given or not a flag of the command).
func (p *policyFlags) date() string {
	if p.asOf == nil {
		return ""
	}
	return *p.asOf
}

// load reads and compiles the policies, or says on stderr why it could not.
func (p *policyFlags) load(ctx context.Context, stderr io.Writer) (*policies.Revision, bool) {
	rev, err := policies.Load(ctx, policies.Source{Location: *p.location})
	if err != nil {
		eprintf(stderr, "styring %s: %v\n", p.cmd, err)
		return nil, false
	}
	return rev, true
}
