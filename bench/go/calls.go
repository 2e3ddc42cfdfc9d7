// Per-call overhead: the same GET answered by an in-process server, through a raw net/http
// request (decoded into the same type) and through the generated client. Prints JSON: the
// median microseconds per call of each, over rounds that interleave the two (in turns first),
// and the median of each round's ratio (two runs close in time meet the same load).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"time"

	extend "example.com/extend-go/v2"
	"example.com/extend-go/v2/client"
	"example.com/extend-go/v2/option"
)

const file = `{"object":"file","id":"file_bench","name":"Invoice.pdf","type":"PDF","presignedUrl":"https://example.com/file_bench.pdf","parentFileId":null,"metadata":{"pageCount":3},"createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z"}`

func main() {
	calls, _ := strconv.Atoi(os.Args[1])
	rounds, _ := strconv.Atoi(os.Args[2])
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req_1")
		io.WriteString(w, file)
	}))
	defer server.Close()
	ctx := context.Background()
	raw := func() error {
		request, err := http.NewRequestWithContext(ctx, http.MethodGet, server.URL+"/files/file_bench", nil)
		if err != nil {
			return err
		}
		request.Header.Set("Authorization", "Bearer t")
		request.Header.Set("X-Extend-Api-Version", "2026-02-09")
		request.Header.Set("Accept", "application/json")
		response, err := http.DefaultClient.Do(request)
		if err != nil {
			return err
		}
		defer response.Body.Close()
		body, err := io.ReadAll(response.Body)
		if err != nil {
			return err
		}
		var decoded extend.File
		return json.Unmarshal(body, &decoded)
	}
	sdk := client.NewClient(option.WithToken("t"), option.WithBaseURL(server.URL))
	generated := func() error {
		_, err := sdk.Files.Retrieve(ctx, "file_bench", nil)
		return err
	}
	names := []string{"raw net/http", "generated"}
	clients := map[string]func() error{"raw net/http": raw, "generated": generated}
	times := map[string][]float64{}
	for _, name := range names {
		for i := 0; i < 300; i++ {
			if err := clients[name](); err != nil {
				fmt.Fprintln(os.Stderr, name, err)
				os.Exit(1)
			}
		}
	}
	ratios := []float64{}
	for r := 0; r < rounds; r++ {
		order := names
		if r%2 == 1 {
			order = []string{names[1], names[0]}
		}
		for _, name := range order {
			start := time.Now()
			for i := 0; i < calls; i++ {
				clients[name]()
			}
			times[name] = append(times[name], float64(time.Since(start).Microseconds())/float64(calls))
		}
		ratios = append(ratios, times["generated"][r]/times["raw net/http"][r])
	}
	sort.Float64s(ratios)
	result := map[string]float64{"ratio": ratios[len(ratios)/2]}
	for name, list := range times {
		sort.Float64s(list)
		result[name] = list[len(list)/2]
	}
	encoded, _ := json.Marshal(result)
	fmt.Println(string(encoded))
}
