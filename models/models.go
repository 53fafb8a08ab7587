// Package models holds Styring's domain: initiatives, check results, violations,
// the rule catalog and the one coded error type. It imports no framework, so the
// engine, the storage and the HTTP layer all speak these types.
package models
