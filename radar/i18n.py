"""Every user-facing string, Danish first and English beside it.

One catalogue, grouped in sections by area. Keys are stable; texts may change.
`t(key, lang, **params)` formats with str.format. Tests check every key has both languages.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("da", "en")
DEFAULT_LANGUAGE = "da"

CATALOGUE: dict[str, dict[str, str]] = {
    # --- app and navigation -------------------------------------------------------------
    "app_title": {"da": "Teknologiradar", "en": "Technology radar"},
    "language": {"da": "Sprog", "en": "Language"},
    "lang_da": {"da": "Dansk", "en": "Dansk"},
    "lang_en": {"da": "English", "en": "English"},
    # --- rings ------------------------------------------------------------------------------
    "ring_klar": {"da": "KLAR", "en": "READY"},
    "ring_afproev": {"da": "AFPRØV", "en": "TRIAL"},
    "ring_hold_oeje": {"da": "HOLD ØJE", "en": "WATCH"},
    "ring_afvent": {"da": "AFVENT", "en": "WAIT"},
    # --- foundation (radar pages, method) ---------------------------------------------------
    "sample_notice": {
        "da": "Eksempeldata — ikke KL's officielle tal. Tallene er dannet af en dokumenteret generator, indtil rigtige data importeres.",
        "en": "Sample data — not KL's official figures. The numbers come from a documented generator until real data is imported.",
    },
    "nav_combined": {"da": "Samlet radar", "en": "Combined radar"},
    "nav_domains": {"da": "Fagområder", "en": "Domains"},
    "nav_technology": {"da": "Teknologi", "en": "Technology"},
    "nav_about": {"da": "Om radaren", "en": "About the radar"},
    "nav_own": {"da": "Lav jeres egen radar", "en": "Make your own radar"},
    "nav_import": {"da": "Importér", "en": "Import"},
    "combined_title": {"da": "Samlet radar", "en": "Combined radar"},
    "combined_intro": {
        "da": "Alle fagområders svar lagt sammen. Ringen bestemmes af gennemsnittet af teknisk modenhed og udbredelse.",
        "en": "All domains' answers pooled. The ring is set by the average of technical maturity and adoption.",
    },
    "domains_title": {"da": "Fagområder", "en": "Domains"},
    "domains_intro": {
        "da": "Radaren for ét fagområde bygger kun på svar fra det fagområdes ledere.",
        "en": "A domain's radar uses only the answers of that domain's managers.",
    },
    "domain": {"da": "Fagområde", "en": "Domain"},
    "edition": {"da": "Udgave", "en": "Edition"},
    "edition_label": {"da": "{year} ({respondents} besvarelser)", "en": "{year} ({respondents} responses)"},
    "tab_radar": {"da": "Radar", "en": "Radar"},
    "tab_table": {"da": "Tabel", "en": "Table"},
    "tab_compare": {"da": "Sammenlign fagområder", "en": "Compare domains"},
    "search": {"da": "Søg teknologi", "en": "Search technology"},
    "search_help": {"da": "Skriv en del af navnet, fx 'robot'.", "en": "Type part of the name, e.g. 'robot'."},
    "filter_category": {"da": "Kategori", "en": "Category"},
    "filter_ring": {"da": "Ring", "en": "Ring"},
    "filter_movement": {"da": "Bevægelse", "en": "Movement"},
    "filters": {"da": "Filtre", "en": "Filters"},
    "shown_count": {"da": "Viser {shown} af {total} teknologier", "en": "Showing {shown} of {total} technologies"},
    "nothing_matches": {"da": "Ingen teknologier passer til filtrene.", "en": "No technologies match the filters."},
    "respondents_n": {"da": "n = {n} besvarelser", "en": "n = {n} responses"},
    "open_detail": {"da": "Vis detaljer for", "en": "Show details for"},
    "choose_technology": {"da": "Vælg teknologi", "en": "Choose technology"},
    "click_hint": {
        "da": "Klik på en prik i radaren eller vælg en teknologi på listen for at se detaljer.",
        "en": "Click a dot on the radar or pick a technology from the list to see details.",
    },
    "list_heading": {"da": "Teknologier efter ring", "en": "Technologies by ring"},
    "low_n_flag": {"da": "få svar", "en": "few answers"},
    "low_n_help": {
        "da": "Bygger på færre end {low_n} besvarelser; tolk med forsigtighed.",
        "en": "Based on fewer than {low_n} responses; interpret with care.",
    },
    "no_score": {"da": "ingen placering (mangler svar eller modenhed)", "en": "not placed (missing answers or maturity)"},
    # movement
    "movement_new": {"da": "Ny", "en": "New"},
    "movement_moved_in": {"da": "Rykket ind", "en": "Moved in"},
    "movement_moved_out": {"da": "Rykket ud", "en": "Moved out"},
    "movement_unchanged": {"da": "Uændret", "en": "Unchanged"},
    "movement_none": {"da": "Ingen tidligere udgave", "en": "No previous edition"},
    "movement_legend": {"da": "Bevægelse siden sidste udgave", "en": "Movement since last edition"},
    "category_legend": {"da": "Kategori", "en": "Category"},
    # measures
    "col_number": {"da": "Nr.", "en": "No."},
    "col_technology": {"da": "Teknologi", "en": "Technology"},
    "col_category": {"da": "Kategori", "en": "Category"},
    "col_ring": {"da": "Ring", "en": "Ring"},
    "col_score": {"da": "Score", "en": "Score"},
    "col_maturity": {"da": "Teknisk modenhed", "en": "Technical maturity"},
    "col_adoption": {"da": "Udbredelse (indeks)", "en": "Adoption (index)"},
    "col_relevance": {"da": "Relevans", "en": "Relevance"},
    "col_n": {"da": "n", "en": "n"},
    "col_movement": {"da": "Bevægelse", "en": "Movement"},
    "col_previous_ring": {"da": "Ring sidste udgave", "en": "Previous ring"},
    "col_low_n": {"da": "Få svar", "en": "Few answers"},
    "help_score": {
        "da": "Score = (normaliseret modenhed + udbredelsesindeks) / 2, fra 0 til 1.",
        "en": "Score = (normalised maturity + adoption index) / 2, from 0 to 1.",
    },
    "help_maturity": {"da": "Eksperternes vurdering 1-5 (kommunal TRL).", "en": "Experts' rating 1-5 (municipal TRL)."},
    "help_adoption": {
        "da": "Gennemsnitligt trin (0 overvejer ikke … 3 i drift) delt med 3.",
        "en": "Mean stage (0 not considering … 3 in operation) divided by 3.",
    },
    "help_relevance": {"da": "Andel der finder teknologien relevant.", "en": "Share who find the technology relevant."},
    "help_n": {"da": "Antal besvarelser med et trin (\"ved ikke\" tæller ikke med).", "en": "Responses giving a stage (\"don't know\" excluded)."},
    "hover_score": {"da": "Score", "en": "Score"},
    "hover_maturity": {"da": "Modenhed", "en": "Maturity"},
    "hover_adoption": {"da": "Udbredelse", "en": "Adoption"},
    "hover_relevance": {"da": "Relevans", "en": "Relevance"},
    "hover_movement": {"da": "Bevægelse", "en": "Movement"},
    # maturity scale
    "maturity_1": {"da": "1 · Forskning og koncept", "en": "1 · Research and concept"},
    "maturity_2": {"da": "2 · Prototype", "en": "2 · Prototype"},
    "maturity_3": {"da": "3 · Afprøvet i en kommune", "en": "3 · Piloted in a municipality"},
    "maturity_4": {"da": "4 · Markedsklare standardløsninger", "en": "4 · Market-ready standard solutions"},
    "maturity_5": {"da": "5 · Moden og i bred kommunal drift", "en": "5 · Mature and in broad municipal use"},
    # adoption stages
    "stage_0": {"da": "Overvejer ikke", "en": "Not considering"},
    "stage_1": {"da": "Overvejer", "en": "Considering"},
    "stage_2": {"da": "Afprøver", "en": "Trialling"},
    "stage_3": {"da": "I drift", "en": "In operation"},
    "stage_dont_know": {"da": "Ved ikke", "en": "Don't know"},
    # ring help
    "ring_klar_help": {
        "da": "Teknisk moden og i drift i mange kommuner.",
        "en": "Technically mature and in operation in many municipalities.",
    },
    "ring_afproev_help": {"da": "Moden nok: afprøv før I skalerer.", "en": "Mature enough: pilot before scaling."},
    "ring_hold_oeje_help": {"da": "Følg udviklingen og opbyg viden.", "en": "Follow it and build knowledge."},
    "ring_afvent_help": {
        "da": "Umoden og kun afprøvet få steder.",
        "en": "Immature and tried in very few places.",
    },
    # technology detail
    "detail_title": {"da": "Teknologi", "en": "Technology"},
    "detail_description": {"da": "Beskrivelse", "en": "Description"},
    "detail_maturity": {"da": "Teknisk modenhed: {label}", "en": "Technical maturity: {label}"},
    "detail_adoption": {"da": "Udbredelse: hvor langt er kommunerne?", "en": "Adoption: how far are municipalities?"},
    "detail_rings_by_domain": {"da": "Ring i hvert fagområde", "en": "Ring in each domain"},
    "detail_use_cases": {"da": "Eksempler på anvendelse", "en": "Examples of use"},
    "detail_history": {"da": "Ring gennem udgaverne", "en": "Ring across editions"},
    "detail_scope_combined": {"da": "Samlet", "en": "Combined"},
    "detail_share": {"da": "Andel af besvarelser", "en": "Share of responses"},
    "detail_no_use_cases": {"da": "Ingen eksempler registreret.", "en": "No examples recorded."},
    "detail_open_page": {"da": "Åbn teknologiens side", "en": "Open the technology's page"},
    # compare heatmap
    "compare_intro": {
        "da": "Score pr. teknologi og fagområde. Farven er scoren; teksten er ringen. Se hvor en teknologi er længst fremme.",
        "en": "Score per technology and domain. Colour is the score; text is the ring. See where a technology is furthest ahead.",
    },
    "compare_all": {"da": "Samlet", "en": "Combined"},
    # about page
    "about_title": {"da": "Om radaren", "en": "About the radar"},
    "about_intro": {
        "da": "Radaren giver et overblik over, hvor modne teknologierne er, og hvor udbredte de er i kommunerne. Den er et redskab til dialog, ikke en facitliste: brug den til at tale om, hvad der giver mening hos jer.",
        "en": "The radar gives an overview of how mature technologies are and how widely municipalities use them. It is a tool for dialogue, not an answer key: use it to discuss what makes sense for you.",
    },
    "about_rings_heading": {"da": "De fire ringe", "en": "The four rings"},
    "about_method_heading": {"da": "Sådan beregnes placeringen", "en": "How a position is computed"},
    "about_method": {
        "da": """**Teknisk modenhed** (m) vurderes af eksperter på en skala fra 1 til 5 og omregnes til 0-1: m' = (m − 1) / 4.

