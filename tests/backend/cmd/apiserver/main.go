// Command apiserver serves the KFP API server's own v2beta1 handlers over
// HTTP on loopback, backed by the backend's in-memory fake client manager
// (SQLite in memory, fake Kubernetes and Argo clients), for tests.
//
// Usage:
//
//	apiserver [-port N]
//
// With -port 0 (the default) the OS picks a free port. Once the server
// accepts connections it prints one line to stdout:
//
//	listening on http://127.0.0.1:PORT
//
// It stops on SIGINT or SIGTERM.
//
// The wiring follows backend/src/apiserver/main.go: the gRPC services are
// served on a loopback gRPC listener and exposed through the grpc-gateway
// REST mux; pipeline upload and healthz are plain HTTP handlers on the same
// router. What differs is listed in tests/backend/README.md.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/golang/glog"
	"github.com/gorilla/mux"
	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	apiv2beta1 "github.com/kubeflow/pipelines/backend/api/v2beta1/go_client"
	"github.com/kubeflow/pipelines/backend/src/apiserver/common"
	"github.com/kubeflow/pipelines/backend/src/apiserver/config/proxy"
	"github.com/kubeflow/pipelines/backend/src/apiserver/resource"
	"github.com/kubeflow/pipelines/backend/src/apiserver/server"
	"github.com/kubeflow/pipelines/backend/src/common/util"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

const host = "127.0.0.1"

func main() {
	_ = flag.Set("logtostderr", "true")
	port := flag.Int("port", 0, "HTTP port on "+host+"; 0 picks a free one")
	flag.Parse()

	if err := run(*port); err != nil {
		fmt.Fprintf(os.Stderr, "apiserver: %v\n", err)
		os.Exit(1)
	}
}

func run(port int) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The compiler copies the API server's proxy settings into every pod; the
	// real server reads them from its environment. Empty keeps runs reproducible.
	proxy.InitializeConfig("", "", "")

	clientManager := resource.NewFakeClientManagerOrFatalV2()
	defer clientManager.Close()
	resourceManager := resource.NewResourceManager(clientManager, &resource.ResourceManagerOptions{})
	// Single-user mode creates the default experiment at start-up, as main.go does.
	if _, err := resourceManager.CreateDefaultExperiment(""); err != nil {
		return fmt.Errorf("create default experiment: %w", err)
	}

	grpcServer, grpcAddr, err := startGRPC(resourceManager)
	if err != nil {
		return err
	}
	defer grpcServer.Stop()

	gateway, err := newGateway(ctx, grpcAddr)
	if err != nil {
		return err
	}

	upload := server.NewPipelineUploadServer(resourceManager, &server.PipelineUploadServerOptions{})
	router := mux.NewRouter()
	// Multipart upload is plain HTTP in the real server too (grpc-gateway cannot
	// stream multipart bodies), registered before the /apis/ catch-all.
	router.HandleFunc("/apis/v2beta1/pipelines/upload", upload.UploadPipeline)
	router.HandleFunc("/apis/v2beta1/pipelines/upload_version", upload.UploadPipelineVersion)
	router.HandleFunc("/apis/v2beta1/healthz", healthz)
	router.PathPrefix("/apis/").Handler(gateway)

	listener, err := net.Listen("tcp", net.JoinHostPort(host, fmt.Sprint(port)))
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	httpServer := &http.Server{Handler: router, ReadHeaderTimeout: 10 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- httpServer.Serve(listener) }()

	// The listener already accepts connections, so a client that reads this
	// line can connect at once.
	fmt.Printf("listening on http://%s\n", listener.Addr().String())

	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// startGRPC serves the v2beta1 services on a loopback port the OS picks.
func startGRPC(resourceManager *resource.ResourceManager) (*grpc.Server, string, error) {
	listener, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return nil, "", fmt.Errorf("listen (gRPC): %w", err)
	}
	s := grpc.NewServer(grpc.UnaryInterceptor(toGRPCErrors), grpc.MaxRecvMsgSize(math.MaxInt32))
	apiv2beta1.RegisterExperimentServiceServer(s, server.NewExperimentServer(resourceManager, &server.ExperimentServerOptions{}))
	apiv2beta1.RegisterPipelineServiceServer(s, server.NewPipelineServer(resourceManager, &server.PipelineServerOptions{}))
	apiv2beta1.RegisterRecurringRunServiceServer(s, server.NewJobServer(resourceManager, &server.JobServerOptions{}))
	apiv2beta1.RegisterRunServiceServer(s, server.NewRunServer(resourceManager, &server.RunServerOptions{}))
	apiv2beta1.RegisterReportServiceServer(s, server.NewReportServer(resourceManager))
	go func() {
		if err := s.Serve(listener); err != nil {
			glog.Errorf("gRPC server: %v", err)
		}
	}()
	return s, listener.Addr().String(), nil
}

// toGRPCErrors does what the real server's interceptor does: the handlers
// return the backend's own error type, which the gateway only maps to the
// right HTTP status once it is a gRPC status.
func toGRPCErrors(ctx context.Context, req interface{}, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (interface{}, error) {
	resp, err := handler(ctx, req)
	if err != nil {
		util.LogError(util.Wrapf(err, "%s call failed", info.FullMethod))
		return resp, util.ToGRPCError(err)
	}
	return resp, nil
}

func newGateway(ctx context.Context, grpcAddr string) (http.Handler, error) {
	gateway := runtime.NewServeMux(runtime.WithMarshalerOption(runtime.MIMEWildcard, common.CustomMarshaler()))
	opts := []grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(math.MaxInt32)),
	}
	registrations := map[string]func(context.Context, *runtime.ServeMux, string, []grpc.DialOption) error{
		"ExperimentService":   apiv2beta1.RegisterExperimentServiceHandlerFromEndpoint,
		"PipelineService":     apiv2beta1.RegisterPipelineServiceHandlerFromEndpoint,
		"RecurringRunService": apiv2beta1.RegisterRecurringRunServiceHandlerFromEndpoint,
		"RunService":          apiv2beta1.RegisterRunServiceHandlerFromEndpoint,
		"ReportService":       apiv2beta1.RegisterReportServiceHandlerFromEndpoint,
	}
	for name, register := range registrations {
		if err := register(ctx, gateway, grpcAddr, opts); err != nil {
			return nil, fmt.Errorf("register %s REST handler: %w", name, err)
		}
	}
	return gateway, nil
}

// healthz answers like the real server's handler (which lives in its main
// package and so cannot be imported): same fields, same config keys.
func healthz(w http.ResponseWriter, _ *http.Request) {
	body, err := json.Marshal(map[string]interface{}{
		"commit_sha":     common.GetStringConfigWithDefault("COMMIT_SHA", "unknown"),
		"tag_name":       common.GetStringConfigWithDefault("TAG_NAME", "unknown"),
		"multi_user":     common.IsMultiUserMode(),
		"pipeline_store": "database",
	})
	if err != nil {
		http.Error(w, "failed to encode response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}
