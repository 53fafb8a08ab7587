package server

import (
	"path"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
)

// access says who may call a route: anyone (public), or the roles listed.
// admin may call every route. It is declared on the line that registers the
// route, so a route and its roles are read together. A token holds grants, each
// a role over a set of sectors: it may call a route when one of its grants'
// roles may, and reaches there the sectors of those grants (callerFor).
type access struct {
	public bool
	roles  []models.Role
}

var (
	// public routes need no token: liveness, readiness, the API description,
	// the login page and the pages' stylesheet, and the root's metrics, which
	// are scraped from inside the network.
	public    = access{public: true}
	readers   = access{roles: []models.Role{models.RoleSaksbehandler, models.RoleWorkflow, models.RoleLeder}}
	checkers  = access{roles: []models.Role{models.RoleSaksbehandler, models.RoleWorkflow, models.RoleLeder}}
	batchers  = access{roles: []models.Role{models.RoleWorkflow}}
	submitter = access{roles: []models.Role{models.RoleSaksbehandler, models.RoleLeder}}
	managers  = access{roles: []models.Role{models.RoleLeder}}
	adminOnly = access{}
)

// allows reports whether role may call a route with this access.
func (a access) allows(role models.Role) bool {
	return a.public || role == models.RoleAdmin || slices.Contains(a.roles, role)
}

// router is a gin engine or group: where routes are registered.
type router interface {
	gin.IRoutes
	BasePath() string
}

// handle registers h for method and path on r, with who may call it.
func (s *Server) handle(r router, a access, method, relativePath string, h gin.HandlerFunc) {
	full := path.Join(r.BasePath(), relativePath)
	if relativePath == "/" {
		full = r.BasePath()
	}
	if s.access == nil {
		s.access = map[string]access{}
	}
	s.access[method+" "+full] = a
	r.Handle(method, relativePath, h)
}

// accessOf returns the access of a route ("METHOD /template"); a route
// registered without handle is admin-only, so it is closed until someone opens it.
func (s *Server) accessOf(route string) access {
	return s.access[route]
}

// allowed reports whether role may call the route.
func (s *Server) allowed(route string, role models.Role) bool {
	return s.accessOf(route).allows(role)
}

// callerFor is the token's caller on a route: its grants whose role may call
// it. The route is open to the token when there is one (len(Grants) > 0), and
// the sectors it reaches there are those grants' sectors only, so the grants
// of different roles never add up.
func (s *Server) callerFor(route string, tok models.Token) models.Caller {
	return tok.Caller().Within(s.accessOf(route).allows)
}

// isPublic reports routes that need no token.
func (s *Server) isPublic(route string) bool { return s.accessOf(route).public }
