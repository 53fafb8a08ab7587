package web

import (
	"fmt"

	"github.com/baerum/styring/internal/format"
	"github.com/baerum/styring/labels"
	"github.com/baerum/styring/models"
)

// texts are the page's own words in both languages; rule titles, messages and
// remedies come translated from the rules. A key the templates use that is
// missing here fails the rendering (and the tests, which render both languages).
var texts = map[string]models.Text{
	// Frame
	"org":              {NB: "Bærum kommune", EN: "Bærum kommune"},
	"programme":        {NB: "Handlingsprogram 2021–2024", EN: "Action programme 2021–2024"},
	"report_title":     {NB: "Etterlevelsesrapport for handlingsprogrammet", EN: "Compliance report for the action programme"},
	"skip":             {NB: "Gå til hovedinnholdet", EN: "Skip to main content"},
	"other_lang":       {NB: "English", EN: "Norsk"},
	"logout":           {NB: "Logg ut", EN: "Log out"},
	"other_lang_code":  {NB: "en", EN: "nb"},
	"other_lang_label": {NB: "Read this page in English", EN: "Les siden på norsk"},
	"as_of":            {NB: "Per dato", EN: "As of"},
	"generated":        {NB: "Laget", EN: "Generated"},
	"revision":         {NB: "Regelversjon", EN: "Rule revision"},
	"checks_stored":    {NB: "Tiltakenes egne kontroller er de lagrede, fra da hver versjon ble levert.", EN: "The initiatives' own checks are the stored ones, from when each version was submitted."},
	"checks_rechecked": {NB: "Hvert tiltak er kontrollert på nytt med gjeldende regelversjon per rapportdatoen.", EN: "Every initiative was checked again with the active rule revision at the report date."},
	"footer_source":    {NB: "Kilde: Styring, Bærum kommunes regelmotor for kvalitets- og styringssystemet. Tallene er i kroner; beløp i regelmeldingene er i tusen kroner (kNOK).", EN: "Source: Styring, Bærum kommune's rules engine for the quality and management system. Figures in Norwegian kroner; amounts in rule messages are in thousands (kNOK)."},
	"download":         {NB: "Last ned", EN: "Download"},
	"csv_link":         {NB: "Alle tabeller som CSV", EN: "All tables as CSV"},
	"xlsx_link":        {NB: "Alle tabeller som Excel-arbeidsbok", EN: "All tables as an Excel workbook"},
	"json_link":        {NB: "JSON (API)", EN: "JSON (API)"},
	"csv_note":         {NB: "CSV-filen følger statusfilteret og datoen, og gjelder alle sektorer.", EN: "The CSV file follows the status filter and the date, and covers every sector."},
	"print_hint":       {NB: "Siden kan skrives ut eller lagres som PDF fra nettleseren.", EN: "Print the page, or save it as PDF, from the browser."},

	// Filters
	"filters":        {NB: "Utvalg", EN: "Selection"},
	"status":         {NB: "Status", EN: "Status"},
	"all_statuses":   {NB: "Ingen avkrysset: alle statuser", EN: "None ticked: every status"},
	"sector":         {NB: "Sektor", EN: "Sector"},
	"all_sectors":    {NB: "Alle sektorer", EN: "All sectors"},
	"date":           {NB: "Per dato", EN: "As of date"},
	"date_hint":      {NB: "Tomt: dagens dato", EN: "Empty: today"},
	"recheck":        {NB: "Kontroller tiltakene på nytt med gjeldende regler", EN: "Check the initiatives again with the current rules"},
	"apply":          {NB: "Oppdater rapporten", EN: "Update the report"},
	"reset":          {NB: "Nullstill utvalget", EN: "Clear the selection"},
	"filter_note":    {NB: "Status avgrenser hele rapporten, også porteføljetallene. Sektor avgrenser bare tiltakstabellen: mål, figurer og porteføljetall gjelder alltid hele porteføljen.", EN: "Status narrows the whole report, the portfolio figures too. Sector narrows only the table of initiatives: targets, charts and portfolio figures always cover the whole portfolio."},
	"status_applied": {NB: "Porteføljen er avgrenset til status: %s.", EN: "The portfolio is narrowed to status: %s."},

	// Key figures
	"key_figures":        {NB: "Nøkkeltall", EN: "Key figures"},
	"kf_initiatives":     {NB: "Tiltak i porteføljen", EN: "Initiatives in the portfolio"},
	"kf_initiatives_of":  {NB: "av %s registrerte; avviste tiltak telles ikke", EN: "of %s on record; rejected ones do not count"},
	"kf_errors":          {NB: "Feil på porteføljenivå", EN: "Portfolio errors"},
	"kf_errors_note":     {NB: "brudd på bindende regler", EN: "breaches of binding rules"},
	"kf_warnings":        {NB: "Advarsler på porteføljenivå", EN: "Portfolio warnings"},
	"kf_warnings_note":   {NB: "avvik fra mål og måltall", EN: "deviations from targets"},
	"kf_blocked":         {NB: "Tiltak med feil", EN: "Initiatives with errors"},
	"kf_blocked_note":    {NB: "av %s; kan ikke vedtas slik de er", EN: "of %s; cannot be adopted as they are"},
	"kf_omstilling":      {NB: "Omstillingsnivå %d", EN: "Omstilling level %d"},
	"kf_omstilling_note": {NB: "krav %s", EN: "required %s"},
	"kf_buffer":          {NB: "Bufferfond ved periodens slutt", EN: "Buffer fund at the end of the period"},
	"kf_buffer_note":     {NB: "minst %s", EN: "at least %s"},

	// Targets and lights
	"targets":         {NB: "Status for målene", EN: "Status of the targets"},
	"targets_intro":   {NB: "Hvert mål har et trafikklys: grønn er innenfor, gul er et avvik fra et mål eller noe som bør vurderes (advarsel eller merknad), rød er brudd på en bindende regel (feil).", EN: "Every target has a traffic light: green is within, amber is a deviation from a target or something to review (warning or note), red is a breach of a binding rule (error)."},
	"light_green":     {NB: "I rute", EN: "On track"},
	"light_amber":     {NB: "Avvik", EN: "Deviation"},
	"light_red":       {NB: "Brudd", EN: "Breach"},
	"light_prefix":    {NB: "Status:", EN: "Status:"},
	"t_frames":        {NB: "Sektorenes rammer", EN: "Sector frames"},
	"t_frames_fig":    {NB: "%d av %d sektorer over endringsrommet", EN: "%d of %d sectors over their room for change"},
	"t_frames_detail": {NB: "Netto endring i driftsbudsjettet mot endringsrommet i rammen, hvert år.", EN: "Net change of the operating budget against the room for change in the frame, every year."},
	"t_omst":          {NB: "Omstilling", EN: "Omstilling (restructuring)"},
	"t_omst_fig":      {NB: "%s i %d", EN: "%s in %d"},
	"t_omst_detail":   {NB: "Krav %s–%s (kumulativt); under kravet i %d av %d år.", EN: "Required %s–%s (cumulative); below it in %d of %d years."},
	"t_eff":           {NB: "Effektivisering", EN: "Efficiency"},
	"t_eff_fig":       {NB: "%d av %d sektorer under målet i %d", EN: "%d of %d sectors below the target in %d"},
	"t_eff_detail":    {NB: "Varige gevinster på %s av nettorammen per år (kumulativt %s i %d).", EN: "Lasting savings of %s of the net frame a year (cumulative %s in %d)."},
	"t_result":        {NB: "Netto driftsresultat", EN: "Net operating result"},
	"t_result_fig":    {NB: "%s i %d", EN: "%s in %d"},
	"t_result_detail": {NB: "Måltall minst %s av driftsinntektene; under i %d av %d år.", EN: "Target at least %s of operating revenue; below it in %d of %d years."},
	"t_buffer":        {NB: "Bufferfond", EN: "Buffer fund"},
	"t_buffer_fig":    {NB: "%s ved periodens slutt", EN: "%s at the end of the period"},
	"t_buffer_detail": {NB: "Minst %s; porteføljen bruker %s.", EN: "At least %s; the portfolio uses %s."},
	"t_records":       {NB: "Lovkrav og regler for hvert tiltak", EN: "Legal and other rules of each initiative"},
	"t_records_fig":   {NB: "%d av %d tiltak med feil", EN: "%d of %d initiatives with errors"},
	"t_records_det":   {NB: "%d feil, %d advarsler og %d merknader i tiltakenes egne kontroller.", EN: "%d errors, %d warnings and %d notes in the initiatives' own checks."},
	"over_in":         {NB: "over i %s", EN: "over in %s"},
	"within":          {NB: "innenfor", EN: "within"},

	// Omstilling
	"omst_heading":     {NB: "Omstilling og netto driftsresultat per år", EN: "Omstilling and net operating result per year"},
	"omst_intro":       {NB: "Omstillingsnivået er summen av varige gevinster fra omstillingstiltak; handlingsprogrammet krever 100–150 mill. kr i året, kumulativt. Netto driftsresultat med porteføljen skal være minst måltallet (kommuneloven § 14-2).", EN: "The omstilling level is the sum of lasting gains from restructuring; the action programme requires 100–150 MNOK a year, cumulative. The net operating result with the portfolio is to reach at least the target (Kommuneloven § 14-2)."},
	"omst_chart":       {NB: "Omstillingsnivå per år mot målbåndet", EN: "Omstilling level per year against the target band"},
	"omst_desc":        {NB: "Søylediagram. Omstillingsnivået hvert år, med målbåndet fra kravet til øvre grense. %s", EN: "Bar chart. The omstilling level every year, with the target band from the requirement to the upper limit. %s"},
	"omst_desc_year":   {NB: "%d: %s (krav %s–%s).", EN: "%d: %s (required %s–%s)."},
	"level":            {NB: "Omstillingsnivå", EN: "Omstilling level"},
	"result_chart":     {NB: "Netto driftsresultat per år mot måltallet", EN: "Net operating result per year against the target"},
	"result_desc":      {NB: "Søylediagram. Netto driftsresultat med porteføljen, i prosent av driftsinntektene, hvert år, med måltallet som strek. %s", EN: "Bar chart. The net operating result with the portfolio, as a percentage of operating revenue, every year, with the target as a line. %s"},
	"result_desc_year": {NB: "%d: %s (måltall %s).", EN: "%d: %s (target %s)."},
	"result_axis":      {NB: "prosent av driftsinntektene", EN: "percent of operating revenue"},
	"min_result_line":  {NB: "Måltall (strek)", EN: "Target (line)"},
	"band":             {NB: "Målbånd (krav–øvre grense)", EN: "Target band (required–upper limit)"},
	"year":             {NB: "År", EN: "Year"},
	"required":         {NB: "Krav", EN: "Required"},
	"upper":            {NB: "Øvre grense", EN: "Upper limit"},
	"net_drift":        {NB: "Netto driftsendring", EN: "Net operating change"},
	"net_result":       {NB: "Netto driftsresultat", EN: "Net operating result"},
	"min_result":       {NB: "Måltall", EN: "Target"},
	"year_table":       {NB: "Porteføljen per år", EN: "The portfolio per year"},
	"figure":           {NB: "Nøkkeltall", EN: "Figure"},
	"vs_band":          {NB: "Mot målbåndet", EN: "Against the band"},
	"vs_target":        {NB: "Mot måltallet", EN: "Against the target"},
	"below_req":        {NB: "under kravet", EN: "below the requirement"},
	"above_upper":      {NB: "over øvre grense", EN: "above the upper limit"},
	"in_band":          {NB: "i båndet", EN: "in the band"},
	"below_target":     {NB: "under måltallet", EN: "below the target"},
	"meets_target":     {NB: "når måltallet", EN: "meets the target"},
	"mnok_axis":        {NB: "mill. kr", EN: "MNOK"},
	"pct_axis":         {NB: "prosent av nettorammen", EN: "percent of the net frame"},

	// Sector frames
	"frames_heading": {NB: "Sektorenes netto endring mot endringsrommet", EN: "Each sector's net change against its room for change"},
	"frames_intro":   {NB: "Bevilgningene er bindende (kommuneloven § 14-5): en sektors netto endring i driftsbudsjettet kan ikke overstige endringsrommet i rammen. Søylene viser endringen år for år (2021 til venstre); streken viser endringsrommet.", EN: "Appropriations are binding (Kommuneloven § 14-5): a sector's net change of the operating budget may not exceed the room for change in its frame. The bars show the change year by year (2021 leftmost); the line shows the room."},
	"frames_chart":   {NB: "Netto endring per sektor og år mot endringsrommet", EN: "Net change per sector and year against the room for change"},
	"frames_desc":    {NB: "Grupperte søyler, én gruppe per sektor og én søyle per år, med endringsrommet som strek. Over endringsrommet: %s.", EN: "Grouped bars, a group per sector and a bar per year, with the room for change as a line. Over the room: %s."},
	"none":           {NB: "ingen", EN: "none"},
	"net_change":     {NB: "Netto endring", EN: "Net change"},
	"over_room":      {NB: "Over endringsrommet", EN: "Over the room for change"},
	"room":           {NB: "Endringsrom (strek)", EN: "Room for change (line)"},
	"room_short":     {NB: "rom", EN: "room"},
	"frames_table":   {NB: "Netto endring og endringsrom per sektor og år", EN: "Net change and room for change per sector and year"},
	"over_by":        {NB: "%s over", EN: "%s over"},

	// Efficiency
	"eff_heading": {NB: "Effektivisering mot 0,7 % i året", EN: "Efficiency against 0.7% a year"},
	"eff_intro":   {NB: "Hver sektor skal hente varige effektiviseringsgevinster på 0,7 % av nettorammen i året fra 2022, kumulativt. Søylene viser oppnådd andel; streken viser målet.", EN: "Every sector is to find lasting efficiency savings of 0.7% of its net frame a year from 2022, cumulative. The bars show the share achieved; the line shows the target."},
	"eff_chart":   {NB: "Varig effektivisering per sektor og år mot målet", EN: "Lasting efficiency savings per sector and year against the target"},
	"eff_desc":    {NB: "Grupperte søyler, én gruppe per sektor og én søyle per år, med målet som strek. Under målet i siste år: %s.", EN: "Grouped bars, a group per sector and a bar per year, with the target as a line. Below the target in the last year: %s."},
	"savings":     {NB: "Varig effektivisering", EN: "Lasting savings"},
	"under_tgt":   {NB: "Under målet", EN: "Below the target"},
	"target_line": {NB: "Mål (strek)", EN: "Target (line)"},
	"eff_table":   {NB: "Varig effektivisering per sektor og år", EN: "Lasting efficiency savings per sector and year"},
	"of_target":   {NB: "mål %s", EN: "target %s"},
	"no_frame":    {NB: "Sektorer uten nettoramme (%s) har ikke noe effektiviseringsmål.", EN: "Sectors without a net frame (%s) have no efficiency target."},

	// Portfolio violations
	"pv_heading": {NB: "Brudd på porteføljenivå", EN: "Portfolio violations"},
	"pv_intro":   {NB: "Reglene som gjelder porteføljen som helhet, gruppert per regel.", EN: "The rules on the portfolio as a whole, grouped by rule."},
	"pv_none":    {NB: "Porteføljen bryter ingen porteføljeregler.", EN: "The portfolio breaks no portfolio rule."},
	"pv_count":   {NB: "%d brudd", EN: "%d violations"},
	"reference":  {NB: "Hjemmel", EN: "Reference"},
	"remedy":     {NB: "Slik rettes det", EN: "How to fix it"},
	"severity":   {NB: "Alvorlighet", EN: "Severity"},
	"message":    {NB: "Melding", EN: "Message"},
	"value":      {NB: "Verdi", EN: "Value"},
	"limit":      {NB: "Grense", EN: "Limit"},
	"all_sect":   {NB: "hele porteføljen", EN: "whole portfolio"},

	// Initiatives
	"in_heading": {NB: "Tiltakene", EN: "The initiatives"},
	"in_caption": {NB: "Tiltakene med antall feil, advarsler og merknader i egen kontroll", EN: "The initiatives with their errors, warnings and notes in their own checks"},
	"in_sector":  {NB: "Viser tiltakene i sektor %s (%d av %d). Porteføljetallene over gjelder hele porteføljen.", EN: "Showing the initiatives of sector %s (%d of %d). The portfolio figures above cover the whole portfolio."},
	"in_all":     {NB: "Viser alle %d tiltak.", EN: "Showing all %d initiatives."},
	"in_none":    {NB: "Ingen tiltak i utvalget.", EN: "No initiatives in the selection."},
	"initiative": {NB: "Tiltak", EN: "Initiative"},
	"title":      {NB: "Tittel", EN: "Title"},
	"type":       {NB: "Type", EN: "Type"},
	"version":    {NB: "Versjon", EN: "Version"},
	"result":     {NB: "Resultat", EN: "Result"},
	"errors":     {NB: "Feil", EN: "Errors"},
	"warnings":   {NB: "Advarsler", EN: "Warnings"},
	"infos":      {NB: "Merknader", EN: "Notes"},
	// The verdict of the rules, not a decision on the initiative: a rejected initiative may have no errors.
	"allowed":        {NB: "Ingen feil", EN: "No errors"},
	"blocked":        {NB: "Feil hindrer vedtak", EN: "Errors block a decision"},
	"see_details":    {NB: "regelbrudd for %s", EN: "violations of %s"},
	"by_rule":        {NB: "Regelbrudd i tiltakene per regel", EN: "Initiative violations by rule"},
	"rule":           {NB: "Regel", EN: "Rule"},
	"total":          {NB: "Totalt", EN: "Total"},
	"not_included":   {NB: "ikke i porteføljen", EN: "not in the portfolio"},
	"search":         {NB: "Søk i tiltakene", EN: "Search the initiatives"},
	"search_hint":    {NB: "Tittel eller id, f.eks. «skole» eller «OSK-014»", EN: "Title or id, e.g. “school” or “OSK-014”"},
	"search_go":      {NB: "Søk", EN: "Search"},
	"search_clear":   {NB: "Vis alle", EN: "Show all"},
	"in_search":      {NB: "Viser %d av %d tiltak som passer søket «%s».", EN: "Showing %d of %d initiatives matching “%s”."},
	"in_sector_only": {NB: "Bare sektor %s.", EN: "Sector %s only."},
	"sorted_asc":     {NB: "Sortert stigende etter %s.", EN: "Sorted ascending by %s."},
	"sorted_desc":    {NB: "Sortert synkende etter %s.", EN: "Sorted descending by %s."},

	// Initiative page
	"back":         {NB: "Tilbake til rapporten", EN: "Back to the report"},
	"ini_title":    {NB: "Regelbrudd for %s", EN: "Violations of %s"},
	"ini_facts":    {NB: "Om tiltaket", EN: "About the initiative"},
	"ini_rechecks": {NB: "Kontrollert nå med gjeldende regelversjon, per %s.", EN: "Checked now with the active rule revision, as of %s."},
	"ini_verdict":  {NB: "Regelkontroll", EN: "Rule check"},
	"ini_allowed":  {NB: "Reglene finner ingen feil som hindrer vedtak. Dette er ikke et vedtak om tiltaket.", EN: "The rules find no error that stands in the way of a decision. This is not a decision on the initiative."},
	"ini_blocked":  {NB: "Feil må rettes før tiltaket kan vedtas.", EN: "Errors must be fixed before it can be adopted."},
	"ini_list":     {NB: "Regelbruddene", EN: "The violations"},
	"ini_caption":  {NB: "Regelbrudd for %s, sortert etter alvorlighet", EN: "Violations of %s, by severity"},
	"ini_none":     {NB: "Tiltaket bryter ingen regler.", EN: "The initiative breaks no rule."},
	"field":        {NB: "Felt", EN: "Field"},
	"root":         {NB: "(hele dokumentet)", EN: "(the whole document)"},
	"waived":       {NB: "unntak gitt", EN: "waived"},
	"decision":     {NB: "Vedtaksid for lagret versjon", EN: "Decision id of the stored version"},
	"technical":    {NB: "Tekniske detaljer", EN: "Technical details"},
	"ini_owner":    {NB: "Ansvar og beskrivelse", EN: "Owner and description"},
	"ini_budget":   {NB: "Budsjettvirkning", EN: "Budget effect"},
	"ini_budget_c": {NB: "Budsjettlinjer per år, i %s", EN: "Budget lines by year, in %s"},
	"ini_budget_n": {NB: "Tiltaket har ingen budsjettlinjer.", EN: "The initiative has no budget lines."},
	"ini_kpis_c":   {NB: "Styringsparametere med utgangsverdi, mål og målinger", EN: "Indicators with baseline, target and measurements"},
	"ini_kpis_n":   {NB: "Tiltaket har ingen styringsparametere.", EN: "The initiative has no indicators."},
	"sum":          {NB: "Sum", EN: "Total"},
	"not_given":    {NB: "ikke oppgitt", EN: "not given"},
	"one_off_note": {NB: "inkl. engangsbeløp", EN: "incl. one-off amounts"},

	// Errors
	"error_title":    {NB: "Noe gikk galt", EN: "Something went wrong"},
	"error_400":      {NB: "Ugyldig utvalg", EN: "Invalid selection"},
	"error_404":      {NB: "Finnes ikke", EN: "Not found"},
	"error_503":      {NB: "Tjenesten er midlertidig utilgjengelig", EN: "The service is temporarily unavailable"},
	"error_500":      {NB: "Intern feil", EN: "Internal error"},
	"error_status":   {NB: "HTTP-status %d", EN: "HTTP status %d"},
	"error_back":     {NB: "Til etterlevelsesrapporten", EN: "To the compliance report"},
	"error_lead":     {NB: "Forespørselen kunne ikke besvares.", EN: "The request could not be answered."},
	"error_lead_400": {NB: "Utvalget kunne ikke brukes. Rett verdien og prøv igjen.", EN: "The selection could not be used. Correct the value and try again."},
	"error_lead_404": {NB: "Siden eller tiltaket du ba om, finnes ikke.", EN: "The page or initiative you asked for does not exist."},
	"error_lead_503": {NB: "Tjenesten svarer ikke akkurat nå. Prøv igjen om litt.", EN: "The service does not answer right now. Try again shortly."},
	"error_detail":   {NB: "Detaljer (engelsk):", EN: "Details:"},
	"error_internal": {NB: "Det oppstod en feil hos oss. Prøv igjen om litt; meld fra hvis det gjentar seg, og oppgi forespørsels-id %s.", EN: "An error occurred on our side. Try again shortly; report it if it repeats, quoting request id %s."},
}

