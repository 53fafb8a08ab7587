package policies

// The Rego fixtures that are copies of the contract's examples
// (bundle/test/examples_test.rego, bundle/portfolio/examples_test.rego) are
// generated from testdata/examples; TestGeneratedFixtures keeps them current.
//go:generate go run ./internal/fixturegen/cmd/fixturegen
