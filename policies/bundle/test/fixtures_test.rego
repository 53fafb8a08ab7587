# METADATA
# title: Test fixtures
# description: Valid initiatives (the shared valid examples) that rule tests start from and change one field of.
package styring.test.fixtures

# omstilling: shared/examples/omstilling-valid.json (yields no violation).
omstilling := {
	"id": "HP2124-OSK-014",
	"title": "Digitale læremidler – felles lisenspakke for grunnskolen",
	"description": "Samordnet innkjøp og forvaltning av digitale læremidler for alle grunnskoler, som erstatter skolevise lisenser. Frigjør midler og gir likeverdig tilgang for elevene.",
	"type": "omstilling",
	"status": "forslag",
	"submitted_at": "2020-09-23",
	"sector": "OSK",
	"owner": {
		"name": "Kari Nordmann",
		"role": "kommunalsjef Oppvekst skole",
	},
	"plan_period": {
		"start_year": 2021,
		"end_year": 2024,
	},
	"start_date": "2021-01-01",
	"end_date": "2023-12-31",
	"veikart_area": "VK1",
	"sdgs": [
		4,
		10,
	],
	"kommuneplan_ref": "KPS 2020–2040 mål 1.2",
	"omstilling_program_ref": "Omstilling 2024 (KS 11.12.2019 sak 145/19) – delprogram Digital skolehverdag",
	"budget_effects": [
		{
			"year": 2021,
			"account": "drift",
			"amount_knok": 0,
		},
		{
			"year": 2022,
			"account": "drift",
			"amount_knok": -1500,
			"bucket": "omstilling",
			"calc_basis": "Bortfall av 60 skolevise lisenser à 25 kNOK",
		},
		{
			"year": 2023,
			"account": "drift",
			"amount_knok": -3000,
			"bucket": "omstilling",
			"calc_basis": "Helårseffekt av felles lisenspakke",
		},
		{
			"year": 2024,
			"account": "drift",
			"amount_knok": -3000,
			"bucket": "omstilling",
			"calc_basis": "Helårseffekt av felles lisenspakke",
		},
	],
	"legal_requirements": [
		{
			"law": "opplæringsloven",
			"section": "§ 9-3",
			"note": "Læremidler og utstyr",
			"compliance": "ok",
		},
	],
	"risk": {
		"assessment_ref": "KP-ROS-1234",
		"date": "2020-08-15",
		"covers": [
			"okonomi",
			"tjenestekvalitet",
			"arbeidsmiljo",
			"personvern",
		],
	},
	"climate": {
		"none_reason": "Ingen vesentlig klimaeffekt: digital lisens erstatter digital lisens.",
	},
	"kpis": [
		{
			"id": "k1",
			"name": "Lisenskostnad per elev",
			"kind": "okonomisk",
			"unit": "kr",
			"direction": "down",
			"source": "intern",
			"baseline": {
				"value": 610,
				"date": "2020-06-30",
			},
			"target": {
				"value": 420,
				"year": 2023,
			},
			"measurements": [
				{
					"phase": "for",
					"date": "2020-06-30",
				},
				{
					"phase": "under",
					"date": "2022-06-30",
				},
				{
					"phase": "etter",
					"date": "2024-06-30",
				},
			],
		},
		{
			"id": "k2",
			"name": "Andel elever med tilgang til digitale læremidler i alle fag",
			"kind": "kvalitet",
			"unit": "%",
			"direction": "up",
			"source": "Elevundersøkelsen",
			"baseline": {
				"value": 72,
				"date": "2020-06-30",
			},
			"target": {
				"value": 95,
				"year": 2023,
			},
			"measurements": [
				{
					"phase": "for",
					"date": "2020-06-30",
				},
				{
					"phase": "under",
					"date": "2022-06-30",
				},
				{
					"phase": "etter",
					"date": "2024-06-30",
				},
			],
		},
	],
	"benefits_plan": {
		"owner": "Kommunalsjef Oppvekst skole",
		"budget_withdrawal": [
			{
				"year": 2022,
				"amount_knok": -1500,
			},
			{
				"year": 2023,
				"amount_knok": -3000,
			},
			{
				"year": 2024,
				"amount_knok": -3000,
			},
		],
	},
}

