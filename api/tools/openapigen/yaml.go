package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// keyOrder is the order of the fixed fields of OpenAPI objects; anything
// else follows alphabetically, extensions (x-*) last.
var keyOrder = []string{
	"openapi", "info", "servers", "security", "tags", "paths", "components",
	// identity of an object
	"name", "in", "type", "scheme", "bearerFormat", "format", "$ref", "url",
	// info, tags, servers, operations
	"title", "version", "summary", "description", "termsOfService", "contact", "license", "email",
	"operationId", "required", "deprecated", "parameters", "requestBody", "responses",
	"headers", "content", "schema",
	// schemas
	"enum", "default", "nullable", "readOnly", "writeOnly",
	"minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
	"minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "items",
	"minProperties", "maxProperties", "properties", "additionalProperties",
	"allOf", "oneOf", "anyOf", "not", "discriminator", "example", "examples",
	// components
	"schemas", "securitySchemes",
}

var keyRank = func() map[string]int {
	m := make(map[string]int, len(keyOrder))
	for i, k := range keyOrder {
		if _, dup := m[k]; !dup {
			m[k] = i
		}
	}
	return m
}()

// namedMaps are keys whose value is a map from user-chosen names (paths,
// status codes, property names...) rather than an OpenAPI object.
var namedMaps = map[string]bool{
	"paths": true, "properties": true, "schemas": true, "responses": true, "headers": true,
	"securitySchemes": true, "content": true, "examples": true, "requestBodies": true,
	"parameters": true, "links": true, "callbacks": true, "variables": true, "mapping": true,
	"encoding": true, "scopes": true,
}

// dataKeys hold free-form JSON values.
var dataKeys = map[string]bool{"example": true, "default": true, "enum": true, "value": true}

type mode int

const (
	structural mode = iota // an OpenAPI object: fixed fields in keyOrder
	named                  // a map of names: sorted, children are objects
	data                   // free-form JSON: sorted all the way down
)

// marshalYAML renders v's JSON form as YAML with a deterministic key order.
func marshalYAML(v any, header string) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	root := toNode(tree, structural)
	root.HeadComment = header
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func childMode(parent mode, key string) mode {
	switch {
	case parent == data || dataKeys[key] || strings.HasPrefix(key, "x-"):
		return data
	case parent == named:
		return structural
	case namedMaps[key]:
		return named
	}
	return structural
}

func sortKeys(keys []string, m mode) {
	if m != structural {
		sort.Strings(keys)
		return
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		ra, oka := keyRank[a]
		rb, okb := keyRank[b]
		xa, xb := strings.HasPrefix(a, "x-"), strings.HasPrefix(b, "x-")
		switch {
		case xa != xb:
			return xb
		case oka && okb:
			return ra < rb
		case oka != okb:
			return oka
		}
		return a < b
	})
}

func scalar(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

func toNode(v any, m mode) *yaml.Node {
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sortKeys(keys, m)
		for _, k := range keys {
			n.Content = append(n.Content, scalar("!!str", k), toNode(v[k], childMode(m, k)))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		itemMode := m
		if m == named { // parameters: [...] holds Parameter objects
			itemMode = structural
		}
		for _, e := range v {
			n.Content = append(n.Content, toNode(e, itemMode))
		}
		return n
	case string:
		return scalar("!!str", v)
	case json.Number:
		if strings.ContainsAny(v.String(), ".eE") {
			return scalar("!!float", v.String())
		}
		return scalar("!!int", v.String())
	case bool:
		return scalar("!!bool", fmt.Sprint(v))
	case nil:
		return scalar("!!null", "null")
	}
	panic(fmt.Sprintf("unexpected JSON value %T", v))
}
