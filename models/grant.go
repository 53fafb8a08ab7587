package models

import (
	"slices"
	"strings"
)

// Grant is one thing a token may do, and where: a role over a set of sectors.
// No sectors means every sector. A token holds one or more grants, and they
// stay pairs: leder of OSK and saksbehandler of OBH is never leder of OBH.
type Grant struct {
	Role    Role     `json:"role"`
	Sectors []string `json:"sectors,omitempty"`
}

// Unscoped reports a grant over every sector.
func (g Grant) Unscoped() bool { return len(g.Sectors) == 0 }

// Reaches reports whether the grant covers sector.
func (g Grant) Reaches(sector string) bool {
	return g.Unscoped() || slices.Contains(g.Sectors, sector)
}

// String is the grant as the CLI takes it: "leder" or "leder:OSK,OBH".
func (g Grant) String() string {
	if g.Unscoped() {
		return string(g.Role)
	}
	return string(g.Role) + ":" + strings.Join(g.Sectors, ",")
}

// ParseGrant reads a grant as the CLI takes it: ROLE, or ROLE:SECTOR[,SECTOR…].
func ParseGrant(s string) (Grant, error) {
	role, sectors, scoped := strings.Cut(strings.TrimSpace(s), ":")
	var list []string
	if scoped {
		list = strings.Split(sectors, ",")
		if strings.TrimSpace(sectors) == "" {
			return Grant{}, Errorf(EINVALID, "grant %q names no sector after the colon; leave out the colon for every sector", s)
		}
	}
	return NewGrant(Role(strings.TrimSpace(role)), list)
}

// NewGrant checks a role and its sectors and returns the grant with each
// sector once, in the order of Sectors.
func NewGrant(role Role, sectors []string) (Grant, error) {
	if !ValidRole(role) {
		return Grant{}, Errorf(EINVALID, "role %q is not one of saksbehandler, workflow, leder, admin", role)
	}
	g := Grant{Role: role}
	for _, s := range sectors {
		s = strings.TrimSpace(s)
		if !slices.Contains(Sectors, s) {
			return Grant{}, Errorf(EINVALID, "sector %q is not one of %s", s, strings.Join(Sectors, ", "))
		}
		if !slices.Contains(g.Sectors, s) {
			g.Sectors = append(g.Sectors, s)
		}
	}
	g.Sectors = inSectorOrder(g.Sectors)
	return g, nil
}

// NormalizeGrants checks a token's grants and merges those of one role (their
// sectors add up; an unscoped one covers all), keeping the order roles first
// appear in. A token needs at least one grant.
func NormalizeGrants(gs []Grant) ([]Grant, error) {
	if len(gs) == 0 {
		return nil, Errorf(EINVALID, "a token needs at least one grant (a role, with or without sectors)")
	}
	var out []Grant
	for _, g := range gs {
		g, err := NewGrant(g.Role, g.Sectors)
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(out, func(o Grant) bool { return o.Role == g.Role })
		switch {
		case i < 0:
			out = append(out, g)
		case out[i].Unscoped() || g.Unscoped():
			out[i].Sectors = nil
		default:
			out[i].Sectors = inSectorOrder(append(out[i].Sectors, g.Sectors...))
		}
	}
	return out, nil
}

// FormatGrants is a token's grants as one line: "leder:OSK saksbehandler:OBH,PMK".
func FormatGrants(gs []Grant) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.String()
	}
	return strings.Join(parts, " ")
}

// inSectorOrder returns the distinct sectors of list in the order of Sectors.
func inSectorOrder(list []string) []string {
	var out []string
	for _, s := range Sectors {
		if slices.Contains(list, s) {
			out = append(out, s)
		}
	}
	return out
}

// Caller is who makes a request: the token's id and name, and its grants. In a
// request the grants are only those whose role may call the route (Within), so
// whatever a caller reaches it reaches through a role that may do this: the
// grants of different roles never add up. Every check of a sector is made here.
type Caller struct {
	TokenID string
	Name    string
	Grants  []Grant
}

// Within returns the caller with only the grants whose role allows admits.
func (c Caller) Within(allows func(Role) bool) Caller {
	out := Caller{TokenID: c.TokenID, Name: c.Name}
	for _, g := range c.Grants {
		if allows(g.Role) {
			out.Grants = append(out.Grants, g)
		}
	}
	return out
}

// Roles lists the roles of the caller's grants.
func (c Caller) Roles() []Role {
	out := make([]Role, len(c.Grants))
	for i, g := range c.Grants {
		out[i] = g.Role
	}
	return out
}

// Unscoped reports a caller with a grant over every sector: it reaches what
// every token reached before grants had sectors.
func (c Caller) Unscoped() bool {
	return slices.ContainsFunc(c.Grants, Grant.Unscoped)
}

// Reaches reports whether some grant of the caller covers sector.
func (c Caller) Reaches(sector string) bool {
	return slices.ContainsFunc(c.Grants, func(g Grant) bool { return g.Reaches(sector) })
}

// Sectors lists the sectors the caller reaches, in the order of Sectors: nil
// when it reaches every sector, an empty list when it reaches none.
func (c Caller) Sectors() []string {
	if c.Unscoped() {
		return nil
	}
	var all []string
	for _, g := range c.Grants {
		all = append(all, g.Sectors...)
	}
	if out := inSectorOrder(all); out != nil {
		return out
	}
	return []string{}
}

// ReachInitiative is nil when the caller reaches the stored initiative, else
// the ENOTFOUND an unknown id gets, so ids of other sectors don't leak.
func (c Caller) ReachInitiative(in Initiative) error {
	if c.Reaches(in.Sector) {
		return nil
	}
	return Errorf(ENOTFOUND, "initiative %q not found", in.ID)
}

// ReachDecision reports whether the caller may read a logged decision: an
// unscoped caller reads every one, its maker (the same token) its own, and
// otherwise one that belongs to a stored initiative is read by those who reach
// that initiative's sector, given as sector ("" when the decision belongs to no
// stored initiative: a plain check of a new proposal, a refused creation).
func (c Caller) ReachDecision(d Decision, sector string) bool {
	switch {
	case c.Unscoped():
		return true
	case d.CallerID != "" && d.CallerID == c.TokenID:
		return true
	case sector != "":
		return c.Reaches(sector)
	}
	return false
}