# effektivisering: shared/examples/effektivisering-valid.json (yields no violation).
effektivisering := {
	"id": "HP2124-OSU-007",
	"title": "Automatisering av fakturabehandling (RPA)",
	"description": "Robotisert prosessautomatisering av inngående fakturaer i økonomitjenesten. Gevinsten tas ut som effektivisering i rammen til Organisasjon, styring og utvikling.",
	"type": "effektivisering",
	"status": "utredning",
	"submitted_at": "2021-09-15",
	"sector": "OSU",
	"owner": {
		"name": "Lise Berg",
		"role": "økonomidirektør",
	},
	"plan_period": {
		"start_year": 2022,
		"end_year": 2025,
	},
	"start_date": "2022-01-01",
	"end_date": "2022-12-31",
	"veikart_area": "VK6",
	"sdgs": [
		16,
	],
	"kommuneplan_ref": "KPS 2020–2040 mål 4.1",
	"budget_effects": [
		{
			"year": 2022,
			"account": "drift",
			"amount_knok": -2000,
			"bucket": "effektivisering",
			"calc_basis": "3 årsverk à 667 kNOK, fra 1.4.",
		},
		{
			"year": 2023,
			"account": "drift",
			"amount_knok": -2700,
			"bucket": "effektivisering",
			"calc_basis": "4 årsverk",
		},
		{
			"year": 2024,
			"account": "drift",
			"amount_knok": -2700,
			"bucket": "effektivisering",
			"calc_basis": "4 årsverk",
		},
		{
			"year": 2025,
			"account": "drift",
			"amount_knok": -2700,
			"bucket": "effektivisering",
			"calc_basis": "4 årsverk",
		},
	],
	"employees": {
		"affected": true,
		"fte_change": -4,
		"drofting_date": "2021-08-30",
	},
	"legal_requirements": [
		{
			"law": "bokføringsloven",
			"section": "§ 13",
			"compliance": "ok",
		},
	],
	"risk": {
		"assessment_ref": "KP-ROS-2788",
		"date": "2021-08-01",
		"covers": [
			"okonomi",
			"arbeidsmiljo",
			"informasjonssikkerhet",
		],
	},
	"climate": {
		"none_reason": "Ingen vesentlig klimaeffekt.",
	},
	"kpis": [
		{
			"id": "k1",
			"name": "Kostnad per behandlet faktura",
			"kind": "okonomisk",
			"unit": "kr",
			"direction": "down",
			"source": "intern",
			"baseline": {
				"value": 58,
				"date": "2021-06-30",
			},
			"target": {
				"value": 21,
				"year": 2023,
			},
			"measurements": [
				{
					"phase": "for",
					"date": "2021-06-30",
				},
				{
					"phase": "under",
					"date": "2022-06-30",
				},
				{
					"phase": "etter",
					"date": "2023-06-30",
				},
			],
		},
		{
			"id": "k2",
			"name": "Andel fakturaer betalt innen forfall",
			"kind": "kvalitet",
			"unit": "%",
			"direction": "up",
			"source": "intern",
			"baseline": {
				"value": 91,
				"date": "2021-06-30",
			},
			"target": {
				"value": 98,
				"year": 2023,
			},
			"measurements": [
				{
					"phase": "for",
					"date": "2021-06-30",
				},
				{
					"phase": "under",
					"date": "2022-06-30",
				},
				{
					"phase": "etter",
					"date": "2023-06-30",
				},
			],
		},
	],
	"benefits_plan": {
		"owner": "Økonomidirektør",
		"budget_withdrawal": [
			{
				"year": 2022,
				"amount_knok": -2000,
			},
			{
				"year": 2023,
				"amount_knok": -2700,
			},
			{
				"year": 2024,
				"amount_knok": -2700,
			},
			{
				"year": 2025,
				"amount_knok": -2700,
			},
		],
	},
}