**Udbredelse** kommer fra spørgeskemaet til kommunale ledere. Hver leder svarer for sit eget fagområde: 0 overvejer ikke, 1 overvejer, 2 afprøver, 3 i drift. \"Ved ikke\" tæller som intet svar. Udbredelsesindekset er a = gennemsnittet af trinnene / 3.

**Relevans** er andelen af lederne, der svarer ja til, at teknologien er relevant på deres område. Den påvirker ikke ringen, men vises ved hver teknologi.

**Score** s = (m' + a) / 2, et tal mellem 0 og 1.

**Samlet radar** bruger alle besvarelser fra alle fagområder. **En fagområderadar** bruger kun svarene fra ledere på det område. Antallet af besvarelser (n) vises overalt; bygger et tal på færre end {low_n} besvarelser, markeres det med ⚠.

**Bevægelse** sammenligner ringen med samme radar i den forrige udgave: ny, rykket ind (tættere på centrum), rykket ud eller uændret.

**Placering i diagrammet:** ringene er lige brede. Inden for sin ring ligger en teknologi tættere på centrum, jo højere scoren er. Vinklen er teknologiens kategori. Placeringen er deterministisk: de samme data giver altid det samme billede, og prikkerne overlapper aldrig.""",
        "en": """**Technical maturity** (m) is rated by experts on a scale of 1 to 5 and converted to 0-1: m' = (m − 1) / 4.

**Adoption** comes from the survey of municipal managers. Each manager answers for their own domain: 0 not considering, 1 considering, 2 trialling, 3 in operation. \"Don't know\" counts as no answer. The adoption index is a = the mean stage / 3.

**Relevance** is the share of managers who say the technology is relevant in their domain. It does not affect the ring but is shown with every technology.

**Score** s = (m' + a) / 2, a number between 0 and 1.

**The combined radar** uses all responses from all domains. **A domain radar** uses only the responses of managers in that domain. The number of responses (n) is shown everywhere; a value based on fewer than {low_n} responses is marked ⚠.

**Movement** compares the ring with the same radar in the previous edition: new, moved in (closer to the centre), moved out or unchanged.

**Placement on the chart:** the rings have equal width. Within its ring a technology lies closer to the centre the higher its score. The angle is the technology's category. The layout is deterministic: the same data always gives the same picture, and dots never overlap.""",
    },
    "about_cutoffs_heading": {"da": "Grænser mellem ringene", "en": "Cut-offs between rings"},
    "about_cutoffs_note": {
        "da": "KL's egne skalaer og grænser er ikke offentlige. Disse er vores egne og kan ændres i radar/config.py.",
        "en": "KL's own scales and cut-offs are not public. These are our own and can be changed in radar/config.py.",
    },
    "about_cutoff_row": {"da": "score fra {low:.2f} til under {high:.2f}", "en": "score from {low:.2f} to below {high:.2f}"},
    "about_maturity_heading": {"da": "Skala for teknisk modenhed", "en": "Technical maturity scale"},
    "about_stages_heading": {"da": "Trin for udbredelse", "en": "Adoption stages"},
    "about_data_heading": {"da": "Data i denne udgave", "en": "Data in this edition"},
    "about_data_row": {
        "da": "{year}: {respondents} besvarelser fra {municipalities} kommuner",
        "en": "{year}: {respondents} responses from {municipalities} municipalities",
    },
    "about_sample_heading": {"da": "Om eksempeldata", "en": "About the sample data"},
    "about_sample": {
        "da": "KL offentliggør ikke tal pr. teknologi. De viste tal er derfor eksempeldata, dannet af en deterministisk generator (radar/sample.py) ud fra dokumenterede målprofiler i data/seed/targets.csv og de offentlige fakta: fx finder næsten alle video relevant (99 % i 2021) og cloud (93 %). Importér rigtige besvarelser med 'python -m radar import-edition'.",
        "en": "KL does not publish figures per technology. The numbers shown are therefore sample data from a deterministic generator (radar/sample.py) driven by documented target profiles in data/seed/targets.csv and the public facts: e.g. nearly everyone finds video relevant (99% in 2021) and cloud (93%). Import real responses with 'python -m radar import-edition'.",
    },
    # errors
    "error_seed_missing": {"da": "Datafilen mangler: {file}", "en": "The data file is missing: {file}"},
    "error_seed_columns": {"da": "{file} mangler kolonnerne: {columns}", "en": "{file} is missing the columns: {columns}"},
    "error_db_missing": {
        "da": "Databasen findes ikke ({path}). Kør 'make run' eller 'python -m radar build'.",
        "en": "The database does not exist ({path}). Run 'make run' or 'python -m radar build'.",
    },
    "error_unknown_domain": {"da": "Ukendt fagområde: {domain}", "en": "Unknown domain: {domain}"},
    "error_unknown_technology": {"da": "Ukendt teknologi: {technology}", "en": "Unknown technology: {technology}"},
    # --- own radar (make your own radar) ----------------------------------------------------
    # --- formats and import -----------------------------------------------------------------
    "import_file_too_large": {
        "da": "Filen er for stor ({size_mb} MB). Den største fil, der kan indlæses, er {max_mb} MB.",
        "en": "The file is too large ({size_mb} MB). The largest file that can be read is {max_mb} MB.",
    },
    "import_too_many_rows": {
        "da": "Filen har mere end {max_rows} rækker. Del den op i mindre filer.",
        "en": "The file has more than {max_rows} rows. Split it into smaller files.",
    },
    "import_empty_file": {"da": "Filen er tom.", "en": "The file is empty."},
    "import_not_text": {
        "da": "Filen kunne ikke læses som tekst. Gem den som CSV (UTF-8), Excel (.xlsx) eller JSON.",
        "en": "The file could not be read as text. Save it as CSV (UTF-8), Excel (.xlsx) or JSON.",
    },
    "import_not_radar_file": {
        "da": "Filen ligner ikke en radarfil. Brug CSV, Excel (.xlsx) eller JSON.",
        "en": "The file does not look like a radar file. Use CSV, Excel (.xlsx) or JSON.",
    },
    "import_old_xls": {
        "da": "Filen er i det gamle Excel-format (.xls). Gem den som .xlsx, og prøv igen.",
        "en": "The file is in the old Excel format (.xls). Save it as .xlsx and try again.",
    },
    "import_xlsx_unreadable": {
        "da": "Excel-filen kunne ikke åbnes. Den kan være beskadiget eller beskyttet med adgangskode.",
        "en": "The Excel file could not be opened. It may be damaged or password-protected.",
    },
    "import_sheet_missing": {
        "da": "Arket »{sheet}« findes ikke i filen. Filens ark: {sheets}.",
        "en": "The sheet “{sheet}” is not in the file. Sheets in the file: {sheets}.",
    },
    "import_no_name_column": {
        "da": "Filen har ingen kolonne med teknologiens navn (fx »name« eller »navn«). Fundne kolonner: {columns}.",
        "en": "The file has no column with the technology's name (e.g. “name”). Columns found: {columns}.",
    },
    "import_csv_malformed": {
        "da": "CSV-filen kunne ikke læses omkring linje {line}. Tjek anførselstegn og skilletegn.",
        "en": "The CSV file could not be read around line {line}. Check quotes and separators.",
    },
    "import_json_invalid": {
        "da": "JSON-filen har en fejl i linje {line}, kolonne {column}.",
        "en": "The JSON file has an error at line {line}, column {column}.",
    },
    "import_json_shape": {
        "da": "JSON-filen har ikke en form, vi kender (Teknologiradar, Build Your Own Radar, Zalando eller Backstage).",
        "en": "The JSON file does not have a shape we know (Teknologiradar, Build Your Own Radar, Zalando or Backstage).",
    },
    "import_config_not_radar": {
        "da": "Filen er opsætningen af en radar (navne på ringe og kvadranter), ikke en liste over teknologier.",
        "en": "The file is a radar's configuration (names of rings and quadrants), not a list of technologies.",
    },
    "import_config_invalid": {
        "da": "Opsætningsfilen med navne på kvadranter og ringe kunne ikke læses som JSON.",
        "en": "The configuration file with quadrant and ring names could not be read as JSON.",
    },
    "import_version_unsupported": {
        "da": "Filen er gemt i en version af formatet, vi ikke kender (version {version}).",
        "en": "The file uses a version of the format we do not know (version {version}).",
    },
    "import_status_accepted": {"da": "Godkendt", "en": "Accepted"},
    "import_status_accepted_with_change": {"da": "Godkendt med ændring", "en": "Accepted with a change"},
    "import_status_rejected": {"da": "Afvist", "en": "Rejected"},
    "import_row_line": {"da": "Linje {line}", "en": "Line {line}"},
    "import_row_line_name": {"da": "Linje {line} ({name})", "en": "Line {line} ({name})"},
    "import_summary": {
        "da": "{format}: {rows} rækker læst – {accepted} godkendt, {changed} godkendt med ændring, "
        "{rejected} afvist. {entries} teknologier.",
        "en": "{format}: {rows} rows read – {accepted} accepted, {changed} accepted with a change, "
        "{rejected} rejected. {entries} technologies.",
    },
    "import_trimmed": {
        "da": "{field}: mellemrum og linjeskift er ryddet op",
        "en": "{field}: spaces and line breaks tidied",
    },
    "import_markup_removed": {
        "da": "{field}: formatering eller kode er fjernet",
        "en": "{field}: markup or code removed",
    },
    "import_truncated": {"da": "{field}: forkortet til {max} tegn", "en": "{field}: shortened to {max} characters"},
    "import_ring_mapped": {
        "da": "ringen »{raw}« er oversat til {ring}",
        "en": "the ring “{raw}” was translated to {ring}",
    },
    "import_ring_unknown": {
        "da": "ringen »{raw}« kendes ikke – vælg en ring i næste trin",
        "en": "the ring “{raw}” is not known – choose a ring in the next step",
    },
    "import_ring_missing": {"da": "ingen ring angivet", "en": "no ring given"},
    "import_value_invalid": {
        "da": "{field}: værdien »{value}« er ugyldig og er udeladt",
        "en": "{field}: the value “{value}” is not valid and was left out",
    },
    "import_duplicate_merged": {
        "da": "samme navn som linje {first_line} ({name}) – lagt sammen med den",
        "en": "same name as line {first_line} ({name}) – merged into it",
    },
    "import_name_missing": {"da": "navnet mangler", "en": "the name is missing"},
    "import_row_invalid": {
        "da": "rækken kunne ikke læses (forkert form)",
        "en": "the row could not be read (wrong shape)",
    },
    "import_csv_quotes_repaired": {
        "da": "{field}: overflødige CSV-anførselstegn er fjernet",
        "en": "{field}: leftover CSV quotes removed",
    },
    "import_movement_derived": {
        "da": "bevægelsen »{value}« er ugyldig; udledt af ringskiftet: {movement}",
        "en": "the movement “{value}” is not valid; derived from the ring change: {movement}",
    },
    "import_field_technology_id": {"da": "Teknologi-id", "en": "Technology id"},
    "import_field_name": {"da": "Navn", "en": "Name"},
    "import_field_category": {"da": "Kategori", "en": "Category"},
    "import_field_description": {"da": "Beskrivelse", "en": "Description"},
    "import_field_ring": {"da": "Ring", "en": "Ring"},
    "import_field_ring_raw": {"da": "Ring i filen", "en": "Ring in the file"},
    "import_field_ring_reason": {"da": "Begrundelse for ringen", "en": "Reason for the ring"},
    "import_field_status": {"da": "Stadie", "en": "Adoption stage"},
    "import_field_relevance": {"da": "Relevans", "en": "Relevance"},
    "import_field_note": {"da": "Note", "en": "Note"},
    "import_field_owner": {"da": "Ansvarlig", "en": "Owner"},
    "import_field_next_step": {"da": "Næste skridt", "en": "Next step"},
    "import_field_movement": {"da": "Bevægelse", "en": "Movement"},
    "import_field_is_new": {"da": "Ny", "en": "New"},
    "import_movement_new": {"da": "ny", "en": "new"},
    "import_movement_moved_in": {"da": "flyttet ind", "en": "moved in"},
    "import_movement_moved_out": {"da": "flyttet ud", "en": "moved out"},
    "import_movement_unchanged": {"da": "uændret", "en": "unchanged"},
    "import_format_teknologiradar_csv": {"da": "Teknologiradar (CSV)", "en": "Teknologiradar (CSV)"},
    "import_format_teknologiradar_xlsx": {"da": "Teknologiradar (Excel)", "en": "Teknologiradar (Excel)"},
    "import_format_teknologiradar_json": {"da": "Teknologiradar (JSON)", "en": "Teknologiradar (JSON)"},
    "import_format_byor_csv": {"da": "Build Your Own Radar (CSV)", "en": "Build Your Own Radar (CSV)"},
    "import_format_byor_xlsx": {"da": "Build Your Own Radar (Excel)", "en": "Build Your Own Radar (Excel)"},
    "import_format_byor_json": {"da": "Build Your Own Radar (JSON)", "en": "Build Your Own Radar (JSON)"},
    "import_format_zalando_json": {"da": "Zalando-radar (JSON)", "en": "Zalando radar (JSON)"},
    "import_format_backstage_json": {"da": "Backstage-radar (JSON)", "en": "Backstage radar (JSON)"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for `key` in `lang`, with `params` filled in; unknown keys raise KeyError."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text
