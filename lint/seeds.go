package lint

import "strings"

// seedFiles maps the seed numbers that rules cite to the source documents' file names.
var seedFiles = map[string]string{
	"000": "000_5efc927f276ad8ac.txt",
	"001": "001_bc68345151f31e2e.txt",
	"002": "002_2166ecda38cad451.txt",
	"003": "003_e2005661f7e80de7.txt",
	"004": "004_a2da24a1b9e6c51d.txt",
}

// SourceFiles returns the file names of the seed documents a rule cites.
func SourceFiles(info *Info) []string {
	var files []string
	for _, n := range strings.Split(info.Source, ",") {
		if f, ok := seedFiles[strings.TrimSpace(n)]; ok {
			files = append(files, f)
		}
	}
	return files
}
