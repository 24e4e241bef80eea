package testkit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// RepoRoot finds the repository root (the directory holding go.mod).
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Contract validates exchanges against openapi.yaml: the request must match
// the operation (or be refused with a 4xx), the response status must be
// declared, and the body and headers must match the declared schema.
type Contract struct {
	doc    *openapi3.T
	router routers.Router
}

var (
	contractOnce sync.Once
	contract     *Contract
	contractErr  error
)

// LoadContract loads and validates the repository's openapi.yaml once.
func LoadContract() (*Contract, error) {
	contractOnce.Do(func() {
		root, err := RepoRoot()
		if err != nil {
			contractErr = err
			return
		}
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromFile(filepath.Join(root, "openapi.yaml"))
		if err != nil {
			contractErr = fmt.Errorf("load openapi.yaml: %w", err)
			return
		}
		if err := doc.Validate(context.Background()); err != nil {
			contractErr = fmt.Errorf("openapi.yaml is invalid: %w", err)
			return
		}
		// Match on path only: the test server's host is random.
		doc.Servers = openapi3.Servers{{URL: "/api/v1"}}
		r, err := gorillamux.NewRouter(doc)
		if err != nil {
			contractErr = fmt.Errorf("openapi router: %w", err)
			return
		}
		contract = &Contract{doc: doc, router: r}
	})
	return contract, contractErr
}

// Validate implements ContractValidator.
func (c *Contract) Validate(req *http.Request, reqBody []byte, resp *http.Response, respBody []byte) error {
	ctx := context.Background()
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed {
			return nil // an undocumented path that the server also refuses
		}
		return fmt.Errorf("no operation in openapi.yaml for %s %s (status %d)", req.Method, req.URL.Path, resp.StatusCode)
	}
	reqIn := &openapi3filter.RequestValidationInput{
		Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true},
	}
	req.Body = io.NopCloser(bytes.NewReader(reqBody))
	reqErr := openapi3filter.ValidateRequest(ctx, reqIn)
	if reqErr != nil && resp.StatusCode < 400 {
		return fmt.Errorf("server accepted (%d) a request the contract forbids: %v", resp.StatusCode, reqErr)
	}
	respIn := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: reqIn,
		Status:                 resp.StatusCode,
		Header:                 resp.Header,
		Body:                   io.NopCloser(bytes.NewReader(respBody)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(ctx, respIn); err != nil {
		msg := err.Error()
		if len(msg) > 3000 {
			msg = msg[:3000]
		}
		return fmt.Errorf("response does not match the contract: %s", strings.TrimSpace(msg))
	}
	return nil
}