// severities as the page names them (statuses, types and sectors come from the label catalog).
var (
	severityTexts = map[models.Severity]models.Text{
		models.SeverityError:   {NB: "Feil", EN: "Error"},
		models.SeverityWarning: {NB: "Advarsel", EN: "Warning"},
		models.SeverityInfo:    {NB: "Merknad", EN: "Note"},
	}
)

// locale writes the page's words and numbers in one language; templates reach it as .L.
type locale struct{ lang models.Lang }

// Lang is the language code for the html lang attribute.
func (l locale) Lang() string { return string(l.lang) }

// T is the text of key.
func (l locale) T(key string) (string, error) {
	t, ok := texts[key]
	if !ok {
		return "", fmt.Errorf("no text %q", key)
	}
	return t.In(l.lang), nil
}

// Tf is the text of key with its verbs filled in.
func (l locale) Tf(key string, args ...any) (string, error) {
	t, err := l.T(key)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(t, args...), nil
}

func (l locale) NOK(kNOK float64) string  { return format.NOK(kNOK, l.lang) }
func (l locale) MNOK(kNOK float64) string { return format.MNOK(kNOK, l.lang) }

// Millions is format.MNOK without the unit, for a figure that writes its unit apart.
func (l locale) Millions(kNOK float64) string { return format.Number(kNOK/1000, 1, l.lang) }
func (l locale) MillionsUnit() string         { return format.MNOKUnit(l.lang) }
func (l locale) Int(n int) string             { return format.Int(n, l.lang) }
func (l locale) Date(d string) string         { return format.Date(d, l.lang) }