# investering: shared/examples/investering-valid.json (yields no violation).
investering := {
	"id": "HP2124-OSK-101",
	"title": "Rehabilitering og utvidelse av Lysaker skole",
	"description": "Rehabilitering av eksisterende skolebygg og utvidelse med 4 klasserom for å møte elevtallsveksten på Lysaker og Fornebu. Passivhusstandard og fossilfri byggeplass.",
	"type": "investering",
	"status": "forslag",
	"submitted_at": "2020-09-23",
	"sector": "OSK",
	"owner": {
		"name": "Ola Hansen",
		"role": "prosjektdirektør Eiendom",
	},
	"plan_period": {
		"start_year": 2021,
		"end_year": 2024,
	},
	"start_date": "2021-03-01",
	"end_date": "2023-08-15",
	"veikart_area": "VK2",
	"sdgs": [
		4,
		11,
		13,
	],
	"kommuneplan_ref": "KPS 2020–2040 mål 2.1",
	"budget_effects": [
		{
			"year": 2021,
			"account": "investering",
			"amount_knok": 40000,
			"calc_basis": "Kalkyle forprosjekt, P50",
		},
		{
			"year": 2022,
			"account": "investering",
			"amount_knok": 90000,
			"calc_basis": "Kalkyle forprosjekt, P50",
		},
		{
			"year": 2023,
			"account": "investering",
			"amount_knok": 30000,
			"calc_basis": "Kalkyle forprosjekt, P50",
		},
		{
			"year": 2021,
			"account": "drift",
			"amount_knok": 0,
		},
		{
			"year": 2022,
			"account": "drift",
			"amount_knok": 0,
		},
		{
			"year": 2023,
			"account": "drift",
			"amount_knok": 1200,
			"calc_basis": "FDV 4 mnd for nytt areal",
		},
		{
			"year": 2024,
			"account": "drift",
			"amount_knok": 3600,
			"calc_basis": "FDV helår, 2 400 m2 à 1,5 kNOK",
		},
	],
	"financing": [
		{
			"year": 2021,
			"account": "investering",
			"source": "lan",
			"amount_knok": 20000,
		},
		{
			"year": 2021,
			"account": "investering",
			"source": "egenkapital_drift",
			"amount_knok": 12000,
		},
		{
			"year": 2021,
			"account": "investering",
			"source": "momskompensasjon",
			"amount_knok": 8000,
		},
		{
			"year": 2022,
			"account": "investering",
			"source": "lan",
			"amount_knok": 45000,
		},
		{
			"year": 2022,
			"account": "investering",
			"source": "egenkapital_drift",
			"amount_knok": 27000,
		},
		{
			"year": 2022,
			"account": "investering",
			"source": "momskompensasjon",
			"amount_knok": 18000,
		},
		{
			"year": 2023,
			"account": "investering",
			"source": "lan",
			"amount_knok": 15000,
		},
		{
			"year": 2023,
			"account": "investering",
			"source": "egenkapital_drift",
			"amount_knok": 9000,
		},
		{
			"year": 2023,
			"account": "investering",
			"source": "momskompensasjon",
			"amount_knok": 6000,
		},
		{
			"year": 2023,
			"account": "drift",
			"source": "omprioritering",
			"amount_knok": 1200,
		},
		{
			"year": 2024,
			"account": "drift",
			"source": "omprioritering",
			"amount_knok": 3600,
		},
	],
	"investment": {
		"asset": "Lysaker skole, bygg A og B",
		"owner_is_kommune": true,
		"economic_life_years": 40,
		"acquisition_cost_knok": 160000,
		"rentable": false,
		"completion_year": 2023,
		"project_phase": "forprosjekt",
		"opex_consequences": [
			{
				"year": 2023,
				"amount_knok": 1200,
			},
			{
				"year": 2024,
				"amount_knok": 3600,
			},
		],
	},
	"procurement": {
		"involved": true,
		"category": "bygg_anlegg",
		"estimated_value_nok": 128000000,
		"announcement_date": "2021-01-15",
		"procedure": "konkurranse_med_forhandling",
		"doffin": true,
		"ted": true,
		"protocol": true,
		"climate_weight_pct": 30,
	},
	"risk": {
		"assessment_ref": "KP-ROS-2210",
		"date": "2020-09-01",
		"covers": [
			"okonomi",
			"tjenestekvalitet",
			"beredskap",
		],
	},
	"climate": {
		"theme": "bygg",
		"effect_tco2e_per_year": -35,
		"mitigation": "Passivhus, fossilfri byggeplass",
	},
	"kpis": [
		{
			"id": "k1",
			"name": "Elevplasser i skolekretsen",
			"kind": "kvalitet",
			"unit": "plasser",
			"direction": "up",
			"source": "intern",
			"baseline": {
				"value": 420,
				"date": "2020-08-15",
			},
			"target": {
				"value": 520,
				"year": 2024,
			},
			"measurements": [
				{
					"phase": "for",
					"date": "2020-08-15",
				},
				{
					"phase": "under",
					"date": "2022-08-15",
				},
				{
					"phase": "etter",
					"date": "2024-08-15",
				},
			],
		},
		{
			"id": "k2",
			"name": "Energibruk per m2",
			"kind": "klima",
			"unit": "kWh/m2",
			"direction": "down",
			"source": "Energioppfølgingssystem",
			"baseline": {
				"value": 165,
				"date": "2020-12-31",
			},
			"target": {
				"value": 80,
				"year": 2024,
			},
			"measurements": [
				{
					"phase": "for",
					"date": "2020-12-31",
				},
				{
					"phase": "under",
					"date": "2022-12-31",
				},
				{
					"phase": "etter",
					"date": "2024-12-31",
				},
			],
		},
	],
}

