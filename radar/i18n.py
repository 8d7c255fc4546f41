"""Every user-facing string, Danish first and English beside it.

One catalogue, grouped in sections by area. Keys are stable; texts may change.
`t(key, lang, **params)` formats with str.format. Tests check every key has both languages.
"""

from __future__ import annotations

import copy
import functools
import math
from decimal import ROUND_HALF_EVEN, Decimal

from babel import Locale
from babel.numbers import NumberPattern

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
    "sample_short": {"da": "Eksempeldata — ikke KL's officielle tal", "en": "Sample data — not KL's official figures"},
    "sample_file_suffix": {"da": "eksempeldata", "en": "sample-data"},
    "sample_notice_some": {
        "da": "Udgaverne {years} er eksempeldata — ikke KL's officielle tal. De øvrige udgaver er importerede data.",
        "en": "The editions {years} are sample data — not KL's official figures. The other editions are imported data.",
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
    "edition_label": {"da": "{year} ({respondents} besvarelser i alt)", "en": "{year} ({respondents} responses in all)"},
    "tab_radar": {"da": "Radar", "en": "Radar"},
    "tab_table": {"da": "Vis som tabel", "en": "Show as a table"},
    "tab_compare": {"da": "Sammenlign fagområder", "en": "Compare domains"},
    "search": {"da": "Søg teknologi", "en": "Search technology"},
    "search_help": {"da": "Skriv en del af navnet, fx 'robot'.", "en": "Type part of the name, e.g. 'robot'."},
    "search_placeholder": {"da": "fx robot", "en": "e.g. robot"},
    "filter_category": {"da": "Kategori", "en": "Category"},
    "filter_ring": {"da": "Ring", "en": "Ring"},
    "filter_movement": {"da": "Bevægelse", "en": "Movement"},
    "filters": {"da": "Filtre", "en": "Filters"},
    "shown_count": {"da": "Viser {shown} af {total} teknologier", "en": "Showing {shown} of {total} technologies"},
    "nothing_matches": {"da": "Ingen teknologier passer til filtrene.", "en": "No technologies match the filters."},
    "open_detail": {"da": "Vis detaljer for", "en": "Show details for"},
    "choose_technology": {"da": "Vælg teknologi", "en": "Choose technology"},
    "choose_option": {"da": "Vælg …", "en": "Choose …"},
    "choose_options": {"da": "Vælg en eller flere …", "en": "Choose one or more …"},
    "click_hint": {
        "da": "Klik på en prik i radaren eller vælg en teknologi på listen for at se detaljer.",
        "en": "Click a dot on the radar or pick a technology from the list to see details.",
    },
    "list_heading": {"da": "Teknologier efter ring", "en": "Technologies by ring"},
    "radar_aria": {
        "da": "Teknologiradar: teknologierne som nummererede prikker i fire ringe, KLAR inderst. "
        "Listen ved siden af og tabellen under radaren har dem alle; vælg en under »Vis detaljer for«.",
        "en": "Technology radar: the technologies as numbered dots in four rings, READY innermost. "
        "The list beside it and the table below the radar hold them all; pick one under 'Show details for'.",
    },
    "radar_zoomed": {
        "da": "Forstørret: kun sektoren {category} vises, og den fylder hele radaren.",
        "en": "Zoomed in: only the sector {category} is shown, and it fills the whole radar.",
    },
    "radar_crowded": {
        "da": "Radaren har for mange teknologier til at prikkerne kan bære deres numre i denne størrelse: "
        "vælg en kategori under Filtre for at se nærmere, eller brug listen og tabellen.",
        "en": "The radar has too many technologies for the dots to carry their numbers at this size: "
        "choose a category under Filters for a closer look, or use the list and the table.",
    },
    "low_n_flag": {"da": "få svar", "en": "few answers"},
    "low_n_help": {
        "da": "Udbredelsen bygger på færre end {low_n} svar med et trin; tolk med forsigtighed.",
        "en": "Adoption rests on fewer than {low_n} answers with a stage; interpret with care.",
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
    "hover_score": {"da": "Score", "en": "Score"},
    "hover_maturity": {"da": "Modenhed", "en": "Maturity"},
    "hover_adoption": {"da": "Udbredelse", "en": "Adoption"},
    "hover_relevance": {"da": "Relevans", "en": "Relevance"},
    "hover_movement": {"da": "Bevægelse", "en": "Movement"},
    # why a blip is where it is (radar/explain.py), and honest numbers
    "why_ring": {"da": "{ring}, fordi {reason}", "en": "{ring}, because {reason}"},
    "why_formula": {
        "da": "(modenhed {maturity} + udbredelse {adoption}) / 2",
        "en": "(maturity {maturity} + adoption {adoption}) / 2",
    },
    "why_at_least": {"da": "≥ {value}", "en": "≥ {value}"},
    "why_below": {"da": "< {value}", "en": "< {value}"},
    "why_and": {"da": "og", "en": "and"},
    "col_why": {"da": "Hvorfor denne ring", "en": "Why this ring"},
    "help_why": {
        "da": "Scoren regnet ud og holdt op mod ringens grænser. Modenhed er her omregnet til 0-1: (m − 1) / 4.",
        "en": "The score worked out and set against the ring's cut-offs. Maturity is converted to 0-1 here: (m − 1) / 4.",
    },
    "number_below": {"da": "under {value}", "en": "below {value}"},
    "number_above": {"da": "over {value}", "en": "above {value}"},
    # the three counts, each named where it is shown
    "count_respondents": {"da": "{n} besvarelser i alt", "en": "{n} responses in all"},
    "count_respondents_domain": {"da": "{n} besvarelser fra fagområdet i alt", "en": "{n} responses from the domain in all"},
    "count_stage": {"da": "{n} svar med et trin", "en": "{n} answers with a stage"},
    "count_relevance": {"da": "{n} svar om relevans", "en": "{n} answers on relevance"},
    "col_n_stage": {"da": "Svar med et trin", "en": "Answers with a stage"},
    "col_n_relevance": {"da": "Svar om relevans", "en": "Answers on relevance"},
    "help_n_stage": {
        "da": "Besvarelser, der angiver et trin 0-3 for teknologien (»ved ikke« tæller ikke med). Udbredelsen og ⚠ bygger på dette antal.",
        "en": "Responses giving a stage 0-3 for the technology (“don't know” excluded). Adoption and ⚠ rest on this count.",
    },
    "help_n_relevance": {
        "da": "Besvarelser, der har svaret ja eller nej til, om teknologien er relevant. Relevansen er andelen af dem, der svarede ja.",
        "en": "Responses that answered yes or no to whether the technology is relevant. Relevance is the share of them who said yes.",
    },
    "hover_value_of": {"da": "{value} (af {count})", "en": "{value} (of {count})"},
    "hover_maturity_norm": {"da": "{label} → {value} på 0-1", "en": "{label} → {value} on 0-1"},
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
    "detail_scope_combined": {"da": "Samlet", "en": "Combined"},
    "detail_share": {"da": "Andel af besvarelser", "en": "Share of responses"},
    "detail_no_use_cases": {"da": "Ingen eksempler registreret.", "en": "No examples recorded."},
    "detail_counts": {
        "da": "Udbredelsen og scoren bygger på {stage} svar med et trin, relevansen på {relevance} svar om relevans.",
        "en": "Adoption and the score rest on {stage} answers with a stage, relevance on {relevance} answers on relevance.",
    },
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

**Samlet radar** bruger alle besvarelser fra alle fagområder. **En fagområderadar** bruger kun svarene fra ledere på det område. Bygger en udbredelse på færre end {low_n} svar med et trin, markeres den med ⚠.

**Bevægelse** sammenligner ringen med samme radar i den forrige udgave: ny, rykket ind (tættere på centrum), rykket ud eller uændret.

**Placering i diagrammet:** den inderste ring, KLAR, er bredest (som i Thoughtworks' Build Your Own Radar), de tre andre er lige brede, og vinklen er teknologiens kategori. Inden for sin ring og sin kategoris sektor ligger en teknologi tættere på centrum, jo højere scoren er. Mellem to sektorer siger afstanden til centrum intet om, hvem der har den højeste score: prikkerne lægges i rækker, så de aldrig overlapper, og en sektor med mange teknologier i samme ring fylder rækkerne længere ud. Sammenlign derfor scorerne i kortet ved prikken eller i tabellen. Placeringen er deterministisk: de samme data giver altid det samme billede.""",
        "en": """**Technical maturity** (m) is rated by experts on a scale of 1 to 5 and converted to 0-1: m' = (m − 1) / 4.

**Adoption** comes from the survey of municipal managers. Each manager answers for their own domain: 0 not considering, 1 considering, 2 trialling, 3 in operation. \"Don't know\" counts as no answer. The adoption index is a = the mean stage / 3.

**Relevance** is the share of managers who say the technology is relevant in their domain. It does not affect the ring but is shown with every technology.

**Score** s = (m' + a) / 2, a number between 0 and 1.

**The combined radar** uses all responses from all domains. **A domain radar** uses only the responses of managers in that domain. An adoption based on fewer than {low_n} answers with a stage is marked ⚠.

**Movement** compares the ring with the same radar in the previous edition: new, moved in (closer to the centre), moved out or unchanged.

**Placement on the chart:** the innermost ring, READY, is the widest (as in Thoughtworks' Build Your Own Radar), the other three have equal width, and the angle is the technology's category. Within its ring and its category's sector a technology lies closer to the centre the higher its score. Between two sectors the distance from the centre says nothing about which score is higher: dots are laid out in rows so that they never overlap, and a sector with many technologies in one ring fills its rows further out. So compare scores in the card by the dot or in the table. The layout is deterministic: the same data always gives the same picture.""",
    },
    "about_cutoffs_heading": {"da": "Grænser mellem ringene", "en": "Cut-offs between rings"},
    "about_cutoffs_note": {
        "da": "KL's egne skalaer og grænser er ikke offentlige. Disse er vores egne og kan ændres i radar/config.py.",
        "en": "KL's own scales and cut-offs are not public. These are our own and can be changed in radar/config.py.",
    },
    "about_cutoff_row": {"da": "score fra {low} til under {high}", "en": "score from {low} to below {high}"},
    "about_cutoff_row_top": {
        "da": "score fra {low} til og med {high}",
        "en": "score from {low} up to and including {high}",
    },
    "about_counts_heading": {"da": "Tre antal, hver med sit navn", "en": "Three counts, each with its name"},
    "about_counts": {
        "da": "- **Besvarelser i alt**: de ledere, der har svaret i udgaven (i en fagområderadar: fra fagområdet). Står ved udgaven og under radaren.\n"
        "- **Svar med et trin**: for én teknologi de besvarelser, der angiver et trin 0-3; »ved ikke« tæller ikke med. Udbredelsen og ⚠ bygger på dette antal. Står i kortet ved prikken, i tabellen og i detaljerne.\n"
        "- **Svar om relevans**: for én teknologi de besvarelser, der har svaret ja eller nej til, om den er relevant. Relevansen er andelen af dem, der svarede ja.",
        "en": "- **Responses in all**: the managers who answered in the edition (in a domain radar: from the domain). Shown by the edition and under the radar.\n"
        "- **Answers with a stage**: for one technology the responses giving a stage 0-3; “don't know” is left out. Adoption and ⚠ rest on this count. Shown in the card by the dot, in the table and in the details.\n"
        "- **Answers on relevance**: for one technology the responses that said yes or no to whether it is relevant. Relevance is the share of them who said yes.",
    },
    "about_example_heading": {"da": "Sådan læses en prik", "en": "How to read a dot"},
    "about_example": {
        "da": "Kortet ved hver prik, tabellen og detaljerne siger, hvorfor teknologien står i sin ring. Fx giver teknisk modenhed {maturity} og udbredelse {adoption}:",
        "en": "The card by each dot, the table and the details say why the technology is in its ring. For example, technical maturity {maturity} and adoption {adoption} give:",
    },
    "about_digits": {
        "da": "Tal skrives med to decimaler. Ligger en score så tæt under en grænse, at to decimaler ville vise selve grænsen, skrives flere (0,297 og ikke 0,30 i AFVENT), eller der står »under 0,30«. En andel skrives kun som 100 % eller 0 %, når den er det. Står der »≈« i en begrundelse, er delene afrundet, så regnestykket kan ramme én ved siden af i sidste decimal.",
        "en": "Numbers are written with two decimals. When a score lies so close below a cut-off that two decimals would show the cut-off itself, more are written (0.297, not 0.30, in WAIT), or it says “below 0.30”. A share is written as 100% or 0% only when it is. A “≈” in a reason means the parts are rounded, so the sum may be one off in the last decimal.",
    },
    "about_maturity_heading": {"da": "Skala for teknisk modenhed", "en": "Technical maturity scale"},
    "about_stages_heading": {"da": "Trin for udbredelse", "en": "Adoption stages"},
    "about_data_heading": {"da": "Data i denne udgave", "en": "Data in this edition"},
    "about_data_row": {
        "da": "{year}: {respondents} besvarelser i alt fra {municipalities} kommuner",
        "en": "{year}: {respondents} responses in all from {municipalities} municipalities",
    },
    "about_sample_heading": {"da": "Om eksempeldata", "en": "About the sample data"},
    "about_sample": {
        "da": "KL offentliggør ikke tal pr. teknologi. De viste tal er derfor eksempeldata, dannet af en deterministisk generator (radar/sample.py) ud fra dokumenterede målprofiler i data/seed/targets.csv og de offentlige fakta: fx finder næsten alle video relevant (99 % i 2021) og cloud (93 %). Eksempeldataenes antal besvarelser og andele er ikke KL's offentliggjorte tal for et andet år (KL's undersøgelse i 2023 havde 554 besvarelser; eksemplets udgaver har andre antal). Importér rigtige besvarelser med 'python -m radar import-edition'.",
        "en": "KL does not publish figures per technology. The numbers shown are therefore sample data from a deterministic generator (radar/sample.py) driven by documented target profiles in data/seed/targets.csv and the public facts: e.g. nearly everyone finds video relevant (99% in 2021) and cloud (93%). The sample's counts and shares are not KL's published figures for another year (KL's 2023 survey had 554 responses; the sample's editions have other counts). Import real responses with 'python -m radar import-edition'.",
    },
    # errors
    "error_seed_missing": {"da": "Datafilen mangler: {file}", "en": "The data file is missing: {file}"},
    "error_seed_columns": {"da": "{file} mangler kolonnerne: {columns}", "en": "{file} is missing the columns: {columns}"},
    "error_db_missing": {
        "da": "Databasen findes ikke ({path}). Kør 'make run' eller 'python -m radar build'.",
        "en": "The database does not exist ({path}). Run 'make run' or 'python -m radar build'.",
    },
    "upload_button": {"da": "Vælg fil", "en": "Choose file"},
    "upload_limit": {"da": "Højst {max_mb} MB pr. fil", "en": "At most {max_mb} MB per file"},
    "upload_refused": {
        "da": "Filen kan ikke bruges: den er større end {max_mb} MB eller ikke en af de viste filtyper.",
        "en": "The file cannot be used: it is larger than {max_mb} MB or not one of the file types shown.",
    },
    "error_unknown_domain": {"da": "Ukendt fagområde: {domain}", "en": "Unknown domain: {domain}"},
    "error_unknown_technology": {"da": "Ukendt teknologi: {technology}", "en": "Unknown technology: {technology}"},
    "error_unknown_technology_link": {
        "da": "Linket nævner en teknologi, radaren ikke kender: {technology}. Vælg en teknologi på listen.",
        "en": "The link names a technology the radar does not know: {technology}. Choose a technology from the list.",
    },
    # --- own radar (make your own radar) ----------------------------------------------------
    "own_technologies_one": {"da": "{count} teknologi", "en": "{count} technology"},
    "own_technologies_other": {"da": "{count} teknologier", "en": "{count} technologies"},
    "own_error_radar_name_taken": {
        "da": "Der findes allerede en radar, som hedder '{name}'. Vælg et andet navn; intet er ændret.",
        "en": "There is already a radar called '{name}'. Choose another name; nothing was changed.",
    },
    "own_name_made_free": {
        "da": "Der findes allerede en radar, som hedder '{wanted}', så den nye radar hedder '{name}'.",
        "en": "There is already a radar called '{wanted}', so the new radar is called '{name}'.",
    },
    "own_import_ring_choice": {"da": "Ringen »{raw}« ({technologies})", "en": "The ring “{raw}” ({technologies})"},
    "own_import_category_choice": {"da": "Kategorien »{raw}« ({technologies})", "en": "The category “{raw}” ({technologies})"},
    "own_import_keep_intro": {
        "da": "{technologies} gemmes som en ny radar under »Lav jeres egen radar«. De importerede ringe gemmes som "
        "sat i hånden med filen som begrundelse; I kan ændre dem der.",
        "en": "{technologies} are kept as a new radar under “Make your own radar”. The imported rings are kept as "
        "set by hand, with the file as the reason; you can change them there.",
    },
    "own_import_keep_intro_one": {
        "da": "1 teknologi gemmes som en ny radar under »Lav jeres egen radar«. Den importerede ring gemmes som "
        "sat i hånden med filen som begrundelse; I kan ændre den der.",
        "en": "1 technology is kept as a new radar under “Make your own radar”. The imported ring is kept as "
        "set by hand, with the file as the reason; you can change it there.",
    },
    "own_title": {"da": "Lav jeres egen radar", "en": "Make your own radar"},
    "own_intro": {
        "da": "Byg kommunens egen radar sammen i mødet. Alt gemmes med det samme, og radaren kan deles med et link.",
        "en": "Build your municipality's own radar together in the meeting. Everything is saved at once, and the radar can be shared with a link.",
    },
    # list and new radar
    "own_list_heading": {"da": "Jeres radarer", "en": "Your radars"},
    "own_list_empty": {
        "da": "Der er ingen gemte radarer endnu. Lav den første herunder.",
        "en": "No saved radars yet. Make the first one below.",
    },
    "own_col_name": {"da": "Navn", "en": "Name"},
    "own_col_municipality": {"da": "Kommune", "en": "Municipality"},
    "own_col_updated": {"da": "Sidst ændret", "en": "Last changed"},
    "own_col_entries": {"da": "Teknologier", "en": "Technologies"},
    "own_choose_radar": {"da": "Vælg radar", "en": "Choose radar"},
    "own_open": {"da": "Åbn", "en": "Open"},
    "own_rename": {"da": "Omdøb", "en": "Rename"},
    "own_new_name_label": {"da": "Nyt navn", "en": "New name"},
    "own_duplicate": {"da": "Kopiér", "en": "Duplicate"},
    "own_delete": {"da": "Slet", "en": "Delete"},
    "own_delete_confirm": {
        "da": "Slet radaren '{name}' med {technologies}? Den lægges i papirkurven og kan gendannes i {days} dage: "
        "fra papirkurven nederst på listen eller ved at åbne dens redigeringslink. Derefter slettes den for altid.",
        "en": "Delete the radar '{name}' with {technologies}? It goes to the bin and can be restored for {days} days: "
        "from the bin at the bottom of the list, or by opening its edit link. After that it is deleted for good.",
    },
    "own_delete_yes": {"da": "Ja, slet radaren", "en": "Yes, delete the radar"},
    "own_cancel": {"da": "Annullér", "en": "Cancel"},
    "own_deleted": {
        "da": "Radaren '{name}' er lagt i papirkurven. Den kan gendannes indtil {until}.",
        "en": "The radar '{name}' is in the bin. It can be restored until {until}.",
    },
    "own_bin_heading": {"da": "Papirkurv", "en": "Bin"},
    "own_bin_intro": {
        "da": "Slettede radarer bliver her i {days} dage og kan gendannes. Derefter slettes de for altid.",
        "en": "Deleted radars stay here for {days} days and can be restored. After that they are deleted for good.",
    },
    "own_bin_row": {"da": "slettet {deleted} · slettes for altid {until}", "en": "deleted {deleted} · deleted for good {until}"},
    "own_bin_restore": {"da": "Gendan", "en": "Restore"},
    "own_restored": {"da": "Radaren '{name}' er gendannet.", "en": "The radar '{name}' was restored."},
    "own_in_bin": {
        "da": "Radaren '{name}' ligger i papirkurven (slettet {deleted}). Den kan gendannes indtil {until}.",
        "en": "The radar '{name}' is in the bin (deleted {deleted}). It can be restored until {until}.",
    },
    "own_renamed": {"da": "Radaren hedder nu '{name}'.", "en": "The radar is now called '{name}'."},
    "own_duplicated": {"da": "Kopien '{name}' er oprettet.", "en": "The copy '{name}' was created."},
    "own_copy_name": {"da": "Kopi af {name}", "en": "Copy of {name}"},
    "own_new_heading": {"da": "Ny radar", "en": "New radar"},
    "own_field_radar_name": {"da": "Radarens navn", "en": "Name of the radar"},
    "own_field_municipality": {"da": "Kommune", "en": "Municipality"},
    "own_field_domain": {"da": "Fagområde (valgfrit)", "en": "Domain (optional)"},
    "own_field_date": {"da": "Dato", "en": "Date"},
    "own_no_domain": {"da": "Alle fagområder", "en": "All domains"},
    "own_new_start": {"da": "Start fra", "en": "Start from"},
    "own_start_combined": {"da": "Den samlede nationale radar", "en": "The combined national radar"},
    "own_start_domain": {"da": "Fagområdets nationale radar", "en": "The domain's national radar"},
    "own_start_blank": {"da": "En tom radar", "en": "A blank radar"},
    "own_new_bring": {"da": "Med hvilke teknologier", "en": "With which technologies"},
    "own_new_bring_help": {
        "da": "Gælder, når I starter fra en national radar. Senere kan I tilføje og fjerne teknologier.",
        "en": "Applies when you start from a national radar. You can add and remove technologies later.",
    },
    "own_bring_all": {"da": "Alle", "en": "All"},
    "own_bring_ready": {"da": "Kun KLAR og AFPRØV", "en": "Only READY and TRIAL"},
    "own_bring_pick": {"da": "Dem, vi vælger", "en": "Those we pick"},
    "own_new_pick": {"da": "Vælg teknologier (ved »Dem, vi vælger«)", "en": "Pick technologies (for “Those we pick”)"},
    "own_error_pick_needed": {
        "da": "Vælg mindst én teknologi, eller vælg »Alle« eller »Kun KLAR og AFPRØV«.",
        "en": "Pick at least one technology, or choose “All” or “Only READY and TRIAL”.",
    },
    "own_new_create": {"da": "Opret radar", "en": "Create radar"},
    "own_created": {
        "da": "Radaren '{name}' er oprettet med {technologies}.",
        "en": "The radar '{name}' was created with {technologies}.",
    },
    "own_open_file_heading": {"da": "Åbn en eksporteret radar", "en": "Open an exported radar"},
    "own_open_file_help": {
        "da": "Vælg en JSON- eller Excel-fil, som er eksporteret herfra. Den bliver til en ny radar; de gemte radarer røres ikke.",
        "en": "Choose a JSON or Excel file exported from here. It becomes a new radar; saved radars are not touched.",
    },
    "own_open_file_button": {"da": "Opret radar fra filen", "en": "Create radar from the file"},
    "own_opened": {
        "da": "Radaren '{name}' er oprettet fra filen med {technologies}.",
        "en": "The radar '{name}' was created from the file with {technologies}.",
    },
    "own_opened_report": {
        "da": "{changed} rækker blev rettet og {rejected} sprunget over under indlæsningen.",
        "en": "{changed} rows were adjusted and {rejected} skipped while reading.",
    },
    "own_back": {"da": "Alle radarer", "en": "All radars"},
    "own_back_hosted": {"da": "Ny radar", "en": "New radar"},
    # workspace
    "own_caption": {
        "da": "{municipality} · {domain} · {date} · {technologies}",
        "en": "{municipality} · {domain} · {date} · {technologies}",
    },
    "own_saved_at": {"da": "Alt er gemt · senest {time}", "en": "Everything is saved · last at {time}"},
    "own_share": {"da": "Links til radaren", "en": "Links to the radar"},
    "own_share_help": {
        "da": "Linkene kan ikke gættes. Kopiér et link med knappen i feltets hjørne.",
        "en": "The links cannot be guessed. Copy a link with the button in the corner of its box.",
    },
    "own_edit_link": {"da": "Redigeringslink", "en": "Edit link"},
    "own_edit_link_help": {
        "da": "Alle med dette link kan ændre og slette radaren. Del det kun med dem, der skal redigere.",
        "en": "Anyone with this link can change and delete the radar. Share it only with those who edit.",
    },
    "own_view_link": {"da": "Visningslink", "en": "View link"},
    "own_view_link_help": {
        "da": "Med dette link kan man se, præsentere og eksportere radaren, men ikke ændre den.",
        "en": "With this link one can see, present and export the radar, but not change it.",
    },
    "own_new_edit_link": {"da": "Lav et nyt redigeringslink", "en": "Make a new edit link"},
    "own_new_edit_link_confirm": {
        "da": "Det gamle redigeringslink holder op med at virke med det samme. Visningslinket er det samme.",
        "en": "The old edit link stops working at once. The view link stays the same.",
    },
    "own_new_edit_link_yes": {"da": "Ja, lav et nyt link", "en": "Yes, make a new link"},
    "own_new_edit_link_done": {
        "da": "Radaren har fået et nyt redigeringslink. Det gamle virker ikke længere.",
        "en": "The radar has a new edit link. The old one no longer works.",
    },
    "own_keep_link": {
        "da": "Gem redigeringslinket (i adresselinjen og under fanen »Om radaren«): det er den eneste vej tilbage til radaren.",
        "en": "Keep the edit link (in the address bar and on the tab “About the radar”): it is the only way back to the radar.",
    },
    "own_read_only": {
        "da": "Du ser radaren via et visningslink: du kan se, præsentere og eksportere den, men ikke ændre den.",
        "en": "You are viewing the radar through a view link: you can see, present and export it, but not change it.",
    },
    "own_hosted_intro": {
        "da": "Lav en ny radar, eller åbn en eksport. En gemt radar åbnes med sit link.",
        "en": "Make a new radar or open an export. A saved radar is opened with its link.",
    },
    "own_present": {"da": "Præsentation", "en": "Presentation"},
    "own_present_help": {
        "da": "Stor radar til projektoren, uden redigering.",
        "en": "Large radar for the projector, without editing.",
    },
    "own_present_view": {"da": "Vis", "en": "Show"},
    "own_view_radar": {"da": "Radar", "en": "Radar"},
    "own_view_matrix": {"da": "Prioritering", "en": "Priorities"},
    "own_view_gaps": {"da": "Forskelle til landet", "en": "Gaps to the country"},
    "own_undo": {"da": "Fortryd seneste ændring", "en": "Undo last change"},
    "own_undone": {"da": "Den seneste ændring er fortrudt.", "en": "The last change was undone."},
    "own_ring_pending": {"da": "{ring} ({chosen} venter på begrundelse)", "en": "{ring} ({chosen} waits for a reason)"},
    "own_status_option_0": {"da": "0 · Ikke på tale", "en": "0 · Not on the agenda"},
    "own_status_option_1": {"da": "1 · Overvejer", "en": "1 · Considering"},
    "own_status_option_2": {"da": "2 · Afprøver", "en": "2 · Trialling"},
    "own_status_option_3": {"da": "3 · I drift", "en": "3 · Running"},
    "own_renumber": {"da": "Nye numre", "en": "Renumber"},
    "own_renumber_help": {
        "da": "Numrene bliver stående, mens I arbejder. Her får teknologierne nye numre efter ring og score (kan fortrydes).",
        "en": "Numbers stay while you work. This numbers the technologies again by ring and score (can be undone).",
    },
    "own_renumbered": {
        "da": "Teknologierne har fået nye numre efter ring og score.",
        "en": "The technologies were renumbered by ring and score.",
    },
    "own_undo_named": {"da": "Fortryd: {change}", "en": "Undo: {change}"},
    "own_redo_named": {"da": "Gentag: {change}", "en": "Redo: {change}"},
    "own_undone_named": {"da": "Fortrudt: {change}", "en": "Undone: {change}"},
    "own_redone_named": {"da": "Gentaget: {change}", "en": "Redone: {change}"},
    "own_nothing_to_undo": {"da": "Intet at fortryde", "en": "Nothing to undo"},
    "own_change_edit": {"da": "{field} for {name}: {before} → {after}", "en": "{field} of {name}: {before} → {after}"},
    "own_change_added": {"da": "tilføjet {names}", "en": "added {names}"},
    "own_change_removed": {"da": "fjernet {names}", "en": "removed {names}"},
    "own_change_more": {"da": "og {count} ændringer mere", "en": "and {count} more changes"},
    "own_radar_heading": {"da": "Jeres radar", "en": "Your radar"},
    "own_matrix_heading": {"da": "Prioritering: relevans og modenhed", "en": "Priorities: relevance and maturity"},
    "own_matrix_relevance_axis": {"da": "Relevans her (1-5)", "en": "Relevance here (1-5)"},
    "own_matrix_empty": {
        "da": "Sæt relevans (1-5) på teknologierne i tabellen for at se dem i matrixen.",
        "en": "Set a relevance (1-5) for the technologies in the table to see them in the matrix.",
    },
    "own_matrix_help": {
        "da": "Relevans er jeres vurdering (1-5); modenhed er den nationale tekniske modenhed. Fra 4 og op tæller som højt.",
        "en": "Relevance is your rating (1-5); maturity is the national technical maturity. 4 and up counts as high.",
    },
    "own_quadrant_go": {"da": "Gå i gang", "en": "Go ahead"},
    "own_quadrant_test": {"da": "Afprøv", "en": "Test"},
    "own_quadrant_watch": {"da": "Hold øje", "en": "Watch"},
    "own_quadrant_leave": {"da": "Lad ligge", "en": "Leave"},
    "own_radar_empty": {
        "da": "Radaren er tom. Tilføj teknologier herunder.",
        "en": "The radar is empty. Add technologies below.",
    },
    "own_radar_empty_view": {"da": "Radaren er tom endnu.", "en": "The radar is empty so far."},
    "own_unplaced": {
        "da": "Ikke placeret endnu (sæt en status eller en ring): {names}",
        "en": "Not placed yet (set a status or a ring): {names}",
    },
    "own_method_heading": {"da": "Sådan beregnes den lokale ring", "en": "How the local ring is computed"},
    "own_method": {
        "da": """Den lokale radar bruger samme metode som den nationale, med jeres egen status som udbredelse.

**Teknisk modenhed** (m, 1-5) er eksperternes nationale vurdering i den nyeste udgave. For jeres egne teknologier bruges den modenhed, I selv sætter; sætter I ingen, regnes med {default} (afprøvet i en kommune). m' = (m − 1) / 4.

**Lokal udbredelse** a = jeres status / 3: overvejer ikke = 0, overvejer = 1/3, afprøver = 2/3, i drift = 1. Har I ikke sat en status, bruges landets udbredelsesindeks for radarens fagområde (eller den samlede radar), så teknologien står, hvor landet står, indtil I tager stilling. En egen teknologi uden status står som »{own_stage}«, indtil I sætter en status.

**Score** s = (m' + a) / 2, og ringen følger de samme grænser som nationalt: {cutoffs}.

**Ring sat i hånden:** I kan vælge ringen selv, når gruppen er enig om noget andet end beregningen. Skriv en begrundelse, før eller efter ringen: indtil da venter den valgte ring (vist som »venter på begrundelse«), og derefter lægges prikken i den valgte ring.

**Relevans** (1-5) er jeres egen vurdering. Den flytter ikke ringen, men bestemmer placeringen i prioriteringsmatrixen.""",
        "en": """The local radar uses the same method as the national one, with your own status as adoption.

**Technical maturity** (m, 1-5) is the experts' national rating in the newest edition. For your own technologies the maturity you set is used; if you set none, {default} (piloted in a municipality) is assumed. m' = (m − 1) / 4.

**Local adoption** a = your status / 3: not considering = 0, considering = 1/3, trialling = 2/3, in operation = 1. While you have not set a status, the national adoption index of the radar's domain (or the combined radar) is used, so the technology sits where the country is until you decide. An own technology without a status stands as “{own_stage}” until you set a status.

**Score** s = (m' + a) / 2, and the ring follows the same cut-offs as nationally: {cutoffs}.

**Ring set by hand:** you can choose the ring yourselves when the group agrees on something other than the calculation. Write a reason, before or after the ring: until then the chosen ring waits (shown as “waits for a reason”), and then the dot is placed in the chosen ring.

**Relevance** (1-5) is your own rating. It does not move the ring but decides the place in the priority matrix.""",
    },
    # entries table
    "own_tab_entries": {"da": "Teknologier", "en": "Technologies"},
    "own_tab_compare": {"da": "Sammenlign med landet", "en": "Compare with the country"},
    "own_tab_export": {"da": "Eksport", "en": "Export"},
    "own_tab_history": {"da": "Historik", "en": "History"},
    "own_tab_settings": {"da": "Om radaren", "en": "About the radar"},
    "own_editor_hint": {
        "da": "Klik i en celle og vælg eller skriv; Enter eller Tab gemmer med det samme. Piletasterne flytter mellem cellerne.",
        "en": "Click a cell and choose or type; Enter or Tab saves at once. Arrow keys move between cells.",
    },
    "own_col_status": {"da": "Status her", "en": "Status here"},
    "own_col_relevance": {"da": "Relevans her", "en": "Relevance here"},
    "own_col_ring_shown": {"da": "Ring", "en": "Ring"},
    "own_col_hand_ring": {"da": "Ring i hånden", "en": "Ring by hand"},
    "own_col_reason": {"da": "Begrundelse", "en": "Reason"},
    "own_col_note": {"da": "Note / beslutning", "en": "Note / decision"},
    "own_col_owner": {"da": "Ansvarlig", "en": "Owner"},
    "own_col_next": {"da": "Næste skridt", "en": "Next step"},
    "own_export_minutes_sheet": {"da": "Referat", "en": "Minutes"},
    "own_col_description": {"da": "Kort beskrivelse", "en": "Short description"},
    "own_col_own_maturity": {"da": "Modenhed (jeres vurdering)", "en": "Maturity (your rating)"},
    "own_help_status": {
        "da": "Hvor langt er I? Overvejer ikke, overvejer, afprøver eller i drift. Tom = brug landets tal.",
        "en": "How far are you? Not considering, considering, trialling or in operation. Empty = use the national figure.",
    },
    "own_help_relevance": {
        "da": "Hvor relevant er teknologien for jer? 1 lidt … 5 meget.",
        "en": "How relevant is the technology for you? 1 a little … 5 very.",
    },
    "own_help_hand_ring": {
        "da": "Vælg kun en ring, hvis gruppen vil afvige fra beregningen; skriv så en begrundelse.",
        "en": "Only choose a ring if the group wants to differ from the calculation; then write a reason.",
    },
    "own_help_ring_shown": {
        "da": "Ringen på radaren: beregnet eller sat i hånden.",
        "en": "The ring on the radar: computed or set by hand.",
    },
    "own_help_own_maturity": {
        "da": "1-5 som den nationale skala. Tom = {default}.",
        "en": "1-5 as on the national scale. Empty = {default}.",
    },
    "own_add_heading": {"da": "Tilføj fra kataloget", "en": "Add from the catalogue"},
    "own_pick": {"da": "Teknologier", "en": "Technologies"},
    "own_pick_placeholder": {"da": "Skriv for at søge …", "en": "Type to search …"},
    "own_pick_add": {"da": "Tilføj valgte", "en": "Add selected"},
    "own_added": {"da": "Tilføjet: {names}", "en": "Added: {names}"},
    "own_custom_heading": {"da": "Tilføj jeres egen teknologi", "en": "Add your own technology"},
    "own_custom_add": {"da": "Tilføj teknologi", "en": "Add technology"},
    "own_custom_list": {"da": "Jeres egne teknologier", "en": "Your own technologies"},
    "own_remove_heading": {"da": "Fjern fra radaren", "en": "Remove from the radar"},
    "own_remove_button": {"da": "Fjern valgte", "en": "Remove selected"},
    "own_removed": {"da": "Fjernet: {names}. Fortryd bringer dem tilbage.", "en": "Removed: {names}. Undo brings them back."},
    # compare
    "own_compare_scope": {"da": "Sammenlign med", "en": "Compare with"},
    "own_compare_combined": {"da": "Den samlede nationale radar", "en": "The combined national radar"},
    "own_show_ghosts": {"da": "Vis landets placering i radaren", "en": "Show the national position on the radar"},
    "own_show_ghosts_help": {
        "da": "Grå prikker viser, hvor teknologien står nationalt; en stiplet linje forbinder den med jeres prik.",
        "en": "Grey dots show where the technology is nationally; a dotted line joins it to your dot.",
    },
    "own_gap_intro": {
        "da": "Største forskelle først. Forskel = jeres score − landets score.",
        "en": "Biggest gaps first. Gap = your score − the national score.",
    },
    "own_gap_none": {
        "da": "Ingen teknologier fra kataloget at sammenligne endnu.",
        "en": "No catalogue technologies to compare yet.",
    },
    "own_gap_own_note": {
        "da": "Jeres egne teknologier har ingen national placering og er ikke med i sammenligningen.",
        "en": "Your own technologies have no national position and are not compared.",
    },
    "own_col_gap": {"da": "Forskel", "en": "Gap"},
    "own_col_gap_text": {"da": "Hvad betyder det", "en": "What it means"},
    "own_col_local_ring": {"da": "Ring her", "en": "Ring here"},
    "own_col_national_ring": {"da": "Ring nationalt", "en": "Ring nationally"},
    "own_gap_not_considered": {
        "da": "{national} nationalt, ikke overvejet her",
        "en": "{national} nationally, not considered here",
    },
    "own_gap_in_use_ahead": {
        "da": "I drift her, kun {national} nationalt — foran landet",
        "en": "In operation here, only {national} nationally — ahead of the country",
    },
    "own_gap_ahead": {
        "da": "Foran landet: {local} her, {national} nationalt",
        "en": "Ahead of the country: {local} here, {national} nationally",
    },
    "own_gap_behind": {
        "da": "Bagefter landet: {local} her, {national} nationalt",
        "en": "Behind the country: {local} here, {national} nationally",
    },
    "own_gap_level": {"da": "På linje med landet: {local}", "en": "In line with the country: {local}"},
    "own_gap_not_assessed": {
        "da": "Ikke vurderet her endnu — står som landet ({national})",
        "en": "Not assessed here yet — sits where the country is ({national})",
    },
    # hover
    "own_hover_hand_set": {"da": "sat i hånden", "en": "set by hand"},
    "own_hover_status_national": {
        "da": "ikke sat her — landets udbredelse {value}",
        "en": "not set here — national adoption {value}",
    },
    "own_hover_national": {"da": "Nationalt", "en": "Nationally"},
    "own_source_national": {"da": "national vurdering", "en": "national rating"},
    "own_source_own": {"da": "jeres vurdering", "en": "your rating"},
    "own_source_default": {"da": "standard", "en": "default"},
    # export
    "own_export_intro": {
        "da": "Til referatet: et billede af radaren, en interaktiv side der virker uden net, og tabellen med noter.",
        "en": "For the minutes: an image of the radar, an interactive page that works offline, and the table with notes.",
    },
    "own_export_png": {"da": "Billede (PNG)", "en": "Image (PNG)"},
    "own_export_html": {"da": "Interaktiv side (HTML)", "en": "Interactive page (HTML)"},
    "own_export_csv": {"da": "Tabel (CSV)", "en": "Table (CSV)"},
    "own_export_xlsx": {"da": "Excel (.xlsx)", "en": "Excel (.xlsx)"},
    "own_export_json": {"da": "Hele radaren (JSON)", "en": "Whole radar (JSON)"},
    "own_export_reopen": {
        "da": "JSON- og Excel-filen kan åbnes igen under 'Alle radarer' og giver den samme radar.",
        "en": "The JSON and Excel files can be opened again under 'All radars' and give the same radar.",
    },
    "own_export_footer": {"da": "Lavet med Teknologiradar · {date}", "en": "Made with Technology radar · {date}"},
    "own_png_failed": {
        "da": "Billedet kunne ikke laves på serveren: {reason}",
        "en": "The image could not be made on the server: {reason}",
    },
    # history
    "own_history_empty": {"da": "Ingen ændringer endnu.", "en": "No changes yet."},
    "own_history_intro": {"da": "De seneste {count} ændringer, nyeste først.", "en": "The last {count} changes, newest first."},
    "own_col_when": {"da": "Tidspunkt", "en": "When"},
    "own_col_action": {"da": "Ændring", "en": "Change"},
    "own_col_detail": {"da": "Hvad", "en": "What"},
    "own_action_add": {"da": "Tilføjet", "en": "Added"},
    "own_action_edit": {"da": "Ændret", "en": "Changed"},
    "own_action_remove": {"da": "Fjernet", "en": "Removed"},
    "own_action_meta": {"da": "Radarens oplysninger", "en": "Radar details"},
    "own_action_undo": {"da": "Fortrudt", "en": "Undone"},
    "own_action_renumber": {"da": "Nye numre", "en": "Renumbered"},
    "own_change_renumbered": {"da": "numrene sat efter ring og score", "en": "numbers set by ring and score"},
    "own_settings_intro": {
        "da": "Ændringer gemmes, så snart I forlader feltet.",
        "en": "Changes are saved as soon as you leave the field.",
    },
    # field names used in messages
    "own_field_technology_id": {"da": "teknologi-id", "en": "technology id"},
    "own_field_name": {"da": "navn", "en": "name"},
    "own_field_category": {"da": "kategori", "en": "category"},
    "own_field_description": {"da": "beskrivelse", "en": "description"},
    "own_field_maturity": {"da": "modenhed", "en": "maturity"},
    "own_field_status": {"da": "status", "en": "status"},
    "own_field_relevance": {"da": "relevans", "en": "relevance"},
    "own_field_ring": {"da": "ring", "en": "ring"},
    "own_field_ring_reason": {"da": "begrundelse", "en": "reason"},
    "own_field_note": {"da": "note", "en": "note"},
    "own_field_owner": {"da": "ansvarlig", "en": "owner"},
    "own_field_next_step": {"da": "næste skridt", "en": "next step"},
    "own_field_radar_municipality": {"da": "kommune", "en": "municipality"},
    "own_field_radar_domain": {"da": "fagområde", "en": "domain"},
    "own_field_radar_date": {"da": "dato", "en": "date"},
    # errors
    "own_error_read_only": {
        "da": "Radaren er åbnet med et visningslink og kan ikke ændres herfra. Brug redigeringslinket.",
        "en": "The radar was opened with a view link and cannot be changed from here. Use the edit link.",
    },
    "own_error_radar_in_bin": {
        "da": "Radaren ligger i papirkurven. Gendan den for at arbejde videre.",
        "en": "The radar is in the bin. Restore it to go on working.",
    },
    "backup_written": {
        "da": "Skrev {radars} egne radarer til {file}.",
        "en": "Wrote {radars} own radars to {file}.",
    },
    "backup_restored": {
        "da": "Gendannede {radars} radarer fra {file} ({replaced} erstattet, {renamed} omdøbt, fordi navnet var taget).",
        "en": "Restored {radars} radars from {file} ({replaced} replaced, {renamed} renamed because the name was taken).",
    },
    "backup_error_format": {
        "da": "Filen er ikke en sikkerhedskopi fra 'python -m radar backup', eller den er ødelagt. Intet er ændret.",
        "en": "The file is not a backup made by 'python -m radar backup', or it is damaged. Nothing was changed.",
    },
    "backup_error_locked": {
        "da": "Filen {file} bruges af et andet program, der ikke svarer. Prøv igen, når appen kører, eller stop den.",
        "en": "The file {file} is in use by another program that does not answer. Try again while the app runs, or stop it.",
    },
    "backup_error_server": {
        "da": "Den kørende app kunne ikke lave sikkerhedskopien. Se appens log.",
        "en": "The running app could not make the backup. See the app's log.",
    },
    "backup_error_socket_folder": {
        "da": "Mappen {folder} tilhører en anden bruger eller kan læses af andre. Ret dens rettigheder (0700).",
        "en": "The folder {folder} belongs to another user or can be read by others. Fix its permissions (0700).",
    },
    "own_error_nothing_to_redo": {"da": "Der er ikke noget at gentage.", "en": "There is nothing to redo."},
    "own_error_radar_missing": {
        "da": "Radaren findes ikke (længere). Tjek linket, eller vælg en radar på listen.",
        "en": "The radar does not exist (any more). Check the link or choose a radar from the list.",
    },
    "own_error_conflict": {
        "da": "En anden har ændret radaren, lige før jeres ændring. Jeres ændring er ikke gemt; her er den nyeste udgave — prøv igen.",
        "en": "Someone else changed the radar just before your change. Your change was not saved; here is the newest version — please try again.",
    },
    "own_error_radar_name_empty": {"da": "Giv radaren et navn.", "en": "Give the radar a name."},
    "own_error_radar_name_long": {
        "da": "Radarens navn må højst være {max} tegn.",
        "en": "The radar's name can be at most {max} characters.",
    },
    "own_error_municipality_long": {
        "da": "Kommunens navn må højst være {max} tegn.",
        "en": "The municipality's name can be at most {max} characters.",
    },
    "own_error_date": {"da": "'{value}' er ikke en dato (ÅÅÅÅ-MM-DD).", "en": "'{value}' is not a date (YYYY-MM-DD)."},
    "own_error_domain_needed": {
        "da": "Vælg et fagområde for at starte fra fagområdets radar.",
        "en": "Choose a domain to start from the domain's radar.",
    },
    "own_error_entry_name_empty": {"da": "En teknologi skal have et navn.", "en": "A technology needs a name."},
    "own_error_entry_name_long": {
        "da": "Navnet '{name}' er for langt: højst {max} tegn.",
        "en": "The name '{name}' is too long: at most {max} characters.",
    },
    "own_error_text_long": {
        "da": "Feltet '{field}' ved '{name}' er for langt: højst {max} tegn. Ændringen er ikke gemt.",
        "en": "The field '{field}' of '{name}' is too long: at most {max} characters. The change was not saved.",
    },
    "own_error_category_missing": {"da": "Vælg en kategori til '{name}'.", "en": "Choose a category for '{name}'."},
    "own_error_too_many": {
        "da": "En radar kan højst have {max} teknologier (der ville blive {count}). Intet er ændret.",
        "en": "A radar can have at most {max} technologies (it would have {count}). Nothing was changed.",
    },
    "own_error_duplicate": {
        "da": "'{name}' er allerede på radaren. Intet er ændret.",
        "en": "'{name}' is already on the radar. Nothing was changed.",
    },
    "own_error_value": {
        "da": "'{value}' er ikke en gyldig {field} ved '{name}'. Ændringen er ikke gemt.",
        "en": "'{value}' is not a valid {field} for '{name}'. The change was not saved.",
    },
    "own_error_nothing_to_undo": {"da": "Der er ikke flere ændringer at fortryde.", "en": "There are no more changes to undo."},
    "own_error_not_export": {
        "da": "Filen er ikke en JSON-, Excel- eller CSV-eksport fra Teknologiradar.",
        "en": "The file is not a JSON, Excel or CSV export from Technology radar.",
    },
    # --- formats and import -----------------------------------------------------------------
    "edition_exists": {
        "da": "Udgave {year} findes allerede i databasen, og intet er ændret. "
        "Tilføj --replace til kommandoen, hvis udgaven skal erstattes af de nye filer.",
        "en": "Edition {year} already exists in the database, and nothing was changed. "
        "Add --replace to the command if the edition is to be replaced by the new files.",
    },
    "edition_exists_needs_replace": {
        "da": "udgave {year} findes allerede; kør med --replace for at erstatte den",
        "en": "edition {year} already exists; run with --replace to replace it",
    },
    "edition_templates_heading": {"da": "Indlæs en ny udgave", "en": "Load a new edition"},
    "edition_templates_help": {
        "da": "Den, der ejer data, kan indlæse et nyt års svar og ekspertvurderinger med kommandoen "
        "`python -m radar import-edition --year 2027 --answers svar.csv --maturity modenhed.csv` (CSV eller Excel). "
        "Hver række kontrolleres, og intet skrives, hvis én række har en fejl. "
        "Findes årets udgave allerede, erstattes den kun, hvis `--replace` tilføjes.\n\n"
        "**Svarfilen** har én række pr. respondent og teknologi:\n"
        "- `respondent_id` – respondentens id; én respondent svarer for én kommune og ét fagområde\n"
        "- `municipality_code` – kommunekoden, fx 101 (eller kommunens navn)\n"
        "- `domain` – fagområdet, fx `social-sundhed` eller »Social og sundhed«\n"
        "- `technology` – teknologien, fx `iot-sensorer` eller »IoT og sensorer«\n"
        "- `stage` – 0 overvejer ikke, 1 overvejer, 2 afprøver, 3 i drift; tom = ved ikke\n"
        "- `relevant` – ja/nej, 1/0 eller true/false\n"
        "- `value` (kan udelades) – hvilken værdi teknologien har skabt: effektivisering, kvalitet, trivsel, ingen "
        "eller ved ikke; tom = ikke spurgt\n\n"
        "**Modenhedsfilen** har én række pr. teknologi: `technology` og `maturity` (teknisk modenhed, et helt tal 1-5).",
        "en": "The owner of the data can load a new year's answers and expert ratings with the command "
        "`python -m radar import-edition --year 2027 --answers answers.csv --maturity maturity.csv` (CSV or Excel). "
        "Every row is checked, and nothing is written if one row has an error. "
        "An edition of that year that already exists is only replaced when `--replace` is added.\n\n"
        "**The answers file** has one row per respondent and technology:\n"
        "- `respondent_id` – the respondent's id; one respondent answers for one municipality and one domain\n"
        "- `municipality_code` – the municipality's code, e.g. 101 (or its name)\n"
        "- `domain` – the domain, e.g. `social-sundhed` or “Social og sundhed”\n"
        "- `technology` – the technology, e.g. `iot-sensorer` or “IoT og sensorer”\n"
        "- `stage` – 0 not considering, 1 considering, 2 trying, 3 in operation; empty = don't know\n"
        "- `relevant` – ja/nej (yes/no), 1/0 or true/false\n"
        "- `value` (optional) – the value the technology has created: efficiency, quality, wellbeing, none or "
        "dont_know; empty = not asked\n\n"
        "**The maturity file** has one row per technology: `technology` and `maturity` (technical maturity, a whole number 1-5).",
    },
    "edition_template_answers": {"da": "Skabelon til svar (CSV)", "en": "Template for answers (CSV)"},
    "edition_template_maturity": {"da": "Skabelon til modenhed (CSV)", "en": "Template for maturity (CSV)"},
    "import_title": {"da": "Importér en radar", "en": "Import a radar"},
    "import_intro": {
        "da": "Læs en radar fra en fil – jeres egen liste i Excel eller CSV, eller en fil fra Build Your Own Radar, "
        "Zalando eller Backstage. Du ser, hvad der skete med hver række, og radaren, før du gemmer den som egen radar.",
        "en": "Read a radar from a file – your own list in Excel or CSV, or a file from Build Your Own Radar, "
        "Zalando or Backstage. You see what happened to every row, and the radar, before you keep it as an own radar.",
    },
    "import_tab_import": {"da": "Importér en fil", "en": "Import a file"},
    "import_tab_export": {"da": "Eksportér den nationale radar", "en": "Export the national radar"},
    "import_step_file": {"da": "1. Vælg en fil", "en": "1. Choose a file"},
    "import_file_label": {"da": "Radarfil (CSV, Excel eller JSON)", "en": "Radar file (CSV, Excel or JSON)"},
    "import_file_help": {
        "da": "Formatet genkendes ud fra indholdet: Teknologiradar (CSV, Excel, JSON), Build Your Own Radar (CSV, Excel, JSON), "
        "Zalando (JSON) og Backstage (JSON). Højst 20 MB og 5.000 rækker.",
        "en": "The format is recognised from the content: Teknologiradar (CSV, Excel, JSON), Build Your Own Radar (CSV, Excel, JSON), "
        "Zalando (JSON) and Backstage (JSON). At most 20 MB and 5,000 rows.",
    },
    "import_config_heading": {
        "da": "Zalando-radar: opsætningsfil (valgfri)",
        "en": "Zalando radar: configuration file (optional)",
    },
    "import_config_help": {
        "da": "En Zalando-radar gemmer ringe og kvadranter som numre. Upload radarens config.json, så navnene kommer med.",
        "en": "A Zalando radar stores rings and quadrants as numbers. Upload the radar's config.json to bring their names along.",
    },
    "import_config_label": {"da": "Opsætningsfil (JSON)", "en": "Configuration file (JSON)"},
    "import_zalando_hint": {
        "da": "Filen er en Zalando-radar uden opsætningsfil, så kvadranterne hedder 0-3. Upload config.json under "
        "»Zalando-radar: opsætningsfil« for at få deres navne, eller vælg en kategori for hver nedenfor.",
        "en": "The file is a Zalando radar without its configuration file, so the quadrants are called 0-3. Upload config.json under "
        "“Zalando radar: configuration file” to get their names, or choose a category for each below.",
    },
    "import_start_hint": {
        "da": "Vælg en fil for at se, hvad den indeholder. Intet gemmes, før du trykker »Gem som egen radar«.",
        "en": "Choose a file to see what it holds. Nothing is stored until you press “Keep as own radar”.",
    },
    "import_no_rows": {
        "da": "Filen har ingen rækker med teknologier – kun en overskriftslinje eller en tom liste. "
        "Tilføj rækker, og vælg filen igen.",
        "en": "The file has no rows of technologies – only a header row or an empty list. Add rows and choose the file again.",
    },
    "import_sheet_label": {"da": "Ark i Excel-filen", "en": "Sheet in the Excel file"},
    "import_step_report": {"da": "2. Hvad skete der med hver række", "en": "2. What happened to every row"},
    "import_count_rows": {"da": "Rækker i filen", "en": "Rows in the file"},
    "import_count_rows_help": {
        "da": "Godkendt + godkendt med ændring + afvist = rækker i filen. Ingen række forsvinder uden en forklaring.",
        "en": "Accepted + accepted with a change + rejected = rows in the file. No row disappears without an explanation.",
    },
    "import_filter_label": {"da": "Vis rækker", "en": "Show rows"},
    "import_filter_nothing": {"da": "Vælg mindst én slags rækker ovenfor.", "en": "Choose at least one kind of rows above."},
    "import_groups_heading": {"da": "Det skete, samlet", "en": "What happened, in sum"},
    "import_group_duplicate": {
        "da": "samme navn som en tidligere linje – lagt sammen med den",
        "en": "same name as an earlier line – merged into it",
    },
    "import_col_line": {"da": "Linje", "en": "Line"},
    "import_col_status": {"da": "Status", "en": "Status"},
    "import_col_what": {"da": "Hvad skete der", "en": "What happened"},
    "import_report_download": {"da": "Hent rapporten (CSV)", "en": "Download the report (CSV)"},
    "import_step_mapping": {"da": "3. Oversæt ringe og kategorier", "en": "3. Translate rings and categories"},
    "import_mapping_intro": {
        "da": "Filen bruger navne, vi ikke kender. Vælg, hvad de svarer til hos os. Teknologier med en ring, du ikke har valgt, "
        "placeres ikke.",
        "en": "The file uses names we do not know. Choose what they match here. Technologies with a ring you have not chosen "
        "are not placed.",
    },
    "import_mapping_rings": {"da": "Ringe", "en": "Rings"},
    "import_mapping_categories": {"da": "Kategorier", "en": "Categories"},
    "import_choose_ring": {"da": "Vælg en ring …", "en": "Choose a ring …"},
    "import_leave_unplaced": {"da": "Placér ikke (vis dem som ikke placeret)", "en": "Do not place (list them as not placed)"},
    "import_category_none": {"da": "Teknologier uden kategori ({count})", "en": "Technologies without a category ({count})"},
    "import_keep_category": {"da": "Behold radarens egen kategori", "en": "Keep the radar's own category"},
    "import_no_category": {"da": "Uden kategori", "en": "No category"},
    "import_step_preview": {"da": "4. Sådan ser radaren ud", "en": "4. What the radar looks like"},
    "import_preview_intro": {
        "da": "Andre radarer angiver en ring, men ingen score. Hver teknologi står derfor midt i sin ring, ordnet efter navn; "
        "kategorierne er felterne rundt om.",
        "en": "Other radars give a ring but no score. Each technology therefore sits in the middle of its ring, ordered by name; "
        "the categories are the sectors around it.",
    },
    "import_preview_empty": {
        "da": "Der er endnu ingen teknologi med en ring at vise.",
        "en": "There is no technology with a ring to show yet.",
    },
    "import_hover_in_file": {"da": "»{raw}« i filen", "en": "“{raw}” in the file"},
    "import_unplaced": {
        "da": "Ikke placeret, fordi ringen mangler ({count}): {names}",
        "en": "Not placed because the ring is missing ({count}): {names}",
    },
    "import_step_keep": {"da": "5. Gem som egen radar", "en": "5. Keep as own radar"},
    "import_keep_button": {"da": "Gem som egen radar", "en": "Keep as own radar"},
    "import_keep_need_rings": {
        "da": "Vælg en ring (eller »Placér ikke«) for {count} ukendte ringe i trin 3 først.",
        "en": "Choose a ring (or “Do not place”) for {count} unknown rings in step 3 first.",
    },
    "import_keep_nothing": {"da": "Filen har ingen teknologier at gemme.", "en": "The file has no technologies to keep."},
    "import_keep_too_many": {
        "da": "En egen radar kan rumme {max} teknologier, og filen har {count}. Del filen op, og importér delene hver for sig.",
        "en": "An own radar holds up to {max} technologies and the file has {count}. Split the file and import the parts one by one.",
    },
    "import_keep_shortened": {
        "da": "Beskrivelser på mere end {max} tegn forkortes, når radaren gemmes (antal: {count}).",
        "en": "Descriptions longer than {max} characters are shortened when the radar is kept (number: {count}).",
    },
    "import_ring_reason_default": {
        "da": "Ring fra den importerede fil {source}: »{raw}«",
        "en": "Ring from the imported file {source}: “{raw}”",
    },
    "import_export_intro": {
        "da": "Hent radaren som fil, så den kan vises i andre værktøjer eller åbnes i Excel: Build Your Own Radar (CSV) "
        "eller vores eget format (CSV, Excel, JSON).",
        "en": "Download the radar as a file to show it in other tools or open it in Excel: Build Your Own Radar (CSV) "
        "or our own format (CSV, Excel, JSON).",
    },
    "import_export_count": {"da": "{count} placerede teknologier.", "en": "{count} placed technologies."},
    "import_export_byor": {"da": "Build Your Own Radar (CSV)", "en": "Build Your Own Radar (CSV)"},
    "import_export_csv": {"da": "CSV", "en": "CSV"},
    "import_export_xlsx": {"da": "Excel", "en": "Excel"},
    "import_export_json": {"da": "JSON", "en": "JSON"},
    "import_export_byor_note": {
        "da": "Build Your Own Radar viser højst fire kvadranter; vores radar har seks kategorier, så vælg fire i filen, "
        "hvis den skal vises dér. Ringene skrives som adopt, trial, assess og hold.",
        "en": "Build Your Own Radar shows at most four quadrants; our radar has six categories, so keep four in the file "
        "if it is to be shown there. The rings are written as adopt, trial, assess and hold.",
    },
    "import_national_reason": {"da": "{reason} ({count})", "en": "{reason} ({count})"},
    "import_national_note": {"da": "Teknologiradar {year}, {scope}", "en": "Technology radar {year}, {scope}"},
    "edition_issue_line": {"da": "{file}, linje {line}: {message}", "en": "{file}, line {line}: {message}"},
    "edition_issue_file": {"da": "{file}: {message}", "en": "{file}: {message}"},
    "edition_file_summary": {
        "da": "{file}: {rows} rækker læst – {errors} med fejl.",
        "en": "{file}: {rows} rows read – {errors} with errors.",
    },
    "edition_errors_heading": {"da": "Fejl:", "en": "Errors:"},
    "edition_warnings_heading": {"da": "Bemærk:", "en": "Note:"},
    "edition_more": {
        "da": "… og {count} rækker mere i {file} med samme slags fejl (vis alle med --all)",
        "en": "… and {count} more rows in {file} with the same kind of error (show all with --all)",
    },
    "edition_columns_missing": {
        "da": "kolonnen eller kolonnerne {columns} mangler. Fundne kolonner: {found}.",
        "en": "the column(s) {columns} are missing. Columns found: {found}.",
    },
    "edition_respondent_missing": {"da": "respondent_id mangler", "en": "respondent_id is missing"},
    "edition_municipality_unknown": {
        "da": "kommunen »{value}« kendes ikke (brug kommunekoden, fx 101)",
        "en": "the municipality “{value}” is not known (use its code, e.g. 101)",
    },
    "edition_domain_unknown": {
        "da": "fagområdet »{value}« kendes ikke (brug fx social-sundhed eller Social og sundhed)",
        "en": "the domain “{value}” is not known (use e.g. social-sundhed or Social og sundhed)",
    },
    "edition_technology_unknown": {
        "da": "teknologien »{value}« kendes ikke (brug id eller navn fra kataloget, fx iot-sensorer)",
        "en": "the technology “{value}” is not known (use its id or name from the catalogue, e.g. iot-sensorer)",
    },
    "edition_stage_out_of_range": {
        "da": "stadiet {value} ligger uden for 0-3",
        "en": "the stage {value} is outside 0-3",
    },
    "edition_stage_invalid": {
        "da": "stadiet »{value}« er ugyldigt (brug 0-3, eller tomt for »ved ikke«)",
        "en": "the stage “{value}” is not valid (use 0-3, or leave it empty for “don't know”)",
    },
    "edition_relevant_invalid": {
        "da": "relevant »{value}« er ugyldig (brug ja/nej, 1/0 eller true/false)",
        "en": "relevant “{value}” is not valid (use ja/nej, 1/0 or true/false)",
    },
    "edition_duplicate_answer": {
        "da": "respondent {respondent} har allerede svaret for {technology} i linje {first_line}",
        "en": "respondent {respondent} already answered for {technology} in line {first_line}",
    },
    "edition_respondent_two_domains": {
        "da": "respondent {respondent} svarer her for fagområdet {value}, men for {first} i linje {first_line}",
        "en": "respondent {respondent} answers for the domain {value} here, but for {first} in line {first_line}",
    },
    "edition_respondent_two_municipalities": {
        "da": "respondent {respondent} svarer her for kommune {value}, men for kommune {first} i linje {first_line}",
        "en": "respondent {respondent} answers for municipality {value} here, but for municipality {first} in line {first_line}",
    },
    "edition_maturity_empty": {"da": "modenheden mangler", "en": "the maturity is missing"},
    "edition_maturity_out_of_range": {
        "da": "modenheden {value} ligger uden for 1-5",
        "en": "the maturity {value} is outside 1-5",
    },
    "edition_maturity_invalid": {
        "da": "modenheden »{value}« er ugyldig (brug et helt tal fra 1 til 5)",
        "en": "the maturity “{value}” is not valid (use a whole number from 1 to 5)",
    },
    "edition_maturity_duplicate": {
        "da": "{technology} har allerede en modenhed i linje {first_line}",
        "en": "{technology} already has a maturity in line {first_line}",
    },
    "edition_maturity_missing": {
        "da": "{technology} har svar, men ingen modenhed – tilføj en række for den",
        "en": "{technology} has answers but no maturity – add a row for it",
    },
    "edition_no_answers": {
        "da": "{technology} har en modenhed, men ingen svar, og bliver ikke placeret på radaren",
        "en": "{technology} has a maturity but no answers and will not be placed on the radar",
    },
    "edition_technologies_absent": {
        "da": "disse teknologier har hverken svar eller modenhed og kommer ikke med i udgaven: {names}",
        "en": "these technologies have neither answers nor a maturity and are not part of the edition: {names}",
    },
    "edition_no_rows": {"da": "filen har ingen gyldige rækker", "en": "the file has no valid rows"},
    "edition_db_busy": {
        "da": "Databasen {path} bliver skrevet af en anden import lige nu. Vent, til den er færdig, og kør kommandoen igen.",
        "en": "The database {path} is being written by another import right now. Wait until it has finished and run "
        "the command again.",
    },
    "edition_replaces": {
        "da": "udgave {year} findes allerede og bliver erstattet af de nye tal",
        "en": "edition {year} already exists and will be replaced by the new figures",
    },
    "edition_year_invalid": {
        "da": "Året {year} er ugyldigt. Brug et årstal som 2027.",
        "en": "The year {year} is not valid. Use a year such as 2027.",
    },
    "edition_file_too_large": {
        "da": "Filen er for stor. Den største fil, der kan indlæses, er {max_mb} MB.",
        "en": "The file is too large. The largest file that can be read is {max_mb} MB.",
    },
    "edition_too_many_rows": {
        "da": "Filen har mere end {max_rows} rækker.",
        "en": "The file has more than {max_rows} rows.",
    },
    "edition_file_unreadable": {
        "da": "Filen {file} kunne ikke åbnes: {reason}",
        "en": "The file {file} could not be opened: {reason}",
    },
    "edition_nothing_written": {
        "da": "Intet er skrevet: ret fejlene, og kør kommandoen igen.",
        "en": "Nothing was written: fix the errors and run the command again.",
    },
    "edition_dry_run_ok": {
        "da": "Filerne er i orden. Intet er skrevet (--dry-run).",
        "en": "The files are fine. Nothing was written (--dry-run).",
    },
    "edition_written": {
        "da": "Udgave {year} er skrevet til {path}: {respondents} respondenter fra {municipalities} kommuner, "
        "{answers} svar, {technologies} teknologier med modenhed.",
        "en": "Edition {year} was written to {path}: {respondents} respondents from {municipalities} municipalities, "
        "{answers} answers, {technologies} technologies with a maturity.",
    },
    "edition_movement": {
        "da": "Samlet radar mod {previous}: {new} nye, {moved_in} flyttet ind, {moved_out} flyttet ud, {unchanged} uændret.",
        "en": "Combined radar against {previous}: {new} new, {moved_in} moved in, {moved_out} moved out, {unchanged} unchanged.",
    },
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
    "import_xlsx_unpacked_too_large": {
        "da": "Excel-filen fylder {size_mb} MB, når den pakkes ud. Den største, der kan indlæses, fylder {max_mb} MB udpakket.",
        "en": "The Excel file takes {size_mb} MB when unpacked. The largest that can be read takes {max_mb} MB unpacked.",
    },
    "import_xlsx_packed_too_tightly": {
        "da": "Excel-filen er pakket usædvanligt tæt ({ratio} gange; almindelige filer under {max} gange) og indlæses "
        "ikke, da den kan være lavet til at fylde hukommelsen. Gem den igen fra Excel.",
        "en": "The Excel file is packed unusually tightly ({ratio} times; ordinary files less than {max} times) and is "
        "not read, as it may be made to fill the memory. Save it again from Excel.",
    },
    "import_xlsx_too_many_cells": {
        "da": "Excel-filen indeholder flere celler, end en radarfil kan have (højst {max}). "
        "Gem kun radarens ark og kolonner i en ny fil.",
        "en": "The Excel file holds more cells than a radar file can have (at most {max}). "
        "Save only the radar's sheet and columns in a new file.",
    },
    "import_xlsx_too_wide": {
        "da": "Arket har værdier efter kolonne {max}. En radarfil kan højst have {max} kolonner.",
        "en": "The sheet has values beyond column {max}. A radar file can have at most {max} columns.",
    },
    "import_too_much_markup": {
        "da": "Filen indeholder for meget formatering til at blive renset (mere end {max} tegn < og &). "
        "Gem den uden formatering, eller del den op.",
        "en": "The file holds too much markup to be cleaned (more than {max} characters < and &). "
        "Save it without formatting, or split it.",
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
    "import_invisible_removed": {
        "da": "{field}: usynlige tegn (fx nulbredde- eller retningstegn) er fjernet",
        "en": "{field}: invisible characters (e.g. zero-width or direction marks) removed",
    },
    "import_csv_unclosed_quote": {
        "da": "et anførselstegn i linje {start} er ikke lukket, så linje {start}–{end} ville blive læst som én værdi "
        "– ret anførselstegnet, og indlæs filen igen",
        "en": "a quote on line {start} is not closed, so lines {start}–{end} would be read as one value "
        "– fix the quote and load the file again",
    },
    "import_zalando_inactive": {
        "da": "markeret som inaktiv i filen (Zalando viser den grå) – taget med",
        "en": "marked inactive in the file (Zalando shows it grey) – kept",
    },
    "import_quadrant_out_of_range": {
        "da": "kvadrant {value} findes ikke (kun 0–{max}) – teknologien er uden kategori",
        "en": "quadrant {value} does not exist (only 0–{max}) – the technology has no category",
    },
    "import_field_technology_id": {"da": "Teknologi-id", "en": "Technology id"},
    "import_field_active": {"da": "Aktiv", "en": "Active"},
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
    "import_field_maturity": {"da": "Modenhed", "en": "Maturity"},
    "import_field_is_new": {"da": "Ny", "en": "New"},
    "import_movement_new": {"da": "ny", "en": "new"},
    "import_movement_moved_in": {"da": "flyttet ind", "en": "moved in"},
    "import_movement_moved_out": {"da": "flyttet ud", "en": "moved out"},
    "import_movement_unchanged": {"da": "uændret", "en": "unchanged"},
    "import_format_teknologiradar_csv": {"da": "Teknologiradar (CSV)", "en": "Teknologiradar (CSV)"},
    "import_format_teknologiradar_xlsx": {"da": "Teknologiradar (Excel)", "en": "Teknologiradar (Excel)"},
    "import_format_teknologiradar_json": {"da": "Teknologiradar (JSON)", "en": "Teknologiradar (JSON)"},
    "import_format_custom_csv": {"da": "egen liste (CSV, felter valgt her)", "en": "own list (CSV, fields chosen here)"},
    "import_format_custom_xlsx": {"da": "egen liste (Excel, felter valgt her)", "en": "own list (Excel, fields chosen here)"},
    "import_format_custom_json": {"da": "egen liste (JSON, felter valgt her)", "en": "own list (JSON, fields chosen here)"},
    "import_number_no_ring": {
        "da": "{field}: tallet »{value}« er under alle grænser og har ingen ring",
        "en": "{field}: the number “{value}” is below every cut-off and has no ring",
    },
    "import_cutoffs_none": {
        "da": "Angiv mindst én grænse, før tallene kan blive til ringe.",
        "en": "Set at least one cut-off before the numbers can become rings.",
    },
    "import_cutoffs_order": {
        "da": "Grænserne skal falde fra KLAR og udad (fx 3, 2, 1). Ret dem, før tallene bliver til ringe.",
        "en": "The cut-offs must fall from KLAR outwards (e.g. 3, 2, 1). Correct them before the numbers become rings.",
    },
    "import_step_fields": {"da": "Vælg felterne", "en": "Choose the fields"},
    "import_fields_refused": {
        "da": "Filen har ikke et format, vi kender. Vælg selv, hvilke felter der er navn, beskrivelse, kategori og ring.",
        "en": "The file is not in a format we know. Choose which fields are the name, description, category and ring.",
    },
    "import_fields_toggle": {"da": "Vælg selv, hvad felterne betyder", "en": "Choose what the fields mean"},
    "import_fields_unknown": {
        "da": "Disse felter bruger ingen kendt læser: {columns}. Vælg selv felterne for at få dem med.",
        "en": "No known reader uses these fields: {columns}. Choose the fields yourself to bring them in.",
    },
    "import_role_name": {"da": "Navn", "en": "Name"},
    "import_role_description": {"da": "Beskrivelse", "en": "Description"},
    "import_role_category": {"da": "Kategori", "en": "Category"},
    "import_role_ring": {"da": "Ring (som tekst)", "en": "Ring (as text)"},
    "import_role_number": {"da": "Tal, der bliver til ringe", "en": "Number to turn into rings"},
    "import_role_none": {"da": "(intet)", "en": "(none)"},
    "import_fields_ring_wins": {
        "da": "Der er valgt både en ring og et tal: ringen bruges, tallet gemmes som note.",
        "en": "Both a ring and a number are chosen: the ring is used, the number is kept as a note.",
    },
    "import_cutoffs_heading": {
        "da": "Grænser: det mindste tal, der giver hver ring (tomt = ringen bruges ikke)",
        "en": "Cut-offs: the lowest number that gives each ring (empty = ring not used)",
    },
    "import_cutoff_label": {"da": "{ring} fra", "en": "{ring} from"},
    "import_cutoffs_shown": {"da": "Sådan bliver tallene til ringe: {rules}", "en": "How the numbers become rings: {rules}"},
    "import_fields_notes": {
        "da": "Resten gemmes som noter (»felt: værdi«): {columns}",
        "en": "The rest is kept as notes (“field: value”): {columns}",
    },
    "import_fields_sample": {"da": "De første rækker, som filen har dem", "en": "The first rows, as the file has them"},
    "import_format_byor_csv": {"da": "Build Your Own Radar (CSV)", "en": "Build Your Own Radar (CSV)"},
    "import_format_byor_xlsx": {"da": "Build Your Own Radar (Excel)", "en": "Build Your Own Radar (Excel)"},
    "import_format_byor_json": {"da": "Build Your Own Radar (JSON)", "en": "Build Your Own Radar (JSON)"},
    "import_format_zalando_json": {"da": "Zalando-radar (JSON)", "en": "Zalando radar (JSON)"},
    "import_format_backstage_json": {"da": "Backstage-radar (JSON)", "en": "Backstage radar (JSON)"},
    # --- workshop rounds (radar/workshop.py, radar/ui_workshop.py, pages/deltag.py) -------------
    "own_tab_workshop": {"da": "Workshop", "en": "Workshop"},
    "nav_join": {"da": "Deltag", "en": "Join"},
    "nav_workshop_projector": {"da": "Workshop på projektoren", "en": "Workshop on the projector"},
    "workshop_intro": {
        "da": "Lad hele rummet svare fra telefonen: start en runde, vis koden på projektoren, og se hvor I er enige og uenige.",
        "en": "Let the whole room answer from their phones: start a round, show the code on the projector, and see where you agree and disagree.",
    },
    "workshop_new_heading": {"da": "Start en ny runde", "en": "Start a new round"},
    "workshop_pick_technologies": {"da": "Teknologier i runden", "en": "Technologies in the round"},
    "workshop_pick_questions": {"da": "Spørgsmål", "en": "Questions"},
    "workshop_question_ring": {"da": "Ring", "en": "Ring"},
    "workshop_question_relevance": {"da": "Lokal relevans (1-5)", "en": "Local relevance (1-5)"},
    "workshop_question_status": {"da": "Lokal status", "en": "Local status"},
    "workshop_comments": {
        "da": "Deltagerne må skrive en kort kommentar til hvert svar",
        "en": "Participants may write a short comment with each answer",
    },
    "workshop_start": {"da": "Start runden", "en": "Start the round"},
    "workshop_started": {
        "da": "Runde {number} er startet. Koden er {code}.",
        "en": "Round {number} has started. The code is {code}.",
    },
    "workshop_no_rounds": {
        "da": "Ingen runder endnu. Start den første herover.",
        "en": "No rounds yet. Start the first one above.",
    },
    "workshop_round_pick": {"da": "Runde", "en": "Round"},
    "workshop_round_label": {
        "da": "Runde {number} · {state} · {technologies}",
        "en": "Round {number} · {state} · {technologies}",
    },
    "workshop_state_open": {"da": "åben", "en": "open"},
    "workshop_state_closed": {"da": "lukket", "en": "closed"},
    "workshop_open_projector": {"da": "Åbn projektorvisning", "en": "Open the projector view"},
    "workshop_projector_help": {
        "da": "Åbner runden i en ny fane til projektoren: koden, QR-koden, de levende tal og fordelingen, når du viser den.",
        "en": "Opens the round in a new tab for the projector: the code, the QR code, the live counts and the distribution once you reveal it.",
    },
    "workshop_reveal": {"da": "Vis fordelingen", "en": "Reveal the distribution"},
    "workshop_hide": {"da": "Skjul fordelingen", "en": "Hide the distribution"},
    "workshop_close": {"da": "Luk runden", "en": "Close the round"},
    "workshop_closed_done": {
        "da": "Runden er lukket. Svarene bliver hos radaren.",
        "en": "The round is closed. Its answers stay with the radar.",
    },
    "workshop_reopen": {"da": "Åbn runden igen", "en": "Open the round again"},
    "workshop_revote": {"da": "Ny runde med de uenige ({count})", "en": "New round on the disputed ({count})"},
    "workshop_revote_help": {
        "da": "Lukker denne runde og stiller de uenige teknologier igen med samme kode. Deltagerne ser først denne rundes fordeling.",
        "en": "Closes this round and asks the disputed technologies again under the same code. Participants first see this round's distribution.",
    },
    "workshop_hidden": {
        "da": "Fordelingen er skjult, til du viser den, så de første svar ikke styrer resten.",
        "en": "The distribution stays hidden until you reveal it, so the first answers do not steer the rest.",
    },
    "workshop_joined": {"da": "Deltagere", "en": "Participants"},
    "workshop_answers": {"da": "Svar i alt", "en": "Answers in all"},
    "workshop_answered_of": {"da": "{count} af {joined} har svaret", "en": "{count} of {joined} have answered"},
    "workshop_col_answered": {"da": "Har svaret", "en": "Answered"},
    "workshop_col_choice": {"da": "Rummets valg", "en": "The room's choice"},
    "workshop_col_agreement": {"da": "Enighed", "en": "Agreement"},
    "workshop_col_spread": {"da": "Fordeling", "en": "Distribution"},
    "workshop_col_comments": {"da": "Kommentarer", "en": "Comments"},
    "workshop_modal": {"da": "{count} af {n} valgte {answer} ({share})", "en": "{count} of {n} chose {answer} ({share})"},
    "workshop_iqr": {"da": "kvartilafstand {iqr}", "en": "interquartile range {iqr}"},
    "workshop_disputed_text": {"da": "Uenighed: {text}", "en": "Disputed: {text}"},
    "workshop_disputed": {"da": "uenighed", "en": "disputed"},
    "workshop_no_answers": {"da": "ingen svar endnu", "en": "no answers yet"},
    "workshop_reason": {
        "da": "Workshop {day}: {count} af {n} valgte {answer}",
        "en": "Workshop {day}: {count} of {n} chose {answer}",
    },
    "workshop_result_question": {"da": "Resultat for", "en": "Result for"},
    "workshop_sorted": {
        "da": "De mest uenige står først, så rummet kan tale om dem.",
        "en": "The most disputed come first, so the room can talk about them.",
    },
    "workshop_view_pick": {"da": "Visning", "en": "View"},
    "workshop_view_spread": {"da": "Fordeling", "en": "Distribution"},
    "workshop_view_radar": {"da": "Rummets radar", "en": "The room's radar"},
    "workshop_join_at": {
        "da": "Scan QR-koden, eller gå til {url} og skriv koden",
        "en": "Scan the QR code, or go to {url} and type the code",
    },
    "workshop_code": {"da": "Kode", "en": "Code"},
    "workshop_projector_title": {"da": "Runde {number} · {name}", "en": "Round {number} · {name}"},
    "workshop_projector_closed": {"da": "Runden er lukket.", "en": "The round is closed."},
    "workshop_radar_caption": {
        "da": "Hver teknologi står i den ring, flest valgte; navnet siger, hvor stor en andel der valgte den, eller »uenighed«.",
        "en": "Each technology sits in the ring most chose; its name says what share chose it, or “disputed”.",
    },
    "workshop_radar_none": {
        "da": "Runden spørger ikke om ring, så der er ingen radar at vise.",
        "en": "The round does not ask for a ring, so there is no radar to show.",
    },
    "workshop_adopt_heading": {"da": "Før resultatet ind i radaren", "en": "Adopt the result into the radar"},
    "workshop_adopt_intro": {
        "da": "Rummets valg bliver til radarens ring (sat i hånden, med begrundelse), relevans eller status. Hver handling er én ændring i historikken og kan fortrydes.",
        "en": "The room's choice becomes the radar's ring (set by hand, with a reason), relevance or status. Each action is one change in the history and can be undone.",
    },
    "workshop_adopt_all": {"da": "Før alle enige ind ({count})", "en": "Adopt all agreed ({count})"},
    "workshop_adopt_one": {"da": "Før ind", "en": "Adopt"},
    "workshop_adopt_pick": {"da": "Teknologi", "en": "Technology"},
    "workshop_adopted": {
        "da": "Ført ind i radaren: {names}. Fortryd kan tage det tilbage.",
        "en": "Adopted into the radar: {names}. Undo can take it back.",
    },
    "workshop_adopt_nothing": {"da": "Der er intet at føre ind endnu.", "en": "There is nothing to adopt yet."},
    "workshop_overrule": {"da": "Sæt en anden ring med din egen begrundelse", "en": "Set another ring with your own reason"},
    "workshop_overrule_ring": {"da": "Ring", "en": "Ring"},
    "workshop_overrule_reason": {"da": "Begrundelse", "en": "Reason"},
    "workshop_overrule_save": {"da": "Gem ring og begrundelse", "en": "Save ring and reason"},
    "deltag_title": {"da": "Deltag i workshoppen", "en": "Join the workshop"},
    "deltag_code_intro": {"da": "Skriv koden fra projektoren.", "en": "Type the code shown on the projector."},
    "deltag_code_input": {"da": "Kode (6 tegn)", "en": "Code (6 characters)"},
    "deltag_go": {"da": "Videre", "en": "Continue"},
    "deltag_name": {"da": "Fornavn (valgfrit)", "en": "First name (optional)"},
    "deltag_anonymous": {
        "da": "Runde {number} · {technologies}. Dine svar er anonyme, medmindre du skriver dit fornavn.",
        "en": "Round {number} · {technologies}. Your answers are anonymous unless you give your first name.",
    },
    "deltag_join": {"da": "Start", "en": "Start"},
    "deltag_progress": {"da": "{index} af {total}", "en": "{index} of {total}"},
    "deltag_national": {"da": "Landets radar: {ring}", "en": "The national radar: {ring}"},
    "deltag_national_none": {"da": "Ikke på landets radar", "en": "Not on the national radar"},
    "deltag_prev": {"da": "Forrige", "en": "Previous"},
    "deltag_next": {"da": "Næste", "en": "Next"},
    "deltag_saved": {"da": "Gemt: {answer}", "en": "Saved: {answer}"},
    "deltag_comment": {"da": "Kommentar (valgfri)", "en": "Comment (optional)"},
    "deltag_comment_save": {"da": "Gem kommentar", "en": "Save comment"},
    "deltag_done": {
        "da": "Tak! Du har svaret på {answered} af {total}. Du kan ændre dine svar, til runden lukkes.",
        "en": "Thank you! You have answered {answered} of {total}. You can change your answers until the round closes.",
    },
    "deltag_closed": {"da": "Runden er lukket. Tak for dine svar.", "en": "The round is closed. Thank you for your answers."},
    "deltag_earlier": {"da": "Sidste runde: {text}", "en": "Last round: {text}"},
    "deltag_question_ring": {"da": "Hvilken ring hører den til hos jer?", "en": "Which ring does it belong in for you?"},
    "deltag_question_relevance": {
        "da": "Hvor relevant er den hos jer? (1 lidt – 5 meget)",
        "en": "How relevant is it for you? (1 little – 5 very)",
    },
    "deltag_question_status": {"da": "Hvor langt er I med den?", "en": "How far along are you with it?"},
    "deltag_new_code": {"da": "Anden kode", "en": "Another code"},
    "workshop_error_code": {
        "da": "Ingen runde har den kode. Tjek koden på projektoren.",
        "en": "No round has that code. Check the code on the projector.",
    },
    "workshop_error_closed": {
        "da": "Runden er lukket, så der kan ikke svares mere.",
        "en": "The round is closed, so no more answers can be given.",
    },
    "workshop_error_participant": {
        "da": "Din deltagelse blev ikke fundet. Deltag igen med koden.",
        "en": "Your place in the round was not found. Join again with the code.",
    },
    "workshop_error_answer": {"da": "Det svar passer ikke til spørgsmålet.", "en": "That answer does not fit the question."},
    "workshop_error_question": {"da": "Det spørgsmål kender radaren ikke.", "en": "The radar does not know that question."},
    "workshop_error_no_question": {"da": "Vælg mindst ét spørgsmål.", "en": "Choose at least one question."},
    "workshop_error_no_technology": {"da": "Vælg mindst én teknologi.", "en": "Choose at least one technology."},
    "workshop_error_round_missing": {"da": "Runden findes ikke på denne radar.", "en": "The round is not on this radar."},
    "workshop_error_code_space": {
        "da": "Der blev ikke fundet en ledig kode. Prøv igen.",
        "en": "No free code was found. Try again.",
    },
    "workshop_error_not_newest": {
        "da": "Kun den nyeste runde med koden kan åbnes igen.",
        "en": "Only the newest round with the code can be opened again.",
    },
    "workshop_error_reason": {
        "da": "Skriv en begrundelse for den ring, du vælger.",
        "en": "Write a reason for the ring you choose.",
    },
    "workshop_error_export": {
        "da": "Workshoprunderne i filen kunne ikke læses.",
        "en": "The workshop rounds in the file could not be read.",
    },
    "workshop_error_projector_link": {
        "da": "Projektorvisningen åbnes fra radarens Workshop-fane (linket mangler eller er forkert).",
        "en": "The projector view is opened from the radar's Workshop tab (the link is missing or wrong).",
    },
    "about_workshop_heading": {"da": "Workshop: hvor enigt er rummet?", "en": "Workshop: how far does the room agree?"},
    "about_workshop": {
        "da": "I en workshoprunde svarer hver deltager højst én gang pr. teknologi og spørgsmål (et nyt svar erstatter det gamle). For hver teknologi tæller vi svarene pr. ring, relevanstrin eller status.\n\n- **Rummets valg** er det svar, flest gav (ved lige stemmetal det første i skalaens rækkefølge), og **andelen** er, hvor mange af svarene der faldt på det.\n- **Uenighed**: når antallet på rummets valg minus antallet på næstflest er under {margin} af svarene (samme regel som Thoughtworks' BYOR-afstemninger). Uenige teknologier står først, og de kan stilles igen i en ny runde.\n- **Kvartilafstand** (relevans): forskellen mellem 75 %- og 25 %-fraktilen af svarene på 1-5 (lineær interpolation). 0 betyder, at den midterste halvdel svarede ens; 2 eller mere er en stor spredning.",
        "en": "In a workshop round each participant gives at most one answer per technology and question (a new answer replaces the old). For each technology we count the answers per ring, relevance step or status.\n\n- **The room's choice** is the answer most gave (on a tie, the first in the scale's order), and **its share** is how many of the answers fell on it.\n- **Disputed**: when the count on the room's choice minus the count on the runner-up is under {margin} of the answers (the rule of Thoughtworks' BYOR voting). Disputed technologies come first, and can be asked again in a new round.\n- **Interquartile range** (relevance): the 75th minus the 25th percentile of the answers on 1-5 (linear interpolation). 0 means the middle half answered alike; 2 or more is a wide spread.",
    },
    # --- digital-maturity self-assessment (radar.maturity, radar.ui_maturity, pages/modenhed.py) -------------
    "nav_maturity": {"da": "Modenhed", "en": "Maturity"},
    "own_tab_maturity": {"da": "Modenhed", "en": "Maturity"},
    "maturity_title": {"da": "Digital modenhed — selvvurdering", "en": "Digital maturity — self-assessment"},
    "maturity_not_kl": {
        "da": "Udsagnene er vores egne, skrevet ud fra de spørgsmål, KL's ledelsesguide stiller under overskrifterne Strategi, Styring, Forankring og Teknik. Det er ikke KL's officielle evalueringsskema, og scoren er et afsæt for dialog, ikke en dom.",
        "en": "The statements are our own, written from the questions KL's leadership guide asks under the headings Strategy, Governance, Embedding and Technology. This is not KL's official evaluation form, and the score is a starting point for dialogue, not a verdict.",
    },
    "maturity_intro": {
        "da": "Svar på hvert udsagn, hvor godt det passer på jer: 1 = slet ikke, 5 = i høj grad. Vælg »Ved ikke«, hvis du ikke kan svare; det tæller ikke med i scoren.",
        "en": "Answer how well each statement fits you: 1 = not at all, 5 = to a great extent. Pick “Don't know” if you cannot answer; it does not count in the score.",
    },
    "maturity_h_strategi": {"da": "Strategi", "en": "Strategy"},
    "maturity_h_styring": {"da": "Styring", "en": "Governance"},
    "maturity_h_forankring": {"da": "Forankring", "en": "Embedding"},
    "maturity_h_teknik": {"da": "Teknik", "en": "Technology"},
    "maturity_scale_1": {"da": "Slet ikke", "en": "Not at all"},
    "maturity_scale_2": {"da": "I mindre grad", "en": "To a small extent"},
    "maturity_scale_3": {"da": "I nogen grad", "en": "To some extent"},
    "maturity_scale_4": {"da": "I betydelig grad", "en": "To a considerable extent"},
    "maturity_scale_5": {"da": "I høj grad", "en": "To a great extent"},
    "maturity_dont_know": {"da": "Ved ikke", "en": "Don't know"},
    "maturity_s_strategi_fortaelling": {
        "da": "Vi har en fælles, nedskrevet fortælling om, hvorfor vi bruger digitalisering, teknologi og data.",
        "en": "We share a written account of why we use digitalisation, technology and data.",
    },
    "maturity_s_strategi_vaerdi": {
        "da": "Vi ved, hvilke borgere og medarbejdere vores digitale indsatser skal gøre en forskel for.",
        "en": "We know which citizens and staff our digital efforts are meant to make a difference for.",
    },
    "maturity_s_strategi_ambition": {
        "da": "Vi har besluttet, om vi vil gå foran, følge tæt efter eller vente og se, når ny teknologi kommer.",
        "en": "We have decided whether we lead, follow closely or wait and see when new technology arrives.",
    },
    "maturity_s_strategi_opbakning": {
        "da": "Politikere og direktion står bag den digitale retning og taler om den.",
        "en": "Politicians and top management back the digital direction and talk about it.",
    },
    "maturity_s_strategi_fagomraader": {
        "da": "Hvert fagområde kan sige, hvad den fælles retning betyder for netop dets arbejde.",
        "en": "Each service area can say what the shared direction means for its own work.",
    },
    "maturity_s_styring_mandat": {
        "da": "Det er klart, hvem der må sætte et nyt digitalt initiativ i gang.",
        "en": "It is clear who may start a new digital initiative.",
    },
    "maturity_s_styring_finansiering": {
        "da": "Vi ved, hvordan et digitalt initiativ bliver betalt, også når projektperioden er slut.",
        "en": "We know how a digital initiative is paid for, also once the project period ends.",
    },
    "maturity_s_styring_gevinst": {
        "da": "Det er aftalt på forhånd, hvem der får gevinsten, når en løsning sparer tid eller penge.",
        "en": "It is agreed beforehand who gets the gain when a solution saves time or money.",
    },
    "maturity_s_styring_opfoelgning": {
        "da": "Nogen har ansvaret for at følge op på, om en løsning gav den effekt, vi ventede.",
        "en": "Someone is responsible for following up on whether a solution had the effect we expected.",
    },
    "maturity_s_styring_prioritering": {
        "da": "Vi prioriterer digitale initiativer på tværs af forvaltningerne efter de samme kriterier.",
        "en": "We rank digital initiatives across departments by the same criteria.",
    },
    "maturity_s_forankring_parathed": {
        "da": "Medarbejderne er parate til at tage nye digitale arbejdsgange i brug.",
        "en": "Staff are ready to take up new digital ways of working.",
    },
    "maturity_s_forankring_kompetencer": {
        "da": "Vi har de kompetencer, det kræver at bruge og udvikle løsningerne, eller en plan for at få dem.",
        "en": "We have the skills it takes to use and develop the solutions, or a plan to get them.",
    },
    "maturity_s_forankring_inddragelse": {
        "da": "Medarbejdere og ledere bliver inddraget tidligt, så en ny løsning får følgeskab.",
        "en": "Staff and managers are involved early, so a new solution gains followers.",
    },
    "maturity_s_forankring_ledelse": {
        "da": "Lederne følger op på, at en ny løsning faktisk bliver brugt i hverdagen.",
        "en": "Managers check that a new solution is actually used day to day.",
    },
    "maturity_s_forankring_borgere": {
        "da": "Vi spørger borgerne, om løsningerne skaber værdi for dem.",
        "en": "We ask citizens whether the solutions create value for them.",
    },
    "maturity_s_teknik_sammenhaeng": {
        "da": "Vores it-systemer hænger sammen, så de samme data ikke skal tastes flere gange.",
        "en": "Our IT systems are connected, so the same data need not be typed in twice.",
    },
    "maturity_s_teknik_datakvalitet": {
        "da": "Vi kender kvaliteten af vores data og retter fejl, når vi finder dem.",
        "en": "We know the quality of our data and fix errors when we find them.",
    },
    "maturity_s_teknik_infrastruktur": {
        "da": "Netværk, udstyr og drift kan bære nye løsninger som sensorer, apps og AI.",
        "en": "Network, devices and operations can carry new solutions such as sensors, apps and AI.",
    },
    "maturity_s_teknik_sikkerhed": {
        "da": "Vi har styr på it-sikkerheden og har øvet, hvad vi gør ved et angreb eller nedbrud.",
        "en": "We have IT security under control and have practised what to do in an attack or outage.",
    },
    "maturity_s_teknik_gdpr": {
        "da": "Vi ved, hvordan vi overholder databeskyttelsesreglerne (GDPR), når vi tager en ny løsning i brug.",
        "en": "We know how to comply with data protection rules (GDPR) when we take up a new solution.",
    },
    "maturity_overall": {"da": "Samlet", "en": "Overall"},
    "maturity_overall_text": {
        "da": "Samlet score: {score} af 5 · {n} har svaret",
        "en": "Overall score: {score} of 5 · {n} answered",
    },
    "maturity_none_answered": {"da": "Ingen har svaret endnu.", "en": "Nobody has answered yet."},
    "maturity_start_heading": {"da": "Steder at starte", "en": "Places to start"},
    "maturity_start_intro": {
        "da": "De udsagn, der fik den laveste score: her er der mest at hente.",
        "en": "The statements with the lowest score: this is where there is most to gain.",
    },
    "maturity_split_heading": {"da": "Her er I uenige", "en": "Where you disagree"},
    "maturity_split_intro": {
        "da": "Den midterste halvdel af svarene ligger {iqr} trin eller mere fra hinanden: tal om, hvorfor I ser forskelligt på det.",
        "en": "The middle half of the answers lies {iqr} steps or more apart: talk about why you see it differently.",
    },
    "maturity_col_heading": {"da": "Overskrift", "en": "Heading"},
    "maturity_col_statement": {"da": "Udsagn", "en": "Statement"},
    "maturity_col_score": {"da": "Score (1-5)", "en": "Score (1-5)"},
    "maturity_col_n": {"da": "Svar", "en": "Answers"},
    "maturity_col_dont_know": {"da": "Ved ikke", "en": "Don't know"},
    "maturity_col_spread": {"da": "Midterste halvdel", "en": "Middle half"},
    "maturity_col_split": {"da": "Uenige", "en": "Split"},
    "maturity_col_earlier": {"da": "Tidligere", "en": "Earlier"},
    "maturity_col_change": {"da": "Ændring", "en": "Change"},
    "maturity_col_key": {"da": "Nøgle", "en": "Key"},
    "maturity_yes": {"da": "ja", "en": "yes"},
    "maturity_chart_score": {"da": "Jeres score", "en": "Your score"},
    "maturity_chart_band": {"da": "Midterste halvdel af svarene", "en": "Middle half of the answers"},
    "maturity_chart_earlier": {"da": "Tidligere ({day})", "en": "Earlier ({day})"},
    "maturity_moved_heading": {"da": "Hvad har flyttet sig", "en": "What moved"},
    "maturity_moved_up": {"da": "op", "en": "up"},
    "maturity_moved_down": {"da": "ned", "en": "down"},
    "maturity_moved_same": {"da": "uændret", "en": "unchanged"},
    "maturity_moved_none": {"da": "–", "en": "–"},
    "maturity_compare_with": {"da": "Sammenlign med", "en": "Compare with"},
    "maturity_compare_none": {"da": "Ingen sammenligning", "en": "No comparison"},
    "maturity_answer_heading": {"da": "Besvar udsagnene", "en": "Answer the statements"},
    "maturity_show_result": {"da": "Vis resultatet", "en": "Show the result"},
    "maturity_result_heading": {"da": "Resultat", "en": "Result"},
    "maturity_save_radar": {"da": "Gem som vurdering på radaren", "en": "Save as an assessment on the radar"},
    "maturity_saved": {"da": "Vurderingen er gemt ({day}).", "en": "The assessment is saved ({day})."},
    "maturity_save_alone": {"da": "Gem og få et link", "en": "Save and get a link"},
    "maturity_saved_alone": {
        "da": "Gemt. Gem linket nedenfor: det er den eneste vej tilbage til denne vurdering.",
        "en": "Saved. Keep the link below: it is the only way back to this assessment.",
    },
    "maturity_link": {"da": "Link til vurderingen", "en": "Link to the assessment"},
    "maturity_download": {"da": "Hent som JSON", "en": "Download as JSON"},
    "maturity_upload": {"da": "Sammenlign med en tidligere vurdering (JSON)", "en": "Compare with an earlier assessment (JSON)"},
    "maturity_title_field": {"da": "Titel (valgfri)", "en": "Title (optional)"},
    "maturity_day_field": {"da": "Dato", "en": "Date"},
    "maturity_list_heading": {"da": "Gemte vurderinger", "en": "Saved assessments"},
    "maturity_list_none": {"da": "Radaren har ingen gemte vurderinger endnu.", "en": "The radar has no saved assessments yet."},
    "maturity_pick": {"da": "Vurdering", "en": "Assessment"},
    "maturity_label": {"da": "{day} · {title} · {n} svar", "en": "{day} · {title} · {n} answers"},
    "maturity_source_alone": {"da": "udfyldt alene", "en": "answered alone"},
    "maturity_source_round": {"da": "runde i rummet", "en": "round in the room"},
    "maturity_source_file": {"da": "fra fil", "en": "from a file"},
    "maturity_round_heading": {"da": "Hele rummet svarer fra telefonen", "en": "The whole room answers from their phones"},
    "maturity_round_intro": {
        "da": "Start en runde med de {count} udsagn. Deltagerne går ind med koden på projektoren og svarer på 1-5 eller »Ved ikke«.",
        "en": "Start a round with the {count} statements. Participants join with the code on the projector and answer 1-5 or “Don't know”.",
    },
    "maturity_round_start": {"da": "Start modenhedsrunde", "en": "Start a maturity round"},
    "maturity_round_label": {"da": "Modenhedsrunde {number} · {state}", "en": "Maturity round {number} · {state}"},
    "maturity_round_save": {"da": "Gem rundens svar som vurdering", "en": "Save the round's answers as an assessment"},
    "maturity_round_saved_note": {"da": "Svarene er gemt som vurdering.", "en": "The answers are saved as an assessment."},
    "maturity_round_answered": {"da": "Har svaret", "en": "Answered"},
    "maturity_projector_title": {
        "da": "Digital modenhed · runde {number} · {name}",
        "en": "Digital maturity · round {number} · {name}",
    },
    "maturity_minutes_title": {"da": "Digital modenhed", "en": "Digital maturity"},
    "maturity_minutes_overall": {
        "da": "Samlet score {score} af 5; {n} har svaret.",
        "en": "Overall score {score} of 5; {n} answered.",
    },
    "maturity_minutes_day": {"da": "Vurderet {day}.", "en": "Assessed {day}."},
    "maturity_minutes_start": {"da": "Steder at starte: {statements}.", "en": "Places to start: {statements}."},
    "maturity_minutes_split": {"da": "Uenige om: {statements}.", "en": "Split on: {statements}."},
    "maturity_minutes_moved": {"da": "Flyttet siden sidst: {statements}.", "en": "Moved since last time: {statements}."},
    "maturity_minutes_unmoved": {
        "da": "Intet udsagn har flyttet sig siden sidst.",
        "en": "No statement has moved since last time.",
    },
    "maturity_error_answer": {
        "da": "»{answer}« er ikke et svar på skalaen 1-5 eller »ved ikke«.",
        "en": "“{answer}” is not an answer on the 1-5 scale or “don't know”.",
    },
    "maturity_error_statement": {
        "da": "Udsagnet »{statement}« findes ikke i vores modenhedsvurdering.",
        "en": "The statement “{statement}” is not in our maturity assessment.",
    },
    "maturity_error_source": {"da": "Ukendt kilde til vurderingen.", "en": "Unknown source of the assessment."},
    "maturity_error_too_many": {
        "da": "En vurdering kan have højst {limit} besvarelser.",
        "en": "An assessment can have at most {limit} responses.",
    },
    "maturity_error_not_assessment": {
        "da": "Filen er ikke en modenhedsvurdering fra Teknologiradar.",
        "en": "The file is not a maturity assessment from Teknologiradar.",
    },
    "maturity_error_version": {
        "da": "Filen har en version ({version}), vi ikke kan læse.",
        "en": "The file has a version ({version}) we cannot read.",
    },
    "maturity_error_date": {
        "da": "Datoen »{value}« er ikke en dato (ÅÅÅÅ-MM-DD).",
        "en": "The date “{value}” is not a date (YYYY-MM-DD).",
    },
    "maturity_error_responses": {"da": "Filen har ingen liste af besvarelser.", "en": "The file has no list of responses."},
    "maturity_error_too_large": {
        "da": "Filen er for stor (højst {limit} MB).",
        "en": "The file is too large (at most {limit} MB).",
    },
    "maturity_error_json": {"da": "Filen kan ikke læses som JSON.", "en": "The file cannot be read as JSON."},
    "maturity_error_missing": {
        "da": "Vurderingen findes ikke (tjek linket).",
        "en": "The assessment does not exist (check the link).",
    },
    "maturity_error_empty": {
        "da": "Besvar mindst ét udsagn, før vurderingen gemmes.",
        "en": "Answer at least one statement before saving.",
    },
    "about_maturity_self_heading": {
        "da": "Digital modenhed: skala, udsagn og score",
        "en": "Digital maturity: scale, statements and score",
    },
    "about_maturity_self": {
        "da": "Hvert udsagn besvares på en skala fra 1 til 5: {scale}. »Ved ikke« tæller ikke med i scoren, men tælles og vises.\n\n- Et udsagns score er gennemsnittet af svarene 1-5.\n- En overskrifts score er gennemsnittet af dens besvarede udsagns score; den samlede score er gennemsnittet af de overskrifter, der har en score.\n- Spredning: kvartilafstanden (75 %- minus 25 %-fraktilen, lineær interpolation) af svarene. Et udsagn kaldes **uenigt**, når mindst {min_n} har svaret, og kvartilafstanden er {iqr} eller mere. Grafens bånd er den midterste halvdel af deltagernes egne overskriftsscorer.\n- **Steder at starte**: de {count} udsagn med lavest score.\n- Sammenlignet med en tidligere vurdering kaldes en ændring under {move} for uændret.",
        "en": "Each statement is answered on a scale from 1 to 5: {scale}. “Don't know” does not count in the score, but is counted and shown.\n\n- A statement's score is the mean of the 1-5 answers.\n- A heading's score is the mean of its answered statements' scores; the overall score is the mean of the headings that have a score.\n- Spread: the interquartile range (75th minus 25th percentile, linear interpolation) of the answers. A statement is **split** when at least {min_n} answered and the interquartile range is {iqr} or more. The chart's band is the middle half of the participants' own heading scores.\n- **Places to start**: the {count} statements with the lowest score.\n- Compared with an earlier assessment, a change under {move} counts as unchanged.",
    },
    "maturity_statements": {"da": "{count} udsagn", "en": "{count} statements"},
    "deltag_question_maturity": {"da": "Hvor godt passer det på jer?", "en": "How well does it fit you?"},
    "maturity_axis": {"da": "1 = {low} · 5 = {high}", "en": "1 = {low} · 5 = {high}"},
    # --- minutes as a PDF (issue 10 §3): radar.minutes, radar.minutes_pdf, the export tab ---------------
    "minutes_title": {"da": "Referat", "en": "Minutes"},
    "minutes_date": {"da": "Dato: {date}", "en": "Date: {date}"},
    "minutes_participants": {
        "da": "Deltagere: {count} (flest, der svarede i én workshoprunde)",
        "en": "Participants: {count} (the most who answered in one workshop round)",
    },
    "minutes_participants_none": {
        "da": "Deltagere: – (ingen workshoprunder)",
        "en": "Participants: – (no workshop rounds)",
    },
    "minutes_footer": {"da": "Teknologiradar · referat lavet {date}", "en": "Technology radar · minutes made {date}"},
    "minutes_page": {"da": "Side", "en": "Page"},
    "minutes_drawing_note": {
        "da": "Numrene på radaren svarer til listen efter ring nedenfor. Farven viser kategorien.",
        "en": "The numbers on the radar match the list by ring below. The colour shows the category.",
    },
    "minutes_numbers_missing": {
        "da": "Radaren har for mange teknologier til at vise numrene læseligt; se listen efter ring.",
        "en": "The radar has too many technologies to show the numbers legibly; see the list by ring.",
    },
    "minutes_section_radar": {"da": "Radaren", "en": "The radar"},
    "minutes_section_entries": {"da": "Teknologier efter ring", "en": "Technologies by ring"},
    "minutes_section_decisions": {
        "da": "Beslutninger, ansvarlige og næste skridt",
        "en": "Decisions, owners and next steps",
    },
    "minutes_section_gaps": {"da": "Forskelle til landet", "en": "Gaps to the country"},
    "minutes_section_workshop": {"da": "Workshoprunder", "en": "Workshop rounds"},
    "minutes_reason_pending": {
        "da": "{ring} valgt, venter på en begrundelse",
        "en": "{ring} chosen, waiting for a reason",
    },
    "minutes_reason_computed": {"da": "Beregnet (score {score})", "en": "Computed (score {score})"},
    "minutes_unplaced": {"da": "Ikke placeret endnu", "en": "Not placed yet"},
    "minutes_no_entries": {"da": "Radaren har ingen teknologier endnu.", "en": "The radar has no technologies yet."},
    "minutes_no_decisions": {
        "da": "Der er ikke skrevet noter, ansvarlige eller næste skridt ved nogen teknologi.",
        "en": "No notes, owners or next steps have been written for any technology.",
    },
    "minutes_gaps_reference": {"da": "Sammenlignet med: {reference}.", "en": "Compared with: {reference}."},
    "minutes_reference": {"da": "{scope}, udgave {year}", "en": "{scope}, edition {year}"},
    "minutes_no_rounds": {
        "da": "Der er ikke holdt workshoprunder om radaren.",
        "en": "No workshop rounds were held on the radar.",
    },
    "minutes_round_heading": {"da": "Runde {number} · {date}", "en": "Round {number} · {date}"},
    "minutes_round_questions": {"da": "Spørgsmål: {questions}", "en": "Questions: {questions}"},
    "minutes_round_participants": {"da": "Deltagere, der svarede: {count}", "en": "Participants who answered: {count}"},
    "minutes_round_revote": {"da": "Ny afstemning efter runde {number}", "en": "A new vote after round {number}"},
    "minutes_col_choice": {"da": "Rummets valg", "en": "The room's choice"},
    "minutes_col_share": {"da": "Andel", "en": "Share"},
    "minutes_col_answers": {"da": "Svar", "en": "Answers"},
    "minutes_col_agreement": {"da": "Enighed", "en": "Agreement"},
    "minutes_agreed": {"da": "✓ enige", "en": "✓ agreed"},
    "minutes_disputed": {"da": "uenighed", "en": "disputed"},
    "minutes_download": {"da": "Referat (PDF)", "en": "Minutes (PDF)"},
    "minutes_download_help": {
        "da": "Et A4-referat til arkivet: radaren, listen efter ring, beslutninger, forskelle til landet og workshoprunderne. Laves på serveren uden internet.",
        "en": "A4 minutes to file: the radar, the list by ring, decisions, gaps to the country and the workshop rounds. Made on the server without internet.",
    },
    "minutes_file_word": {"da": "referat", "en": "minutes"},
    # --- dialogue questions in the meeting (radar/dialogue.py, radar/db/dialogue.py, radar/ui_dialogue.py) ---
    "own_tab_dialogue": {"da": "Dialog", "en": "Dialogue"},
    "own_action_dialogue": {"da": "Dialog", "en": "Dialogue"},
    "dlg_part_mindset": {"da": "Digitalt mindset", "en": "Digital mindset"},
    "dlg_part_omverden": {"da": "Omverdenen", "en": "The world around"},
    "dlg_part_organisation": {"da": "Organisationen", "en": "The organisation"},
    "dlg_part_medarbejdere": {"da": "Medarbejderne", "en": "The employees"},
    "dlg_part_radar": {"da": "Radaren", "en": "The radar"},
    "dlg_part_own": {"da": "Jeres eget spørgsmål", "en": "Your own question"},
    "dlg_q_mindset_curious": {
        "da": "Hvornår var vi sidst nysgerrige på en ny teknologi, og hvad kom der ud af det?",
        "en": "When were we last curious about a new technology, and what came of it?",
    },
    "dlg_q_mindset_everyday": {
        "da": "Hvor i vores daglige arbejde kunne det digitale gøre en mærkbar forskel for borgerne?",
        "en": "Where in our daily work could digital tools make a noticeable difference for citizens?",
    },
    "dlg_q_mindset_example": {
        "da": "Hvordan viser vi som ledere, at vi selv tager det digitale alvorligt?",
        "en": "How do we as leaders show that we take the digital seriously ourselves?",
    },
    "dlg_q_mindset_learn": {
        "da": "Hvad gør vi for at holde os opdaterede, og hvem deler vi det, vi lærer, med?",
        "en": "What do we do to stay up to date, and who do we share what we learn with?",
    },
    "dlg_q_omverden_change": {
        "da": "Hvilke ændringer i samfundet og hos borgerne vil præge vores område de næste fem år?",
        "en": "Which changes in society and among citizens will shape our area over the next five years?",
    },
    "dlg_q_omverden_others": {
        "da": "Hvem kan vi lære af: andre kommuner, andre fagområder, virksomheder?",
        "en": "Who can we learn from: other municipalities, other domains, companies?",
    },
    "dlg_q_omverden_citizens": {
        "da": "Hvad ved vi om, hvordan borgerne vil møde os digitalt, og hvad gætter vi bare på?",
        "en": "What do we know about how citizens want to meet us digitally, and what are we only guessing?",
    },
    "dlg_q_omverden_upward": {
        "da": "Hvad skal politikerne og direktionen høre fra os for at kunne træffe gode valg?",
        "en": "What do politicians and top management need to hear from us to make good choices?",
    },
    "dlg_q_organisation_room": {
        "da": "Hvor får nye idéer plads hos os, og hvor bliver de bremset?",
        "en": "Where do new ideas get room with us, and where are they held back?",
    },
    "dlg_q_organisation_anchor": {
        "da": "Hvilke løsninger har vi indført, som ikke bliver brugt fuldt ud, og hvorfor?",
        "en": "Which solutions have we introduced that are not fully used, and why?",
    },
    "dlg_q_organisation_skills": {
        "da": "Hvilke kompetencer mangler vi, og skal vi udvikle, ansætte eller låne dem?",
        "en": "Which skills do we lack, and should we build, hire or borrow them?",
    },
    "dlg_q_organisation_story": {
        "da": "Kan vi sige med få ord, hvorfor vi digitaliserer, så det giver mening for alle?",
        "en": "Can we say in a few words why we digitalise, in a way that makes sense to everyone?",
    },
    "dlg_q_medarbejdere_safe": {
        "da": "Hvad skal der til, for at medarbejderne oplever ny teknologi som en hjælp og ikke en trussel?",
        "en": "What would make staff experience new technology as a help rather than a threat?",
    },
    "dlg_q_medarbejdere_dilemmas": {
        "da": "Hvilke dilemmaer møder medarbejderne, når de bruger teknologi sammen med borgerne?",
        "en": "Which dilemmas do staff meet when they use technology with citizens?",
    },
    "dlg_q_medarbejdere_ethics": {
        "da": "Hvor og med hvem tager vi de etiske drøftelser om teknologi?",
        "en": "Where, and with whom, do we hold the ethical discussions about technology?",
    },
    "dlg_q_medarbejdere_data": {
        "da": "Hvordan sikrer vi, at alle håndterer data sikkert og ansvarligt?",
        "en": "How do we make sure everyone handles data safely and responsibly?",
    },
    "dlg_q_radar_relevant": {
        "da": "Hvilke af teknologierne på radaren er relevante for os, og hvilke kan vi se bort fra?",
        "en": "Which of the technologies on the radar are relevant for us, and which can we set aside?",
    },
    "dlg_q_radar_cost_not": {
        "da": "Hvad koster det os ikke at komme i gang, i penge, kvalitet og borgernes tillid?",
        "en": "What does it cost us not to get started, in money, quality and citizens' trust?",
    },
    "dlg_q_radar_stop": {
        "da": "Hvad holder vi op med at gøre for at få plads til det nye?",
        "en": "What do we stop doing to make room for the new?",
    },
    "dlg_q_radar_first": {
        "da": "Hvilken teknologi tager vi fat på først, og hvem står for det?",
        "en": "Which technology do we take up first, and who leads it?",
    },
    "dlg_q_radar_country": {
        "da": "Hvor adskiller vores radar sig fra landets, og er det et valg eller et efterslæb?",
        "en": "Where does our radar differ from the country's, and is that a choice or a lag?",
    },
    "dlg_intro": {
        "da": "Vælg de spørgsmål, I vil tale om, og vis dem ét ad gangen på projektoren. Noter og beslutninger gemmes med radaren og kan fortrydes som alt andet.",
        "en": "Pick the questions you want to discuss and show them one at a time on the projector. Notes and decisions are kept with the radar and can be undone like everything else.",
    },
    "dlg_not_kl": {
        "da": "Spørgsmålene er vores egne, skrevet ud fra de fire dele af KL's ledelsesguide »Ledelse i en digital tid«. De er ikke KL's egne dialogspørgsmål.",
        "en": "The questions are our own, written from the four parts of KL's leadership guide “Ledelse i en digital tid”. They are not KL's own dialogue questions.",
    },
    "dlg_pick_heading": {"da": "Vælg spørgsmål", "en": "Pick questions"},
    "dlg_pick_part": {"da": "Del", "en": "Part"},
    "dlg_pick_add": {"da": "Tilføj", "en": "Add"},
    "dlg_own_label": {"da": "Jeres eget spørgsmål", "en": "Your own question"},
    "dlg_own_add": {"da": "Tilføj eget spørgsmål", "en": "Add own question"},
    "dlg_on_agenda": {"da": "Valgt", "en": "Chosen"},
    "dlg_agenda_heading": {"da": "Dagsorden", "en": "Agenda"},
    "dlg_agenda_empty": {
        "da": "Dagsordenen er tom. Vælg spørgsmål ovenfor.",
        "en": "The agenda is empty. Pick questions above.",
    },
    "dlg_agenda_empty_view": {
        "da": "Der er ingen dialogspørgsmål på dagsordenen.",
        "en": "There are no dialogue questions on the agenda.",
    },
    "dlg_up": {"da": "Flyt op", "en": "Move up"},
    "dlg_down": {"da": "Flyt ned", "en": "Move down"},
    "dlg_remove": {"da": "Fjern fra dagsordenen", "en": "Remove from the agenda"},
    "dlg_present": {"da": "Vis på projektoren", "en": "Show on the projector"},
    "dlg_present_help": {
        "da": "Ét spørgsmål ad gangen, stort, med gruppens noter og beslutning under det.",
        "en": "One question at a time, large, with the group's notes and decision under it.",
    },
    "dlg_present_exit": {"da": "Tilbage til dagsordenen", "en": "Back to the agenda"},
    "dlg_previous": {"da": "Forrige", "en": "Previous"},
    "dlg_next": {"da": "Næste", "en": "Next"},
    "dlg_position": {"da": "Spørgsmål {number} af {total}", "en": "Question {number} of {total}"},
    "dlg_col_question": {"da": "Spørgsmål", "en": "Question"},
    "dlg_col_notes": {"da": "Noter", "en": "Notes"},
    "dlg_col_decision": {"da": "Beslutning", "en": "Decision"},
    "dlg_notes_placeholder": {"da": "Hvad siger gruppen?", "en": "What does the group say?"},
    "dlg_decision_placeholder": {"da": "Hvad beslutter I?", "en": "What do you decide?"},
    "dlg_saved_hint": {
        "da": "Gemmes, når I klikker uden for feltet eller går videre (Ctrl+Enter gemmer med det samme).",
        "en": "Saved when you click outside the field or move on (Ctrl+Enter saves at once).",
    },
    "dlg_change_added": {"da": "spørgsmål tilføjet: {questions}", "en": "question added: {questions}"},
    "dlg_change_removed": {"da": "spørgsmål fjernet: {questions}", "en": "question removed: {questions}"},
    "dlg_change_notes": {"da": "note til {question}", "en": "note on {question}"},
    "dlg_change_decision": {"da": "beslutning til {question}", "en": "decision on {question}"},
    "dlg_change_moved": {"da": "dagsordenens rækkefølge", "en": "order of the agenda"},
    "dlg_error_own_empty": {"da": "Skriv spørgsmålet først.", "en": "Write the question first."},
    "dlg_error_unknown_question": {
        "da": "Spørgsmålet »{question}« findes ikke.",
        "en": "The question “{question}” does not exist.",
    },
    "dlg_error_duplicate": {"da": "Spørgsmålet er allerede på dagsordenen.", "en": "The question is on the agenda already."},
    "dlg_error_full": {
        "da": "Dagsordenen har plads til {limit} spørgsmål. Fjern et, før I tilføjer flere.",
        "en": "The agenda holds {limit} questions. Remove one before adding more.",
    },
    "dlg_error_item_gone": {
        "da": "Spørgsmålet er ikke længere på dagsordenen (det blev ændret et andet sted).",
        "en": "The question is no longer on the agenda (it was changed elsewhere).",
    },
    "dlg_error_field": {"da": "Feltet »{field}« kan ikke ændres.", "en": "The field “{field}” cannot be changed."},
    "dlg_error_changed_elsewhere": {
        "da": "Feltet blev ændret i en anden browser, mens I skrev. Jeres tekst står stadig i feltet: gem den igen for at beholde den.",
        "en": "The field was changed in another browser while you typed. Your text is still in the field: save it again to keep it.",
    },
    "dlg_error_file": {
        "da": "Filens dialogspørgsmål kunne ikke læses (»dialogue« skal være en liste). Radaren er åbnet uden dem.",
        "en": "The file's dialogue questions could not be read (“dialogue” must be a list). The radar was opened without them.",
    },
    "dlg_error_file_long": {
        "da": "Filen har flere end {limit} dialogspørgsmål. Radaren er åbnet uden dem.",
        "en": "The file has more than {limit} dialogue questions. The radar was opened without them.",
    },
    "dlg_file_dropped": {
        "da": "{count} af filens dialogspørgsmål kunne ikke læses og er udeladt.",
        "en": "{count} of the file's dialogue questions could not be read and were left out.",
    },
    "dlg_minutes_title": {"da": "Dialogspørgsmål", "en": "Dialogue questions"},
    "dlg_minutes_empty": {"da": "Ingen dialogspørgsmål på dagsordenen.", "en": "No dialogue questions on the agenda."},
    "dlg_minutes_summary": {
        "da": "{questions} spørgsmål på dagsordenen, {decisions} med en beslutning.",
        "en": "{questions} questions on the agenda, {decisions} with a decision.",
    },
    "dlg_minutes_decision": {
        "da": "{number}. {question} Beslutning: {decision}",
        "en": "{number}. {question} Decision: {decision}",
    },
    # --- a new national edition from the Import page (issue 11 §5: radar/ui_edition.py, radar/publish.py) -----
    "import_tab_edition": {"da": "Ny national udgave", "en": "New national edition"},
    "setting_publish_key_help": {
        "da": "TEKNOLOGIRADAR_PUBLISH_KEY: den nøgle, der skal skrives på siden Importér for at udgive en ny national "
        "udgave. Uden nøgle kan kun en lokal server (TEKNOLOGIRADAR_MODE=local) udgive fra siden.",
        "en": "TEKNOLOGIRADAR_PUBLISH_KEY: the key to type on the Import page to publish a new national edition. "
        "Without a key only a local server (TEKNOLOGIRADAR_MODE=local) publishes from the page.",
    },
    "edition_page_intro": {
        "da": "Udgiv et nyt års svar og ekspertvurderinger som national udgave. Filerne er de samme som til kommandoen "
        "import-edition (CSV eller Excel; i Excel læses det første ark), og de kontrolleres på samme måde: hver række "
        "kontrolleres, og intet skrives, hvis én række har en fejl.",
        "en": "Publish a new year's answers and expert ratings as a national edition. The files are those of the "
        "import-edition command (CSV or Excel; in Excel the first sheet is read), and they are checked the same way: "
        "every row is checked, and nothing is written if one row has an error.",
    },
    "edition_page_closed": {
        "da": "Nye nationale udgaver kan ikke udgives fra siden på denne server, fordi den deles af mange kommuner "
        "(TEKNOLOGIRADAR_MODE=hosted), og der ikke er sat en nøgle til at udgive (TEKNOLOGIRADAR_PUBLISH_KEY). "
        "Den, der driver serveren, kan sætte nøglen eller bruge kommandoen python -m radar import-edition.",
        "en": "New national editions cannot be published from the page on this server, because many municipalities "
        "share it (TEKNOLOGIRADAR_MODE=hosted) and no publishing key is set (TEKNOLOGIRADAR_PUBLISH_KEY). "
        "Whoever runs the server can set the key or use the command python -m radar import-edition.",
    },
    "edition_page_key_label": {"da": "Nøgle til at udgive", "en": "Publishing key"},
    "edition_page_key_help": {
        "da": "Serveren udgiver kun for den, der kender nøglen (TEKNOLOGIRADAR_PUBLISH_KEY). Spørg den, der driver den.",
        "en": "The server publishes only for whoever knows the key (TEKNOLOGIRADAR_PUBLISH_KEY). Ask whoever runs it.",
    },
    "edition_page_key_needed": {
        "da": "Skriv nøglen til at udgive for at indlæse en ny udgave.",
        "en": "Type the publishing key to load a new edition.",
    },
    "edition_page_key_wrong": {
        "da": "Nøglen er forkert. Intet er indlæst eller skrevet.",
        "en": "The key is wrong. Nothing was read or written.",
    },
    "edition_page_key_locked": {
        "da": "For mange forkerte nøgler på kort tid. Prøv igen om {minutes} min., eller udgiv med kommandolinjen. "
        "Intet er indlæst eller skrevet.",
        "en": "Too many wrong keys in a short time. Try again in {minutes} min., or publish with the command line. "
        "Nothing was read or written.",
    },
    "edition_page_sheet_answers": {"da": "Ark med svarene", "en": "Sheet with the answers"},
    "edition_page_sheet_maturity": {"da": "Ark med modenheden", "en": "Sheet with the maturity ratings"},
    "edition_page_year": {"da": "Udgavens år", "en": "The edition's year"},
    "edition_page_answers_label": {"da": "Svar (CSV eller Excel)", "en": "Answers (CSV or Excel)"},
    "edition_page_maturity_label": {"da": "Modenhed (CSV eller Excel)", "en": "Maturity (CSV or Excel)"},
    "edition_page_file_help": {
        "da": "Kolonnerne står i skabelonerne ovenfor og på Om radaren. UTF-8, UTF-16 eller Windows-1252 fra dansk Excel; "
        "komma, semikolon eller tabulator.",
        "en": "The columns are in the templates above and on About the radar. UTF-8, UTF-16 or Windows-1252 from Danish "
        "Excel; comma, semicolon or tab.",
    },
    "edition_page_replace": {"da": "Erstat udgave {year}", "en": "Replace edition {year}"},
    "edition_page_replace_help": {
        "da": "Udgaven findes allerede. Med flueben erstattes dens tal af de nye filer, og den er ikke længere eksempeldata.",
        "en": "The edition already exists. Ticked, its figures are replaced by the new files, and it is no longer sample data.",
    },
    "edition_page_waiting": {
        "da": "Vælg både svarfilen og modenhedsfilen. Så vises rapporten, før noget skrives.",
        "en": "Choose both the answers file and the maturity file. The report is shown before anything is written.",
    },
    "edition_page_nothing_written": {"da": "Intet er skrevet.", "en": "Nothing was written."},
    "edition_page_report_heading": {"da": "Rapport over hver række", "en": "Report on every row"},
    "edition_page_report_download": {"da": "Hent hele rapporten (tekst)", "en": "Download the whole report (text)"},
    "edition_page_has_errors": {
        "da": "Intet kan udgives, før fejlene er rettet: ret filerne, og vælg dem igen. Databasen er ikke ændret.",
        "en": "Nothing can be published until the errors are fixed: fix the files and choose them again. "
        "The database has not been changed.",
    },
    "edition_page_needs_replace": {
        "da": "Udgave {year} findes allerede. Sæt flueben i »Erstat udgave {year}«, eller vælg et andet år.",
        "en": "Edition {year} already exists. Tick “Replace edition {year}”, or choose another year.",
    },
    "edition_page_ok": {
        "da": "Filerne er i orden: {respondents} respondenter fra {municipalities} kommuner, {answers} svar og "
        "{technologies} teknologier med modenhed. Intet er skrevet endnu.",
        "en": "The files are fine: {respondents} respondents from {municipalities} municipalities, {answers} answers and "
        "{technologies} technologies with a maturity. Nothing has been written yet.",
    },
    "edition_page_publish": {"da": "Udgiv udgave {year}", "en": "Publish edition {year}"},
    "edition_page_published": {
        "da": "Udgave {year} er udgivet: {respondents} respondenter fra {municipalities} kommuner, {answers} svar, "
        "{technologies} teknologier med modenhed.",
        "en": "Edition {year} is published: {respondents} respondents from {municipalities} municipalities, "
        "{answers} answers, {technologies} technologies with a maturity.",
    },
    "edition_page_see": {"da": "Se udgave {year} på Samlet radar", "en": "See edition {year} on the combined radar"},
    "edition_page_exists_needs_replace": {
        "da": "udgave {year} findes allerede; sæt flueben i »Erstat udgave {year}« for at erstatte den",
        "en": "edition {year} already exists; tick “Replace edition {year}” to replace it",
    },
    "edition_page_more": {
        "da": "… og {count} rækker mere i {file} med samme slags fejl (alle står i den hentede rapport)",
        "en": "… and {count} more rows in {file} with the same kind of error (all are in the downloaded report)",
    },
    "edition_page_exists": {
        "da": "Udgave {year} findes allerede i databasen, og intet er ændret. Sæt flueben i »Erstat udgave {year}«, "
        "hvis den skal erstattes af de nye filer.",
        "en": "Edition {year} already exists in the database, and nothing was changed. Tick “Replace edition {year}” "
        "if it is to be replaced by the new files.",
    },
    "edition_page_write_failed": {
        "da": "Udgaven kunne ikke skrives ({reason}). Databasen er uændret; prøv igen, når fejlen er rettet.",
        "en": "The edition could not be written ({reason}). The database is unchanged; try again once the fault is fixed.",
    },
    "edition_page_db_busy": {
        "da": "En anden import skriver den nationale database lige nu, og intet er ændret. Vent lidt, og tryk Udgiv igen.",
        "en": "Another import is writing the national database right now, and nothing was changed. Wait a moment and "
        "press Publish again.",
    },
    # --- the value question (issue 11 §4: radar/value.py; hover, technology page, import-edition) -----------
    "value_efficiency": {"da": "effektivisering", "en": "efficiency"},
    "value_quality": {"da": "kvalitet", "en": "quality"},
    "value_wellbeing": {"da": "trivsel", "en": "wellbeing"},
    "value_none": {"da": "ingen værdi endnu", "en": "no value yet"},
    "value_dont_know": {"da": "ved ikke", "en": "don't know"},
    "value_share": {"da": "{value} {share}", "en": "{value} {share}"},
    "value_mix": {"da": "{parts} ({count})", "en": "{parts} ({count})"},
    "count_value": {"da": "{n} svar om værdi", "en": "{n} answers on value"},
    "hover_value": {"da": "Skabt værdi", "en": "Value created"},
    "detail_value": {"da": "Hvilken værdi har teknologien skabt?", "en": "What value has the technology created?"},
    "detail_value_help": {
        "da": "Spurgt til dem, der afprøver eller bruger teknologien (som i KL's undersøgelse 2022). "
        "Andelene er af svarene om værdi, »ved ikke« medregnet.",
        "en": "Asked of those who are trying or using the technology (as in KL's 2022 survey). "
        "The shares are of the answers on value, “don't know” included.",
    },
    "detail_value_scope": {"da": "{scope}: {mix}", "en": "{scope}: {mix}"},
    "about_value_count": {
        "da": "- **Svar om værdi**: for én teknologi de besvarelser fra dem, der afprøver eller bruger den (trin 2 eller 3), "
        "om hvilken værdi den har skabt: effektivisering, kvalitet, trivsel, ingen værdi endnu eller ved ikke (KL spurgte "
        "sådan i 2022). Værdiblandingen er andelen af hvert svar. Står i kortet ved prikken og på teknologisiden; den "
        "flytter ikke prikken.",
        "en": "- **Answers on value**: for one technology the responses of those trying or using it (stage 2 or 3) on "
        "what value it has created: efficiency, quality, wellbeing, no value yet or don't know (KL asked so in 2022). "
        "The value mix is the share of each answer. Shown in the card by the dot and on the technology page; it does "
        "not move the dot.",
    },
    "edition_value_invalid": {
        "da": "værdien »{value}« er ugyldig (brug effektivisering, kvalitet, trivsel, ingen eller ved ikke; tom = ikke spurgt)",
        "en": "the value “{value}” is not valid (use efficiency, quality, wellbeing, none or dont_know; empty = not asked)",
    },
    # --- editions: a technology's path across editions, and the filter by value (issue 11 §3, §4) -----------
    "detail_paths": {"da": "Vejen gennem udgaverne", "en": "The path across editions"},
    "detail_paths_help": {
        "da": "Scoren i hver udgave for den samlede radar og for hvert fagområde. De farvede bånd er ringene: {rings}. "
        "Den stiplede grå linje i et fagområde er den samlede radar. Peg på et punkt for tallene.",
        "en": "The score in each edition for the combined radar and for each domain. The coloured bands are the rings: "
        "{rings}. The dashed grey line in a domain is the combined radar. Point at a dot for its numbers.",
    },
    "detail_paths_ring_from": {"da": "{ring} fra {value}", "en": "{ring} from {value}"},
    "detail_paths_ring_below": {"da": "{ring} under", "en": "{ring} below"},
    "filter_value": {"da": "Skabt værdi", "en": "Value created"},
    "filter_value_all": {"da": "Alle teknologier", "en": "All technologies"},
    "filter_value_help": {
        "da": "Vis kun teknologier, hvor mindst {share} af svarene om værdi nævner den valgte slags værdi, og som har "
        "mindst {min} svar om værdi. Spurgt er de, der afprøver eller bruger teknologien. Hele blandingen står i kortet "
        "ved prikken.",
        "en": "Show only technologies where at least {share} of the answers on value name the chosen kind of value, and "
        "which have at least {min} answers on value. Asked are those who are trying or using the technology. The whole "
        "mix is in the card by the dot.",
    },
    "about_value_filter": {
        "da": "- **Filter efter skabt værdi**: på radarsiderne viser *Skabt værdi* under Filtre kun de teknologier, hvor "
        "mindst {share} af svarene om værdi nævner den valgte slags (effektivisering, kvalitet eller trivsel), og som har "
        "mindst {min} svar om værdi. Det flytter ingen prik.",
        "en": "- **Filter by value created**: on the radar pages *Value created* under Filters shows only the technologies "
        "where at least {share} of the answers on value name the chosen kind (efficiency, quality or wellbeing), and which "
        "have at least {min} answers on value. It moves no dot.",
    },
    "filter_value_none": {
        "da": "Ingen teknologi her har {kind} i mindst {share} af svarene om værdi (med mindst {min} svar om værdi).",
        "en": "No technology here has {kind} in at least {share} of the answers on value (with at least {min} answers on value).",
    },
    "detail_paths_entered": {
        "da": "Med i radaren fra udgave {year}; der er ingen svar om den før.",
        "en": "In the radar from the {year} edition; there are no answers on it before.",
    },
    # --- phones fast enough (issue 12 §2): a tap meant for a round a revote has replaced ---------------
    "workshop_error_round_changed": {
        "da": "En ny runde er startet, så dit svar blev ikke gemt. Her er den nye runde.",
        "en": "A new round has started, so your answer was not saved. Here is the new round.",
    },
    # --- time control and trails on the radar pages, small radars on Fagområder (timeline) ------------
    "timeline_help": {
        "da": "Træk for at se radaren i en anden udgave. En teknologi har samme nummer i alle udgaver.",
        "en": "Drag to see the radar of another edition. A technology has the same number in every edition.",
    },
    "trails_toggle": {"da": "Vis spor", "en": "Show trails"},
    "trails_help": {
        "da": "Sporet er en tynd linje i kategoriens farve gennem teknologiens placeringer i de tidligere udgaver.",
        "en": "A trail is a thin line in the category's colour through the technology's positions in the earlier editions.",
    },
    "trails_caption": {
        "da": "Spor: den tynde linje fra en prik går gennem teknologiens placeringer i udgaverne {first}–{last}; "
        "de små blege prikker er de tidligere placeringer (hold musen over en for at se udgave og ring). "
        "En ny teknologi har intet spor.",
        "en": "Trails: the thin line from a dot runs through the technology's positions in the editions {first}–{last}; "
        "the small faded dots are the earlier positions (hover over one for its edition and ring). "
        "A new technology has no trail.",
    },
    "trail_hover": {"da": "Udgave {edition}: {ring}", "en": "Edition {edition}: {ring}"},
    "timeline_range": {"da": "{count} udgaver: {first}–{last}", "en": "{count} editions: {first}–{last}"},
    "timeline_play": {"da": "Afspil", "en": "Play"},
    "timeline_play_help": {
        "da": "Viser udgaverne én ad gangen, fra den ældste til den nyeste. Slå spor til for at se teknologierne flytte sig.",
        "en": "Shows the editions one at a time, from the oldest to the newest. Turn on trails to see the technologies move.",
    },
    "timeline_stop": {"da": "Stop", "en": "Stop"},
    "small_radars_heading": {"da": "Fagområdernes radarer, udgave {edition}", "en": "The domains' radars, edition {edition}"},
    "about_timeline": {
        "da": "**Gennem udgaverne:** skyderen »Udgave« på radarsiderne viser radaren i hver udgave, og »Afspil« går "
        "gennem dem fra den ældste. En teknologi har samme nummer i alle udgaver og på alle radarer: den nyeste samlede "
        "radars nummer; en teknologi, der ikke er med i den nyeste, nummereres efter de andre. »Vis spor« tegner en tynd "
        "linje gennem teknologiens placeringer i de tidligere udgaver, svagere jo ældre, hver placering som den udgaves "
        "egen radar lagde den. Prikkerne pakkes i rækker, så en teknologi kan flytte sig lidt inden for sin ring, også når "
        "ringen er den samme.",
        "en": "**Through the editions:** the 'Edition' slider on the radar pages shows the radar of each edition, and "
        "'Play' steps through them from the oldest. A technology has the same number in every edition and on every "
        "radar: the newest combined radar's number; a technology missing from the newest is numbered after the others. "
        "'Show trails' draws a thin line through the technology's positions in the earlier editions, fainter the older, "
        "each position where that edition's own radar put it. Dots are packed in rows, so a technology can move a little "
        "within its ring even when the ring stays the same.",
    },
    "small_radars_caption": {
        "da": "Én lille radar pr. fagområde med ringene som på den store radar (KLAR inderst) og prikkerne i kategoriens "
        "farve. Prikkerne er for små til numre: hold musen over en for at se teknologien, dens nummer og ring.",
        "en": "One small radar per domain, with the rings as on the large radar (READY innermost) and the dots in their "
        "category's colour. The dots are too small for numbers: hover over one to see the technology, its number and ring.",
    },
}


class Count(int):
    """A count to be written in the message's language (1.000 in Danish, 1,000 in English) when t() fills it in.

    Plain int parameters stay as they are (years, row numbers); a limit raised before the language is known
    is passed as Count(limit).
    """


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for `key` in `lang`, with `params` filled in (a Count written as `lang` writes numbers); unknown keys raise KeyError."""
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    if not params:
        return text
    return text.format(**{name: number(v, lang, digits=0) if isinstance(v, Count) else v for name, v in params.items()})


#: How a date field shows and takes a date in each UI language (Streamlit's date_input formats).
DATE_INPUT_FORMATS: dict[str, str] = {"da": "DD.MM.YYYY", "en": "DD/MM/YYYY"}

#: Babel locale of each UI language: the CLDR rules for decimal comma, digit grouping and per cent.
NUMBER_LOCALES: dict[str, str] = {"da": "da_DK", "en": "en_GB"}


def rounded(value: float, digits: int = 2, percent: bool = False) -> Decimal:
    """`value` (times 100 when `percent`) rounded to `digits` decimals as number() writes it: half to even, never -0."""
    exact = Decimal(repr(float(value))) * (100 if percent else 1)
    result = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    return result.copy_abs() if result == 0 else result


def number(value: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 2, percent: bool = False) -> str:
    """A number as the language writes it (Babel, CLDR): 0,62 and 1.066 and 98 % in Danish, 0.62, 1,066, 98% in English.

    The one number formatter of the product. `digits` decimals; `percent` writes a share 0..1 as
    per cent. Missing values (None, NaN, pandas NA) are "–"; a value that rounds to zero is 0, never -0.
    """
    try:
        real = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if math.isnan(real) or math.isinf(real):
        return "–"
    locale, pattern = _number_pattern(lang, digits, percent)
    return pattern.apply(rounded(real, digits, percent) / (100 if percent else 1), locale)


@functools.cache
def _number_pattern(lang: str, digits: int, percent: bool) -> tuple[Locale, NumberPattern]:
    locale = Locale.parse(NUMBER_LOCALES.get(lang, NUMBER_LOCALES[DEFAULT_LANGUAGE]))
    pattern = copy.copy(locale.percent_formats[None] if percent else locale.decimal_formats[None])
    pattern.frac_prec = (digits, digits)
    return locale, pattern
