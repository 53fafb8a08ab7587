package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/baerum/styring/models"
)

// What a caller reaches is decided by models.Caller (its grants whose role may
// call the route, each over a set of sectors); these are the use cases' uses
// of it that more than one needs.

// ReachableInitiative returns the latest version of a stored initiative the
// caller reaches; ENOTFOUND for one it does not, as for an unknown id.
func (s *Service) ReachableInitiative(ctx context.Context, id string, caller models.Caller) (models.Initiative, error) {
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	in, err := s.store.GetInitiative(ctx, id)
	if err != nil {
		return models.Initiative{}, err
	}
	if err := caller.ReachInitiative(in); err != nil {
		return models.Initiative{}, err
	}
	return in, nil
}

// outOfReach refuses a document of a sector the caller may not submit to.
func outOfReach(caller models.Caller, sector string) error {
	reach := "no sector"
	if sectors := caller.Sectors(); len(sectors) > 0 {
		reach = strings.Join(sectors, ", ")
	}
	return &models.Error{Code: models.EFORBIDDEN,
		Message: fmt.Sprintf("sector %s is not one this token may submit to: it reaches %s", sector, reach),
		Details: map[string]string{"field": "sector", "sector": sector}}
}
