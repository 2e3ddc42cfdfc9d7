package core

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// Scheme is one security scheme of the API and how its credentials travel.
type Scheme struct {
	// Name is the scheme's key in the spec.
	Name string
	// Kind is "bearer", "basic", "api_key" or "oauth2" (client credentials).
	Kind string
	// Place is where an API key travels: "header", "query" or "cookie".
	Place string
	// Parameter is the header, query parameter or cookie an API key travels in.
	Parameter string
	// Options are the client options of its credentials, in order (for error messages).
	Options []string
	// Env is, per credential, the environment variable read when the option is not given.
	Env []string
	// Token says that the scheme's one credential is the client's token (option.WithToken).
	Token bool
	// TokenAlias says that option.WithToken fills the scheme when its own options are not
	// given (a basic scheme reads "user:password", or a key alone as the username).
	TokenAlias bool
	// TokenURL and Scopes are an OAuth2 client-credentials flow's.
	TokenURL string
	Scopes   []string
}

// Requirement is an operation's alternatives in the document's order, each the names of the
// schemes sent together; an empty alternative means that none are needed.
type Requirement [][]string

// Security is what a client knows of the API's schemes.
type Security struct {
	Schemes  []Scheme
	Default  Requirement
	TokenEnv string
}

type credentialKey struct {
	scheme string
	index  int
}

// WithCredential sets credential `index` of scheme `scheme` (the generated options call it).
func WithCredential(scheme string, index int, value string) RequestOption {
	return optionFunc(func(o *RequestOptions) {
		credentials := map[credentialKey]string{}
		for key, given := range o.Credentials {
			credentials[key] = given
		}
		credentials[credentialKey{scheme, index}] = value
		o.Credentials = credentials
	})
}

// ConfigurationError is a call the client cannot send as configured: credentials missing,
// a server variable out of its allowed values.
type ConfigurationError struct {
	Message string
}

func (e *ConfigurationError) Error() string { return e.Message }

// sending is the credentials one call sends: the schemes of the alternative chosen, with
// their values.
type sending struct {
	schemes []Scheme
	values  [][]string
	// carried is where the schemes put their credentials, kept off other origins' redirects.
	carried credentials
}

func (s *Security) token(options *RequestOptions) string {
	if options.Token == "" && s.TokenEnv != "" {
		return os.Getenv(s.TokenEnv)
	}
	return options.Token
}

// values are the scheme's credentials as configured, or false when some are missing.
func (s *Security) values(scheme Scheme, options *RequestOptions) ([]string, bool) {
	token := s.token(options)
	if scheme.Token {
		return []string{token}, token != ""
	}
	values := make([]string, len(scheme.Env))
	complete := len(values) > 0
	for i := range values {
		values[i] = options.Credentials[credentialKey{scheme.Name, i}]
		if values[i] == "" && scheme.Env[i] != "" {
			values[i] = os.Getenv(scheme.Env[i])
		}
		complete = complete && values[i] != ""
	}
	if scheme.Kind == "basic" && len(values) == 2 && values[0] != "" {
		return values, true // an API key as the username, with an empty password
	}
	if complete {
		return values, true
	}
	if scheme.TokenAlias && token != "" {
		if scheme.Kind == "basic" {
			username, password, _ := strings.Cut(token, ":")
			return []string{username, password}, true
		}
		return []string{token}, true
	}
	return nil, false
}

// choose is what a call sends: the first alternative whose schemes are all configured;
// nothing when none is needed; an error naming the options to pass when one is.
func (s *Security) choose(requirement Requirement, options *RequestOptions) (*sending, error) {
	optional := len(requirement) == 0
	for _, alternative := range requirement {
		if len(alternative) == 0 {
			optional = true
			continue
		}
		chosen := &sending{}
		for _, name := range alternative {
			scheme := s.scheme(name)
			values, ok := s.values(scheme, options)
			if !ok {
				chosen = nil
				break
			}
			chosen.add(scheme, values)
		}
		if chosen != nil {
			return chosen, chosen.check()
		}
	}
	if optional {
		return &sending{}, nil
	}
	return nil, s.missing(requirement, options)
}

// scheme is the scheme of that name (a requirement names only the API's schemes).
func (s *Security) scheme(name string) Scheme {
	for _, scheme := range s.Schemes {
		if scheme.Name == name {
			return scheme
		}
	}
	return Scheme{}
}

