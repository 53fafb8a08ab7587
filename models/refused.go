package models

// EREFUSED is the code of a submission the rules refuse: an unwaived error
// blocks it (HTTP 422, CLI exit 1). Its answer is the check result.
const EREFUSED = "refused"

// RefusedError is a submission refused by the rules, with the check that
// refused it; nothing but its decision was stored.
type RefusedError struct {
	Result CheckResult
}

func (e *RefusedError) Error() string {
	return EREFUSED + ": the proposal breaks rules that block it (" + e.Result.DecisionID + ")"
}
