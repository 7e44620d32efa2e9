package lint

// Source is one of the articles the rules are built on. Rules cite it by title and publisher.
type Source struct {
	Title string
	By    string // the publisher (and year), or what else tells the article apart
}

// String cites the article: "Title" (publisher, year).
func (s Source) String() string { return `"` + s.Title + `" (` + s.By + `)` }

// The articles the rules cite.
var (
	onStrategy = Source{"OKRs vs KPIs: The Differences and How They Work Together", "OnStrategy, 2020"}
	craze      = Source{"OKR vs KPI: Understanding the Key Differences and Use Cases", "Craze"}
	weekdone   = Source{"OKR vs KPI", "an article quoting Weekdone's customers"}
	colson     = Source{"OKRs vs KPIs: Which should you use?", "Ivor Colson"}
)

// Citations returns how a rule's sources are cited, one string per article, in order.
func Citations(info *Info) []string {
	cites := make([]string, len(info.Sources))
	for i, s := range info.Sources {
		cites[i] = s.String()
	}
	return cites
}
