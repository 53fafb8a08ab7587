package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/baerum/styring/internal/demo"
	"github.com/baerum/styring/internal/sample"
	"github.com/baerum/styring/models"
	"github.com/baerum/styring/policies"
)

// MaxTrialStored is how many stored initiatives a candidate revision is tried on
// before activation, beside the shipped examples.
const MaxTrialStored = 200

var errEnough = errors.New("enough trial inputs")

// TrialInputs returns what a candidate revision is evaluated on before it is
// activated: the examples shipped in the binary (the demo portfolio, a large
// initiative and one with many violations) and up to MaxTrialStored stored
// initiatives.
func (s *Service) TrialInputs(ctx context.Context) ([]policies.TrialInput, error) {
	raws, err := demo.Initiatives()
	if err != nil {
		return nil, err
	}
	var inputs []policies.TrialInput
	for i, raw := range raws {
		doc, err := policies.ParseDocument(raw)
		if err != nil {
			return nil, fmt.Errorf("shipped example %d: %w", i, err)
		}
		inputs = append(inputs, policies.TrialInput{Name: fmt.Sprintf("shipped example %s", str(doc.(map[string]any)["id"])), Document: doc})
	}
	for name, doc := range map[string]map[string]any{"the large sample initiative": sample.Large(), "the sample with many violations": sample.ManyViolations()} {
		// Through JSON, so the document has the form a request's has.
		raw, err := json.Marshal(doc)
		if err != nil {
			return nil, err
		}
		parsed, err := policies.ParseDocument(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		inputs = append(inputs, policies.TrialInput{Name: name, Document: parsed})
	}
	if s.store == nil {
		return inputs, nil
	}
	ctx, cancel := s.storeContext(ctx)
	defer cancel()
	n := 0
	err = s.store.AllInitiatives(ctx, nil, func(in models.Initiative, _ json.RawMessage) error {
		if n == MaxTrialStored {
			return errEnough
		}
		doc, err := policies.ParseDocument(in.Document)
		if err != nil {
			return fmt.Errorf("stored initiative %s: %w", in.ID, err)
		}
		inputs = append(inputs, policies.TrialInput{Name: "stored initiative " + in.ID, Document: doc})
		n++
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	return inputs, nil
}
