package core

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// PollSpec says when a run is finished: its status field holds one of the terminal values.
type PollSpec struct {
	StatusField string
	IDField     string
	Terminal    []string
}

// Poll retrieves a run until its status is terminal, waiting the options' poll interval
// between two retrievals; the context bounds the whole wait.
func Poll[T any](ctx context.Context, run T, retrieve func(context.Context, string) (T, error), spec PollSpec, options *RequestOptions) (T, error) {
	for {
		fields, err := runFields(run)
		if err != nil {
			return run, err
		}
		if isTerminal(fields[spec.StatusField], spec.Terminal) {
			return run, nil
		}
		id, ok := fields[spec.IDField]
		if !ok || id == nil {
			return run, fmt.Errorf("polling: the run has no %q", spec.IDField)
		}
		timer := time.NewTimer(options.PollInterval)
		select {
		case <-ctx.Done():
			timer.Stop()
			return run, ctx.Err()
		case <-timer.C:
		}
		if run, err = retrieve(ctx, text(id)); err != nil {
			return run, err
		}
	}
}

func runFields(run any) (map[string]any, error) {
	encoded, err := json.Marshal(run)
	if err != nil {
		return nil, err
	}
	return objectFields(encoded)
}

func isTerminal(status any, terminal []string) bool {
	for _, value := range terminal {
		if text(status) == value {
			return true
		}
	}
	return false
}
