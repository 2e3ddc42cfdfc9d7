// Per-call overhead: the same GET answered by an in-process server, through a raw net/http
// request (decoded into the same type) and through the generated client. Prints JSON: the
// median microseconds per call of each (wall and CPU) and the medians of each round's ratios to
// the raw request (two runs close in time meet the same load).
//
// Fairness: both send the same request (the same headers reach the server, an Accept of JSON
// included) and both read the whole body and decode it
// into extend.File. "raw net/http, again" is the raw request once more: its ratio to the first
// is the run's noise floor.
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
	"syscall"
	"time"

	extend "example.com/extend-go/v2"
	"example.com/extend-go/v2/client"
	"example.com/extend-go/v2/option"
)

const file = `{"object":"file","id":"file_bench","name":"Invoice.pdf","type":"PDF","presignedUrl":"https://example.com/file_bench.pdf","parentFileId":null,"metadata":{"pageCount":3},"createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z"}`

// cpuTime is the CPU time this process has used (user + system, every thread: the server's
// goroutines, the client's and the garbage collector's).
func cpuTime() time.Duration {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		panic(err)
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}

func median(list []float64) float64 {
	sorted := append([]float64(nil), list...)
	sort.Float64s(sorted)
	return sorted[len(sorted)/2]
}

// williams are the orders of a Williams design: each client runs in every position and right
// after every other client equally often, so the garbage one client leaves, collected in the
// next one's time, burdens each alike (a plain rotation had one client always follow another).
func williams(names []string) [][]string {
	count := len(names)
	first := []int{0}
	for step := 1; len(first) < count; step++ {
		first = append(first, step)
		if len(first) < count {
			first = append(first, count-step)
		}
	}
	var orders [][]string
	for shift := 0; shift < count; shift++ {
		row := make([]string, count)
		for i, index := range first {
			row[i] = names[(index+shift)%count]
		}
		orders = append(orders, row)
	}
	if count%2 == 1 {
		for shift := 0; shift < count; shift++ {
			row := make([]string, count)
			for i, name := range orders[shift] {
				row[count-1-i] = name
			}
			orders = append(orders, row)
		}
	}
	return orders
}

func main() {
	calls, _ := strconv.Atoi(os.Args[1])
	rounds, _ := strconv.Atoi(os.Args[2])
	warmup, _ := strconv.Atoi(os.Args[3])
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req_1")
		io.WriteString(w, file)
	}))
	defer server.Close()
	ctx := context.Background()
	raw := func() (string, error) {
		request, err := http.NewRequestWithContext(ctx, http.MethodGet, server.URL+"/files/file_bench", nil)
		if err != nil {
			return "", err
		}
		request.Header.Set("Authorization", "Bearer t")
		request.Header.Set("X-Extend-Api-Version", "2026-02-09")
		request.Header.Set("Accept", "application/json")
		response, err := http.DefaultClient.Do(request)
		if err != nil {
			return "", err
		}
		defer response.Body.Close()
		body, err := io.ReadAll(response.Body)
		if err != nil {
			return "", err
		}
		var decoded extend.File
		err = json.Unmarshal(body, &decoded)
		return decoded.ID, err
	}
	sdk := client.NewClient(option.WithToken("t"), option.WithBaseURL(server.URL))
	generated := func() (string, error) {
		decoded, err := sdk.Files.Retrieve(ctx, "file_bench", nil)
		if err != nil {
			return "", err
		}
		return decoded.ID, nil
	}
	names := []string{"raw net/http", "raw net/http, again", "generated"}
	clients := map[string]func() (string, error){"raw net/http": raw, "raw net/http, again": raw, "generated": generated}
	for _, name := range names {
		for i := 0; i < warmup; i++ {
			if id, err := clients[name](); err != nil || id != "file_bench" {
				fmt.Fprintln(os.Stderr, name, "answered", id, err)
				os.Exit(1)
			}
		}
	}
	orders := williams(names)
	times, cpu := map[string][]float64{}, map[string][]float64{}
	ratios, cpuRatios := map[string][]float64{}, map[string][]float64{}
	for r := 0; r < rounds; r++ {
		for _, name := range orders[r%len(orders)] {
			call := clients[name]
			startCPU, start := cpuTime(), time.Now()
			for i := 0; i < calls; i++ {
				call()
			}
			times[name] = append(times[name], float64(time.Since(start).Nanoseconds())/1000/float64(calls))
			cpu[name] = append(cpu[name], float64((cpuTime()-startCPU).Nanoseconds())/1000/float64(calls))
		}
		for _, name := range names {
			ratios[name] = append(ratios[name], times[name][r]/times["raw net/http"][r])
			cpuRatios[name] = append(cpuRatios[name], cpu[name][r]/cpu["raw net/http"][r])
		}
	}
	result := map[string]map[string]float64{"wall": {}, "cpu": {}, "ratios": {}, "cpuRatios": {}}
	for _, name := range names {
		result["wall"][name] = median(times[name])
		result["cpu"][name] = median(cpu[name])
		result["ratios"][name] = median(ratios[name])
		result["cpuRatios"][name] = median(cpuRatios[name])
	}
	encoded, _ := json.Marshal(result)
	fmt.Println(string(encoded))
}
