package plan

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// flowList is the hostile input of a pull request against memory: a plan with a flow list of
// small numbers, n of them, which costs the parser about 200 bytes each.
func flowList(n int) []byte {
	var b strings.Builder
	b.WriteString("period: 2026-Q3\nscope: sales\nx: [1")
	b.WriteString(strings.Repeat(",1", n-1))
	b.WriteString("]\n")
	return []byte(b.String())
}

// nodeShapes are the texts that pack the most nodes into the fewest separators.
func nodeShapes(n int) map[string]string {
	head := "period: 2026-Q3\nscope: sales\n"
	var flowMap, flowPairs, blockList, blockMaps, nested strings.Builder
	for i := range n {
		fmt.Fprintf(&flowMap, "a%d,", i)
		fmt.Fprintf(&flowPairs, "a%d: 1, ", i)
		blockList.WriteString("- 1\n")
		fmt.Fprintf(&blockMaps, "- a: 1\n  b:\n    c: [d, {e: f}]\n")
		fmt.Fprintf(&nested, "- - - ? a\n      : - b\n")
	}
	return map[string]string{
		"flow list":                  string(flowList(n)),
		"flow mapping of null":       head + "x: {" + flowMap.String() + "}\n",
		"flow list of pairs":         head + "x: [" + flowPairs.String() + "]\n",
		"block list":                 head + "x:\n" + blockList.String(),
		"block mappings":             head + "x:\n" + blockMaps.String(),
		"compact nesting":            head + "x:\n" + nested.String(),
		"no final line break":        "a:\n  b: c",
		"anchors and aliases":        head + "x: &a [1, 2]\ny: *a\nz: {<<: *a}\n",
		"block scalars and comments": head + "x: |\n  a, b: c\n  - d\n# e, f: g\n",
	}
}

func countNodes(n *yaml.Node) int {
	c := 1
	for _, k := range n.Content {
		c += countNodes(k)
	}
	return c
}

// TestEstimateNodesBoundsTheTree checks the bound the documentation states: the parser builds at
// most twice as many nodes as estimateNodes counts (a flow mapping of keys without values is
// the worst case), so MaxYAMLNodes bounds the tree of any file it lets through.
func TestEstimateNodesBoundsTheTree(t *testing.T) {
	texts := nodeShapes(50)
	filepath.WalkDir("../examples", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && IsYAMLFile(p) {
			if data, err := os.ReadFile(p); err == nil {
				texts[p] = string(data)
			}
		}
		return nil
	})
	if len(texts) < 12 {
		t.Fatalf("only %d texts to check", len(texts))
	}
	for name, text := range texts {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		nodes, est := countNodes(&doc)-1, estimateNodes([]byte(text)) // not the document node
		if nodes > 2*est+2 {
			t.Errorf("%s: %d nodes, estimated %d", name, nodes, est)
		}
	}
}

func TestTooManyNodesAreRefusedBeforeParsing(t *testing.T) {
	data := flowList((MaxFileSize - 100) / 2) // 4 MiB: two million numbers
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, diags := Parse("p.yaml", data)
	runtime.ReadMemStats(&after)
	want := "YAML values, more than the 100000 a plan may have"
	if len(diags) != 1 || !strings.Contains(diags[0].Message, want) || diags[0].Rule != RuleYAMLSyntax {
		t.Errorf("diagnostics %v, want one saying %q", diags, want)
	}
	// Parsing it allocated 400 MB.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("refusing a 4 MiB flow list allocated %d bytes", alloc)
	}
	// Walking, a file that does not look like a plan is skipped unparsed.
	other := []byte(strings.Replace(string(flowList(MaxYAMLNodes+10)), "period", "perio", 1))
	if _, diags, isPlan := ParseCandidate("p.yaml", other); isPlan || diags != nil {
		t.Errorf("a huge file that is not a plan: plan %v, %v", isPlan, diags)
	}
}

// TestMemoryPerNode checks the memory bound the documentation states: every shape of text costs
// at most 640 bytes a value of the estimate, so 64 MB at the limit. It measures files a tenth of
// the limit, to stay fast.
func TestMemoryPerNode(t *testing.T) {
	for name, small := range nodeShapes(1000) {
		if len(small) < 1000 {
			continue
		}
		n := 1000 * MaxYAMLNodes / 10 / estimateNodes([]byte(small))
		text := []byte(nodeShapes(n)[name])
		est := estimateNodes(text)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, diags := Parse("p.yaml", text)
		runtime.ReadMemStats(&after)
		if len(diags) == 0 || strings.Contains(diags[0].Message, "YAML values") {
			t.Errorf("%s (%d estimated): %v", name, est, diags)
		}
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d estimated, %d bytes each", name, est, alloc/uint64(est))
		if alloc > uint64(640*est) {
			t.Errorf("%s: %d estimated values allocated %d bytes, %d each", name, est, alloc, alloc/uint64(est))
		}
	}
}

func BenchmarkHugeFlowList(b *testing.B) {
	for _, n := range []int{MaxYAMLNodes - 10, (MaxFileSize - 100) / 2} {
		data := flowList(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Parse("p.yaml", data)
			}
		})
	}
}

// estimateNodesByCount is the estimate written as the byte counts it stands for, to check the
// one-pass version against.
func estimateNodesByCount(data []byte) int {
	n := 1
	for _, sep := range []string{"\n", ",", "[", "{"} {
		n += bytes.Count(data, []byte(sep))
	}
	for _, ind := range []string{":", "-", "?"} {
		for _, blank := range []string{" ", "\n", "\t", "\r"} {
			n += bytes.Count(data, []byte(ind+blank))
		}
		if bytes.HasSuffix(data, []byte(ind)) {
			n++
		}
	}
	return n
}

func TestEstimateNodesCountsWhatItSays(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte(":-? \n\t\r,[{a1#\"")
	for range 2000 {
		data := make([]byte, r.IntN(40))
		for i := range data {
			data[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := estimateNodes(data), estimateNodesByCount(data); got != want {
			t.Fatalf("estimateNodes(%q) = %d, want %d", data, got, want)
		}
	}
}

// TestEstimateNodesBound checks the bound that lets a short file skip the estimate: no text
// counts more than maxEstimate of its length, and text made to count the most reaches it.
func TestEstimateNodesBound(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte(":-? \n\t\r,[{a")
	for range 5000 {
		data := make([]byte, r.IntN(60))
		for i := range data {
			data[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got := estimateNodes(data); got > maxEstimate(len(data)) {
			t.Fatalf("estimateNodes(%q) = %d, over the bound %d", data, got, maxEstimate(len(data)))
		}
	}
	// Each indicator and line break counts twice, for both bytes: the bound is one over.
	worst := []byte(strings.Repeat(":\n", 50) + ":")
	if got := estimateNodes(worst); got != maxEstimate(len(worst))-1 {
		t.Errorf("estimateNodes(%q) = %d, want %d", worst, got, maxEstimate(len(worst))-1)
	}
	// A file long enough to reach the bound is still measured, and refused.
	over := []byte(strings.Repeat(":\n", MaxYAMLNodes/2))
	if n, ok := overNodes(over); !ok || n != MaxYAMLNodes+1 {
		t.Errorf("%d bytes of \":\\n\": estimate %d, over %v; want %d, over", len(over), n, ok, MaxYAMLNodes+1)
	}
}