# digital: shared/examples/digital-valid.json, a cross-sector nytt_tiltak with personal data, an app and procurement (yields only STR-005).
digital := {
	"id": "HP2124-OSU-033",
	"title": "Innbyggerapp for søknad om helse- og omsorgstjenester",
	"description": "Ny selvbetjeningsløsning der innbyggere og pårørende søker om og følger opp helse- og omsorgstjenester digitalt. Reduserer manuell saksbehandling og gir raskere svar.",
	"type": "nytt_tiltak",
	"status": "vedtatt",
	"submitted_at": "2022-09-20",
	"sector": "OSU",
	"involved_sectors": [
		"OSU",
		"POM",
	],
	"cross_sector_split": [
		{
			"sector": "OSU",
			"cost_share_pct": 60,
			"gain_share_pct": 20,
		},
		{
			"sector": "POM",
			"cost_share_pct": 40,
			"gain_share_pct": 80,
		},
	],
	"owner": {
		"name": "Per Olsen",
		"role": "direktør Digitalisering og IT",
	},
	"plan_period": {
		"start_year": 2023,
		"end_year": 2026,
	},
	"start_date": "2023-01-01",
	"end_date": "2024-06-30",
	"veikart_area": "VK6",
	"sdgs": [
		3,
		16,
	],
	"kommuneplan_ref": "KPS 2020–2040 mål 3.2",
	"budget_effects": [
		{
			"year": 2023,
			"account": "drift",
			"amount_knok": 4500,
			"one_off": true,
			"calc_basis": "Innføring, opplæring og prosjektledelse",
		},
		{
			"year": 2024,
			"account": "drift",
			"amount_knok": 1800,
			"calc_basis": "Lisens og drift",
		},
		{
			"year": 2025,
			"account": "drift",
			"amount_knok": 1800,
			"calc_basis": "Lisens og drift",
		},
		{
			"year": 2026,
			"account": "drift",
			"amount_knok": 1800,
			"calc_basis": "Lisens og drift",
		},
	],
	"financing": [
		{
			"year": 2023,
			"account": "drift",
			"source": "disposisjonsfond",
			"amount_knok": 4500,
		},
		{
			"year": 2024,
			"account": "drift",
			"source": "omprioritering",
			"amount_knok": 1800,
		},
		{
			"year": 2025,
			"account": "drift",
			"source": "omprioritering",
			"amount_knok": 1800,
		},
		{
			"year": 2026,
			"account": "drift",
			"source": "omprioritering",
			"amount_knok": 1800,
		},
	],
	"decisions": [
		{
			"body": "kommunestyret",
			"case_no": "112/22",
			"date": "2022-12-14",
		},
	],
	"procurement": {
		"involved": true,
		"category": "tjenester",
		"estimated_value_nok": 9600000,
		"announcement_date": "2023-02-01",
		"procedure": "apen_anbudskonkurranse",
		"doffin": true,
		"ted": true,
		"protocol": true,
		"climate_requirement_in_spec": true,
		"uu_requirements": true,
	},
	"personal_data": {
		"processes": true,
		"legal_basis": "e",
		"special_categories": true,
		"large_scale": true,
		"dpia_status": "godkjent",
		"residual_risk_high": false,
		"processor_used": true,
		"dpa_signed": true,
		"third_country_transfer": false,
	},
	"ict_solution": {
		"public_facing": true,
		"kind": "app",
		"launch_date": "2024-03-01",
		"wcag_version": "2.1",
		"wcag_level": "AA",
		"accessibility_statement_url": "https://uustatus.no/nb/erklaringer/publisert/baerum-omsorgsapp",
	},
	"employees": {
		"affected": true,
		"fte_change": -2,
		"drofting_date": "2022-10-20",
	},
	"risk": {
		"assessment_ref": "KP-ROS-3301",
		"date": "2022-08-30",
		"covers": [
			"personvern",
			"informasjonssikkerhet",
			"arbeidsmiljo",
			"tjenestekvalitet",
		],
	},
	"climate": {
		"none_reason": "Digital tjeneste uten vesentlig klimaeffekt.",
	},
	"kpis": [
		{
			"id": "k1",
			"name": "Andel søknader levert digitalt",
			"kind": "kvalitet",
			"unit": "%",
			"direction": "up",
			"source": "fagsystem",
			"baseline": {
				"value": 8,
				"date": "2022-06-30",
			},
			"target": {
				"value": 60,
				"year": 2025,
			},
			"measurements": [
				{
					"phase": "for",
					"date": "2022-06-30",
				},
				{
					"phase": "under",
					"date": "2024-01-31",
				},
				{
					"phase": "etter",
					"date": "2025-06-30",
				},
			],
		},
		{
			"id": "k2",
			"name": "Saksbehandlingstid",
			"kind": "tid",
			"unit": "dager",
			"direction": "down",
			"source": "fagsystem",
			"baseline": {
				"value": 21,
				"date": "2022-06-30",
			},
			"target": {
				"value": 10,
				"year": 2025,
			},
			"measurements": [
				{
					"phase": "for",
					"date": "2022-06-30",
				},
				{
					"phase": "under",
					"date": "2024-01-31",
				},
				{
					"phase": "etter",
					"date": "2025-06-30",
				},
			],
		},
	],
}

# input_for wraps an initiative as the engine does, with D = submitted_at.
input_for(doc) := {"initiative": doc, "as_of": doc.submitted_at, "schema_errors": []}

# input_at wraps an initiative with an explicit as-of date.
input_at(doc, d) := {"initiative": doc, "as_of": d, "schema_errors": []}

# brief projects violations on what the catalog fixes: id, severity, path and year.
brief(vs) := {object.filter(v, {"rule_id", "severity", "path", "year"}) | some v in vs}

# messages projects violations on their messages in both languages.
messages(vs) := {v.message | some v in vs}
