// Command yaml-readers reads compiled pipeline files the way the KFP backend's Go code does, so the
// test suite can check that every reader gets back what kfp-ts compiled.
//
// Input on stdin: one JSON object per line, {"text": FILE, "docs": [DOC, ...]}, where FILE is the
// whole compiled file and DOC its documents' texts (FILE cut at its `---` lines). Output on stdout:
// one JSON object per input line, each reading a JSON array of the documents or an error:
//
//	v3      gopkg.in/yaml.v3 over FILE, each document decoded into map[string]interface{} and
//	        written with encoding/json: the API server's template.NewV2SpecTemplate.
//	v2      sigs.k8s.io/yaml.YAMLToJSON over each DOC (go-yaml v2): how Kubernetes tooling reads
//	        YAML, and the reader of the platform document.
//	backend the API server's whole reading: the pipeline document as v3 reads it, the platform
//	        document (every later one) as it passes it on: yaml.v3 decode, yaml.v3 Marshal, then
//	        sigs.k8s.io/yaml.YAMLToJSON.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	goyaml "gopkg.in/yaml.v3"
	"sigs.k8s.io/yaml"
)

type request struct {
	Text string   `json:"text"`
	Docs []string `json:"docs"`
}

type reading struct {
	Docs  []json.RawMessage `json:"docs,omitempty"`
	Error string            `json:"error,omitempty"`
}

type response struct {
	V3      reading `json:"v3"`
	V2      reading `json:"v2"`
	Backend reading `json:"backend"`
}

func readV3(text string) (docs []json.RawMessage, backend []json.RawMessage, err error, backendErr error) {
	decoder := goyaml.NewDecoder(bytes.NewReader([]byte(text)))
	for {
		var value map[string]interface{}
		err := decoder.Decode(&value)
		if errors.Is(err, io.EOF) {
			return docs, backend, nil, backendErr
		}
		if err != nil {
			return nil, nil, fmt.Errorf("decode: %w", err), nil
		}
		if value == nil {
			continue
		}
		j, err := json.Marshal(value)
		if err != nil {
			return nil, nil, fmt.Errorf("json: %w", err), nil
		}
		docs = append(docs, j)
		if len(docs) == 1 || backendErr != nil {
			backend = append(backend, j)
			continue
		}
		y, err := goyaml.Marshal(&value)
		if err != nil {
			backendErr = fmt.Errorf("re-marshal: %w", err)
			continue
		}
		b, err := yaml.YAMLToJSON(y)
		if err != nil {
			backendErr = fmt.Errorf("YAMLToJSON of the document go-yaml v3 re-marshalled: %w", err)
			continue
		}
		backend = append(backend, b)
	}
}

func readV2(docs []string) ([]json.RawMessage, error) {
	var out []json.RawMessage
	for i, doc := range docs {
		j, err := yaml.YAMLToJSON([]byte(doc))
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", i+1, err)
		}
		out = append(out, j)
	}
	return out, nil
}

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	for {
		line, err := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var req request
			if jerr := json.Unmarshal(line, &req); jerr != nil {
				fmt.Fprintln(os.Stderr, "bad request:", jerr)
				os.Exit(2)
			}
			var res response
			v3, backend, rerr, berr := readV3(req.Text)
			switch {
			case rerr != nil:
				res.V3.Error = rerr.Error()
				res.Backend.Error = rerr.Error()
			case berr != nil:
				res.V3.Docs = v3
				res.Backend.Error = berr.Error()
			default:
				res.V3.Docs = v3
				res.Backend.Docs = backend
			}
			if v2, rerr := readV2(req.Docs); rerr != nil {
				res.V2.Error = rerr.Error()
			} else {
				res.V2.Docs = v2
			}
			if eerr := encoder.Encode(&res); eerr != nil {
				fmt.Fprintln(os.Stderr, "write:", eerr)
				os.Exit(2)
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "read:", err)
			os.Exit(2)
		}
	}
}
