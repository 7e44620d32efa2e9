// Package checkin records progress in plan files: it reads "id=value" arguments and CSV rows
// into changes, checks every one of them against the plans, and applies them through package edit
// so that only the changed values' bytes change. It reads only the plans a check-in needs.
package checkin

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Change is one requested update: a value for a key result or KPI, and optionally the
// confidence and note of a key result. Scope and Period are "" when the command line gives them.
type Change struct {
	Scope  string
	Period string
	// Kind is "kr" or "kpi" when the id was written with that prefix (kr:pipeline=9), else "".
	Kind  string
	ID    string
	Value string // as typed: "9.8", "done", "60%"; "" when only confidence or note change

	Confidence *float64
	Note       *string

	// Source says where the change was written, for messages: "argument pipeline=9.8" or
	// "values.csv:3:1" (the row's id cell).
	Source string
	// valueSource is where the value was written when that is more precise than Source: the
	// value cell of a CSV row.
	valueSource string
}

// valueAt is where the change's value was written, for messages about the value.
func (c *Change) valueAt() string {
	if c.valueSource != "" {
		return c.valueSource
	}
	return c.Source
}

// ParseArg reads one "id=value" argument. The id may carry a kr: or kpi: prefix to say which it
// names; an id without "=value" changes only the confidence or note given by flags.
func ParseArg(arg string) (Change, error) {
	c := Change{Source: "argument " + strconv.Quote(arg)}
	id, value, hasValue := strings.Cut(arg, "=")
	c.ID, c.Value = strings.TrimSpace(id), strings.TrimSpace(value)
	if hasValue && c.Value == "" {
		return c, fmt.Errorf("%s has no value after \"=\"; write ID=VALUE, e.g. pipeline=9.8", c.Source)
	}
	if err := c.splitKind(); err != nil {
		return c, err
	}
	return c, nil
}

func (c *Change) splitKind() error {
	if kind, id, ok := strings.Cut(c.ID, ":"); ok {
		if kind != "kr" && kind != "kpi" {
			return fmt.Errorf("%s: %q is not kr: or kpi:; write kr:ID or kpi:ID to say which one you mean", c.Source, kind+":")
		}
		c.Kind, c.ID = kind, id
	}
	if c.ID == "" {
		return fmt.Errorf("%s names no id; write ID=VALUE, e.g. pipeline=9.8", c.Source)
	}
	return nil
}

// Columns are the columns a check-in CSV file may have; the first row names them, in any order.
// id is required, and every row needs a value, a confidence or a note.
var Columns = []string{"scope", "period", "id", "value", "confidence", "note"}

// ReadCSV reads check-ins from a CSV file whose first row names its columns (see Columns).
// name is the file's name for messages. Every row is checked; the error lists every bad row.
// A file whose first row separates its columns with semicolons, as spreadsheets set to a
// language with decimal commas export CSV, is read that way, and its numbers may have a decimal
// comma.
func ReadCSV(name string, r io.Reader) ([]Change, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	semicolons := bytes.IndexByte(first, ',') < 0 && bytes.IndexByte(first, ';') >= 0
	if semicolons {
		cr.Comma = ';'
	}
	decimal := func(v string) string {
		if semicolons && decimalComma.MatchString(v) {
			return strings.Replace(v, ",", ".", 1)
		}
		return v
	}
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s is empty; its first row names the columns: %s", name, strings.Join(Columns, ","))
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(Columns, h) {
			line, c := cr.FieldPos(i)
			return nil, fmt.Errorf("%s:%d:%d: unknown column %q%s; the first row names the columns, from %s", name, line, c, h, didYouMean(h, Columns), strings.Join(Columns, ", "))
		}
		if _, dup := col[h]; dup {
			line, c := cr.FieldPos(i)
			return nil, fmt.Errorf("%s:%d:%d: column %q appears twice; keep one", name, line, c, h)
		}
		col[h] = i
	}
	if _, ok := col["id"]; !ok {
		return nil, fmt.Errorf("%s has no id column; its first row names the columns: %s", name, strings.Join(Columns, ","))
	}
	var changes []Change
	var errs []error
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(name, err))
			break
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		at := func(column string) string {
			i, ok := col[column]
			if !ok || i >= len(row) {
				i = 0
			}
			line, c := cr.FieldPos(i)
			return fmt.Sprintf("%s:%d:%d", name, line, c)
		}
		if extra := slices.IndexFunc(row[min(len(row), len(header)):], func(v string) bool { return strings.TrimSpace(v) != "" }); extra >= 0 {
			// Spreadsheets end rows with empty cells; a value there is a comma in a value.
			line, c := cr.FieldPos(len(header) + extra)
			errs = append(errs, fmt.Errorf("%s:%d:%d: the row has %d cells, but the first row names %d columns; quote a value that holds a comma (\"a, b\") or add the column's name",
				name, line, c, len(row), len(header)))
			continue
		}
		cell := func(c string) string {
			if i, ok := col[c]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		c := Change{Scope: cell("scope"), Period: cell("period"), ID: cell("id"), Value: decimal(cell("value")),
			Source: at("id"), valueSource: at("value")}
		if err := c.splitKind(); err != nil {
			errs = append(errs, err)
			continue
		}
		if s := decimal(cell("confidence")); s != "" {
			v, err := ParseConfidence(s)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %v", at("confidence"), err))
				continue
			}
			c.Confidence = &v
		}
		if s := cell("note"); s != "" {
			c.Note = &s
		}
		if c.Value == "" && c.Confidence == nil && c.Note == nil {
			errs = append(errs, fmt.Errorf("%s: %s has no value, confidence or note", c.Source, c.ID))
			continue
		}
		changes = append(changes, c)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(changes) == 0 {
		return nil, fmt.Errorf("%s has no rows below its header", name)
	}
	return changes, nil
}

// decimalComma matches a number written with a decimal comma, as in 9,8 or 62,5%.
var decimalComma = regexp.MustCompile(`^[-+]?[0-9]+,[0-9]+ ?%?$`)

// csvError names the file, line and column of a CSV syntax error.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		hint := ""
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			hint = `; a quoted value starts and ends with " and writes a " inside as ""`
		}
		return fmt.Errorf("%s:%d:%d: %v%s", name, pe.Line, pe.Column, pe.Err, hint)
	}
	return fmt.Errorf("%s: %v", name, err)
}

// ParseConfidence reads a confidence: a number from 0 to 1, or a percentage ("60%").
func ParseConfidence(s string) (float64, error) {
	v, pct, err := number(s)
	if err == nil && pct {
		v /= 100
	}
	if err != nil {
		return 0, fmt.Errorf("confidence must be a number, not %q; write one from 0 to 1 or a percentage, e.g. 0.6 or 60%%", s)
	}
	if v < 0 || v > 1 {
		return 0, fmt.Errorf("confidence must be a number from 0 to 1 (or a percentage, e.g. 60%%), not %s", strings.TrimSpace(s))
	}
	return v, nil
}

// number reads a finite number with an optional "%" after it.
func number(s string) (v float64, percent bool, err error) {
	s = strings.TrimSpace(s)
	if t, ok := strings.CutSuffix(s, "%"); ok {
		s, percent = strings.TrimSpace(t), true
	}
	v, err = strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, percent, fmt.Errorf("not a number")
	}
	if v == 0 {
		v = 0 // -0 is 0: a plan holds no negative zero
	}
	return v, percent, nil
}
