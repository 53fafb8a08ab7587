package server

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPIDocument describes every route; a test keeps it complete and checks
// real responses against it.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPIDocument returns the OpenAPI 3.1 document of the API.
func OpenAPIDocument() []byte { return openAPIDocument }

func (s *Server) registerOpenAPIRoutes(r *gin.RouterGroup) {
	s.handle(r, public, "GET", "/openapi.json", s.handleOpenAPI)
}

// handleOpenAPI serves GET /api/v1/openapi.json.
func (s *Server) handleOpenAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", openAPIDocument)
}