// Number writes a number with decimals digits.
func (l locale) Number(f float64, decimals int) string { return format.Number(f, decimals, l.lang) }

// Pct writes a computed percentage with one decimal.
func (l locale) Pct(p float64) string { return format.Percent(p, 1, l.lang) }

// PctDigits writes a computed percentage with decimals digits.
func (l locale) PctDigits(p float64, decimals int) string { return format.Percent(p, decimals, l.lang) }

// PctLimit writes a percentage from the parameters with the digits it has.
func (l locale) PctLimit(p float64) string { return format.Percent(p, -1, l.lang) }

// Light is the word of a traffic light.
func (l locale) Light(li models.Light) string { return l.must("light_" + string(li)) }

// enum names a value of the initiative's field at pointer as the label
// catalog does (the form, the report and the messages say the same), or
// returns the value itself when the catalog has no label for it.
func (l locale) enum(pointer, value string) string {
	if t, ok := labels.EnumLabel(pointer, value, l.lang); ok {
		return t
	}
	return value
}

func (l locale) Status(s string) string { return l.enum("/status", s) }
func (l locale) Type(s string) string   { return l.enum("/type", s) }

func (l locale) Severity(s models.Severity) string {
	if t, ok := severityTexts[s]; ok {
		return t.In(l.lang)
	}
	return string(s)
}

// must is T for the Go side, where the keys are fixed and tested.
func (l locale) must(key string, args ...any) string {
	s, err := l.Tf(key, args...)
	if err != nil {
		panic(err)
	}
	return s
}