// add sends the scheme with its values, noting where it puts them.
func (c *sending) add(scheme Scheme, values []string) {
	c.schemes = append(c.schemes, scheme)
	c.values = append(c.values, values)
	switch {
	case scheme.Kind == "basic" || scheme.Kind == "oauth2" || scheme.Kind == "bearer":
		c.carried.headers = append(c.carried.headers, "Authorization")
	case scheme.Place == "query":
		c.carried.query = append(c.carried.query, scheme.Parameter)
	case scheme.Place == "cookie":
		c.carried.headers = append(c.carried.headers, "Cookie")
	default:
		c.carried.headers = append(c.carried.headers, scheme.Parameter)
	}
}

func (s *Security) missing(requirement Requirement, options *RequestOptions) error {
	hints := make([]string, 0, len(requirement))
	for _, alternative := range requirement {
		var wanted, env []string
		for _, name := range alternative {
			scheme := s.scheme(name)
			if _, ok := s.values(scheme, options); ok {
				continue
			}
			wanted = append(wanted, scheme.Options...)
			for _, variable := range scheme.Env {
				if variable != "" {
					env = append(env, variable)
				}
			}
			if scheme.Token && s.TokenEnv != "" {
				env = append(env, s.TokenEnv)
			}
		}
		hint := strings.Join(wanted, " and ")
		if len(env) > 0 {
			hint += " (or set " + strings.Join(env, ", ") + ")"
		}
		hints = append(hints, hint)
	}
	return &ConfigurationError{Message: "no credentials for this call: pass " + strings.Join(hints, "; or ")}
}

// apply puts the credentials on a request; tokens are the OAuth2 access tokens by scheme.
func (c *sending) apply(request *http.Request, query url.Values, tokens map[string]string) {
	for i, scheme := range c.schemes {
		values := c.values[i]
		switch {
		case scheme.Kind == "basic":
			pair := values[0] + ":" + values[1]
			request.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(pair)))
		case scheme.Kind == "oauth2":
			request.Header.Set("Authorization", "Bearer "+tokens[scheme.Name])
		case scheme.Kind == "bearer":
			request.Header.Set("Authorization", "Bearer "+values[0])
		case scheme.Place == "query":
			query.Set(scheme.Parameter, values[0])
		case scheme.Place == "cookie":
			pair := scheme.Parameter + "=" + url.PathEscape(values[0])
			if cookie := request.Header.Get("Cookie"); cookie != "" {
				pair = cookie + "; " + pair
			}
			request.Header.Set("Cookie", pair)
		default:
			request.Header.Set(scheme.Parameter, values[0])
		}
	}
}

// check refuses a credential that would split a header.
func (c *sending) check() error {
	for _, values := range c.values {
		for _, value := range values {
			if strings.ContainsAny(value, "\r\n") {
				return &ConfigurationError{Message: "a credential contains a line break"}
			}
		}
	}
	return nil
}

// Variable is a `{name}` of the server URL: its default and allowed values (empty: any).
type Variable struct {
	Name    string
	Default string
	Enum    []string
}

// WithVariable sets server variable `name` (the generated options call it).
func WithVariable(name string, value string) RequestOption {
	return optionFunc(func(o *RequestOptions) {
		variables := map[string]string{}
		for key, given := range o.Variables {
			variables[key] = given
		}
		variables[name] = value
		o.Variables = variables
	})
}

// serverURL is `template` with each variable replaced by its given value, else its default.
func serverURL(template string, variables []Variable, given map[string]string) (string, error) {
	for _, variable := range variables {
		value, ok := given[variable.Name]
		if !ok {
			value = variable.Default
		} else if len(variable.Enum) > 0 && !contains(variable.Enum, value) {
			return "", &ConfigurationError{Message: fmt.Sprintf("server variable %q cannot be %q; allowed: %s",
				variable.Name, value, strings.Join(variable.Enum, ", "))}
		}
		template = strings.ReplaceAll(template, "{"+variable.Name+"}", value)
	}
	return template, nil
}

func contains(values []string, value string) bool {
	for _, candidate := range values {
		if candidate == value {
			return true
		}
	}
	return false
}
