// Command ir-check runs KFP IR documents through the KFP backend's own code:
// the API server's template parser (what an upload goes through) and the
// Argo workflow compiler (what creating a run goes through).
//
// Usage:
//
//	ir-check [-out DIR] FILE...
//
// It prints one JSON line per file:
//
//	{"file":"a.yaml","template":"ok","argo":"ok"}
//
// where "template" and "argo" are "ok" or the backend's error text, and exits
// 0 when every file is accepted by both, 1 otherwise, 2 on a usage error.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kubeflow/pipelines/api/v2alpha1/go/pipelinespec"
	"github.com/kubeflow/pipelines/backend/src/apiserver/config/proxy"
	"github.com/kubeflow/pipelines/backend/src/apiserver/template"
	"github.com/kubeflow/pipelines/backend/src/common/util"
	"github.com/kubeflow/pipelines/backend/src/v2/compiler/argocompiler"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"
	"sigs.k8s.io/yaml"
)

const ok = "ok"

// result is one output line; the field order is the documented one.
type result struct {
	File     string `json:"file"`
	Template string `json:"template"`
	Argo     string `json:"argo"`
}

func main() {
	// The backend logs through glog, which writes log files to $TMPDIR unless
	// told otherwise; keep its output on stderr so stdout stays pure JSON lines.
	_ = flag.Set("logtostderr", "true")
	_ = flag.Set("stderrthreshold", "FATAL")
	outDir := flag.String("out", "", "if set, write each compiled Argo Workflow to DIR/<file base name> (YAML)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: %s [-out DIR] FILE...\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}

	// The compiler adds the API server's HTTP(S)_PROXY settings to every
	// container; the API server initialises them from its environment at
	// start-up. An explicit empty config keeps the output independent of the
	// environment this check runs in.
	proxy.InitializeConfig("", "", "")

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	allAccepted := true
	for _, file := range flag.Args() {
		res, wf := check(file)
		if res.Template != ok || res.Argo != ok {
			allAccepted = false
		}
		if wf != nil && *outDir != "" {
			if err := writeWorkflow(*outDir, file, wf); err != nil {
				fmt.Fprintf(os.Stderr, "ir-check: %v\n", err)
				os.Exit(2)
			}
		}
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(os.Stderr, "ir-check: %v\n", err)
			os.Exit(2)
		}
	}
	if !allAccepted {
		os.Exit(1)
	}
}

// check runs one file through both backend stages. A panic inside the backend
// is reported as that stage's error so one bad document cannot hide the rest.
func check(file string) (res result, wf interface{}) {
	res = result{File: file, Template: "not run", Argo: "not run"}
	stage := &res.Template
	defer func() {
		if r := recover(); r != nil {
			*stage = fmt.Sprintf("panic: %v", r)
			wf = nil
		}
	}()

	data, err := os.ReadFile(file)
	if err != nil {
		res.Template = err.Error()
		return res, nil
	}

	// Upload path: the API server calls template.New on the uploaded bytes
	// (resource manager CreatePipelineAndPipelineVersion / CreatePipelineVersion).
	tmpl, err := template.New(data, template.TemplateOptions{})
	if err != nil {
		res.Template = err.Error()
		res.Argo = "not run: the template parser rejected the document"
		return res, nil
	}
	v2, isV2 := tmpl.(*template.V2Spec)
	if !isV2 {
		res.Template = fmt.Sprintf("not a KFP v2 pipeline spec: the backend read it as template type %q", tmpl.GetTemplateType())
		res.Argo = "not run: not a v2 pipeline spec"
		return res, nil
	}
	res.Template = ok

	// Run path: V2Spec.RunWorkflow hands the spec, as a PipelineJob, with the
	// "kubernetes" platform spec to argocompiler.Compile. RunWorkflow itself
	// first checks the run's parameter values against the root inputs; a
	// document has no run, so the compiler is called the same way directly and
	// fills parameter defaults itself.
	stage = &res.Argo
	compiled, err := compile(v2)
	if err != nil {
		res.Argo = err.Error()
		return res, nil
	}
	res.Argo = ok
	return res, compiled
}

func compile(v2 *template.V2Spec) (interface{}, error) {
	specJSON, err := protojson.Marshal(v2.PipelineSpec())
	if err != nil {
		return nil, fmt.Errorf("marshal pipeline spec: %w", err)
	}
	specStruct := &structpb.Struct{}
	if err := protojson.Unmarshal(specJSON, specStruct); err != nil {
		return nil, fmt.Errorf("pipeline spec as struct: %w", err)
	}
	job := &pipelinespec.PipelineJob{
		PipelineSpec:  specStruct,
		DisplayName:   v2.V2PipelineName(),
		RuntimeConfig: &pipelinespec.PipelineJob_RuntimeConfig{},
	}
	var kubernetesSpec *pipelinespec.SinglePlatformSpec
	if ps := v2.PlatformSpec(); ps != nil {
		kubernetesSpec = ps.GetPlatforms()["kubernetes"]
	}
	wf, err := argocompiler.Compile(job, kubernetesSpec, &argocompiler.Options{})
	if err != nil {
		return nil, err
	}
	// The API server wraps the compiled object the same way before submitting it.
	if _, err := util.NewExecutionSpecFromInterface(util.ArgoWorkflow, wf); err != nil {
		return nil, err
	}
	return wf, nil
}

func writeWorkflow(dir, file string, wf interface{}) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out, err := yaml.Marshal(wf)
	if err != nil {
		return fmt.Errorf("marshal workflow for %s: %w", file, err)
	}
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)) + ".argo.yaml"
	return os.WriteFile(filepath.Join(dir, name), out, 0o644)
}
