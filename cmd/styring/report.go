package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/output"
	"github.com/baerum/styring/policies"
	"github.com/baerum/styring/report"
)

var reportFormats = []string{"table", "json", "csv", "xlsx"}

func runReport(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "table", "output format: table, json, csv or xlsx (an Excel workbook, to redirect: > report.xlsx)")
	excel := fs.Bool("excel", false, "with --format csv: for a Norwegian Excel (byte order mark, ';', decimal comma, headers in --lang)")
	table := fs.String("table", "", "with --format csv: only this table ("+strings.Join(output.ReportTableNames, ", ")+")")
	pf := addPolicyFlags(fs, "report", "message language: nb or en", "as-of date YYYY-MM-DD (default today)")
	status := fs.String("status", "", "only initiatives with these statuses, comma-separated")
	fs.Usage = func() {
		eprintln(stderr, "Usage: styring report [flags] FILE...")
		eprintln(stderr, "The compliance report of the initiatives in the files, computed without a database.")
		fs.PrintDefaults()
	}
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	switch {
	case len(files) == 0:
		eprintln(stderr, "styring report: no file given")
		return exitUsage
	case !slices.Contains(reportFormats, *format):
		eprintf(stderr, "styring report: --format %q is not one of %v\n", *format, reportFormats)
		return exitUsage
	case *table != "" && (*format != "csv" || !slices.Contains(output.ReportTableNames, *table)):
		eprintf(stderr, "styring report: --table needs --format csv and one of %s\n", strings.Join(output.ReportTableNames, ", "))
		return exitUsage
	case *excel && *format != "csv":
		eprintln(stderr, "styring report: --excel needs --format csv (--format xlsx writes a workbook)")
		return exitUsage
	}
	lang, ok := pf.validate(stderr)
	if !ok {
		return exitUsage
	}
	var statuses []string
	for _, s := range strings.Split(*status, ",") {
		if s = strings.TrimSpace(s); s != "" {
			statuses = append(statuses, s)
		}
	}
	docs := make([]any, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			eprintf(stderr, "styring report: %s: cannot read: %v\n", f, unwrapPathError(err))
			return exitUsage
		}
		doc, err := policies.ParseDocument(raw)
		if err != nil {
			var me *models.Error
			if errors.As(err, &me) {
				eprintf(stderr, "styring report: %s: %s\n", f, me.Message)
				return exitUsage
			}
			eprintf(stderr, "styring report: %s: %v\n", f, err)
			return exitUsage
		}
		docs = append(docs, doc)
	}
	rev, ok := pf.load(ctx, stderr)
	if !ok {
		return exitRuntime
	}
	rep, err := report.Build(ctx, rev, report.FromDocuments(files, docs), report.Options{AsOf: pf.date(), Lang: lang, Statuses: statuses, Recheck: true})
	if err != nil {
		eprintf(stderr, "styring report: %v\n", err)
		return exitRuntime
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	case "csv":
		err = output.WriteReportCSVWith(stdout, rep, *table, output.CSVOptions{Excel: *excel})
	case "xlsx":
		err = output.WriteReportXLSX(stdout, rep)
	default:
		err = output.WriteReportText(stdout, rep)
	}
	if err != nil {
		eprintf(stderr, "styring report: %v\n", err)
		return exitRuntime
	}
	return exitOK
}
