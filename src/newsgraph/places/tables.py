"""Small curated tables the gazetteer packages lack: demonyms, regions, local generic words."""
from __future__ import annotations

# generic words that ISO 3166-2 names carry in the local language (Fujian Sheng, Xinjiang Uygur Zizhiqu)
SUBDIVISION_SUFFIXES = frozenset({
    "Sheng", "Shi", "Zizhiqu", "SAR", "Oblast", "oblast", "Kray", "Krai", "Respublika", "Avtonomnyy", "Okrug",
    "Ili", "Province", "Region", "State", "Governorate", "Prefecture", "Department", "Voivodeship",
})

# country code: adjective and people (demonyms), and groups without a country (code left empty)
DEMONYMS: tuple[str, ...] = (
    "AF:Afghan|Afghans|Afghani", "AL:Albanian|Albanians", "DZ:Algerian|Algerians", "AO:Angolan|Angolans",
    "AR:Argentine|Argentinian|Argentinians", "AM:Armenian|Armenians", "AU:Australian|Australians",
    "AT:Austrian|Austrians", "AZ:Azerbaijani|Azerbaijanis|Azeri", "BH:Bahraini|Bahrainis",
    "BD:Bangladeshi|Bangladeshis", "BY:Belarusian|Belarusians", "BE:Belgian|Belgians", "BO:Bolivian",
    "BA:Bosnian|Bosnians", "BR:Brazilian|Brazilians", "GB:British|Briton|Britons|English|Scottish|Welsh",
    "BG:Bulgarian|Bulgarians", "MM:Burmese|Myanmarese", "KH:Cambodian|Cambodians", "CM:Cameroonian",
    "CA:Canadian|Canadians", "TD:Chadian", "CL:Chilean|Chileans", "CN:Chinese|Sino", "CO:Colombian|Colombians",
    "CD:Congolese", "HR:Croatian|Croat|Croats", "CU:Cuban|Cubans", "CY:Cypriot|Cypriots", "CZ:Czech|Czechs",
    "DK:Danish|Dane|Danes", "NL:Dutch", "EC:Ecuadorian", "EG:Egyptian|Egyptians", "ER:Eritrean|Eritreans",
    "EE:Estonian", "ET:Ethiopian|Ethiopians", "FI:Finnish|Finn|Finns", "FR:French|Frenchman|Franco",
    "GE:Georgian|Georgians", "DE:German|Germans", "GH:Ghanaian|Ghanaians", "GR:Greek|Greeks",
    "GT:Guatemalan", "HT:Haitian|Haitians", "HN:Honduran", "HU:Hungarian|Hungarians", "IS:Icelandic",
    "IN:Indian|Indians|Indo", "ID:Indonesian|Indonesians", "IR:Iranian|Iranians|Persian", "IQ:Iraqi|Iraqis",
    "IE:Irish", "IL:Israeli|Israelis", "IT:Italian|Italians", "JP:Japanese", "JO:Jordanian|Jordanians",
    "KZ:Kazakh|Kazakhs|Kazakhstani", "KE:Kenyan|Kenyans", "KP:North Korean|North Koreans",
    "KR:South Korean|South Koreans|Korean|Koreans", "KW:Kuwaiti|Kuwaitis", "KG:Kyrgyz", "LA:Lao|Laotian",
    "LV:Latvian", "LB:Lebanese", "LY:Libyan|Libyans", "LT:Lithuanian", "MY:Malaysian|Malaysians",
    "ML:Malian|Malians", "MX:Mexican|Mexicans", "MN:Mongolian|Mongolians", "MA:Moroccan|Moroccans",
    "MZ:Mozambican", "NP:Nepali|Nepalese", "NZ:New Zealander|New Zealanders", "NI:Nicaraguan",
    "NE:Nigerien", "NG:Nigerian|Nigerians", "NO:Norwegian|Norwegians", "OM:Omani", "PK:Pakistani|Pakistanis|Pak",
    "PS:Palestinian|Palestinians", "PA:Panamanian", "PY:Paraguayan", "PE:Peruvian|Peruvians",
    "PH:Philippine|Filipino|Filipinos", "PL:Polish|Pole|Poles", "PT:Portuguese", "QA:Qatari|Qataris",
    "RO:Romanian|Romanians", "RU:Russian|Russians|Russo", "RW:Rwandan|Rwandans", "SA:Saudi|Saudis",
    "SN:Senegalese", "RS:Serbian|Serb|Serbs", "SG:Singaporean|Singaporeans", "SK:Slovak|Slovaks",
    "SI:Slovenian|Slovene", "SO:Somali|Somalis", "ZA:South African|South Africans", "SS:South Sudanese",
    "ES:Spanish|Spaniard|Spaniards", "LK:Sri Lankan|Sri Lankans", "SD:Sudanese", "SE:Swedish|Swede|Swedes",
    "CH:Swiss", "SY:Syrian|Syrians", "TW:Taiwanese", "TJ:Tajik|Tajiks", "TZ:Tanzanian|Tanzanians",
    "TH:Thai", "TN:Tunisian|Tunisians", "TR:Turkish|Turk|Turks", "TM:Turkmen", "UG:Ugandan|Ugandans",
    "UA:Ukrainian|Ukrainians", "AE:Emirati|Emiratis", "US:American|Americans", "UY:Uruguayan",
    "UZ:Uzbek|Uzbeks", "VE:Venezuelan|Venezuelans", "VN:Vietnamese", "YE:Yemeni|Yemenis",
    "ZM:Zambian|Zambians", "ZW:Zimbabwean|Zimbabweans", "EU:European|Europeans",
    ":Arab|Arabs|Kurd|Kurds|Kurdish|Pashtun|Pashtuns|Baloch|Balochi|Tamil|Tamils|Uighur|Uighurs|Uyghur|Uyghurs",
    ":Tibetan|Tibetans|Hui|Rohingya|Hazara|Hazaras|Berber|Berbers|Tuareg|Yazidi|Yazidis|Hutu|Tutsi|Latino|Hispanic",
    ":Muslim|Muslims|Christian|Christians|Hindu|Hindus|Buddhist|Buddhists|Jewish|Jew|Jews|Sikh|Sikhs|Sunni",
    ":Sunnis|Shia|Shiite|Shiites|Catholic|Catholics|Protestant|Protestants|Orthodox|Islamist|Islamists|Jihadist",
)

# regions a gazetteer of countries and cities does not hold: "names|alternates", representative lat, lon
REGIONS: tuple[tuple[str, float, float], ...] = (
    ("Middle East|Mideast|Near East", 29.0, 41.0), ("South Asia|Indian subcontinent", 22.0, 79.0),
    ("Central Asia", 45.0, 68.0), ("East Asia", 35.0, 115.0), ("Southeast Asia|South-East Asia", 5.0, 110.0),
    ("West Africa", 12.0, -3.0), ("East Africa", 0.0, 37.0), ("North Africa", 27.0, 14.0),
    ("Horn of Africa", 8.0, 45.0), ("Sahel", 15.0, 5.0), ("Sub-Saharan Africa", -5.0, 22.0),
    ("Balkans|Balkan Peninsula", 43.0, 21.0), ("Caucasus|Caucasus region", 42.0, 45.0),
    ("Latin America", -10.0, -60.0), ("Central America", 13.0, -86.0), ("Caribbean", 17.0, -72.0),
    ("Eastern Europe", 50.0, 28.0), ("Western Europe", 48.0, 5.0), ("Scandinavia", 63.0, 15.0),
    ("Persian Gulf|Gulf region|Arabian Gulf", 26.0, 52.0), ("Levant", 33.5, 36.0), ("Maghreb", 31.0, 2.0),
    ("Kashmir", 34.0, 76.0), ("Arctic", 80.0, 0.0), ("Asia-Pacific|Asia Pacific", 10.0, 120.0),
    ("Western Sahara", 24.5, -13.0), ("Gaza Strip|Gaza", 31.42, 34.35), ("West Bank", 31.95, 35.25),
    ("Silk Road", 40.0, 70.0), ("Korean Peninsula", 38.0, 127.5), ("Sinai|Sinai Peninsula", 29.5, 33.8),
)

# AP-style abbreviations of US states, read only after a town and a comma (`Springfield, Ill.`)
US_STATE_ABBREVIATIONS: tuple[tuple[str, str], ...] = tuple(
    (abbr, state) for state, abbrs in (
        ("Alabama", "Ala."), ("Arizona", "Ariz."), ("Arkansas", "Ark."), ("California", "Calif.|Cal."),
        ("Colorado", "Colo."), ("Connecticut", "Conn."), ("Delaware", "Del."), ("Florida", "Fla."), ("Georgia", "Ga."),
        ("Illinois", "Ill."), ("Indiana", "Ind."), ("Kansas", "Kan.|Kans."), ("Kentucky", "Ky."), ("Louisiana", "La."),
        ("Maryland", "Md."), ("Massachusetts", "Mass."), ("Michigan", "Mich."), ("Minnesota", "Minn."),
        ("Mississippi", "Miss."), ("Missouri", "Mo."), ("Montana", "Mont."), ("Nebraska", "Neb.|Nebr."),
        ("Nevada", "Nev."), ("New Hampshire", "N.H."), ("New Jersey", "N.J."), ("New Mexico", "N.M."),
        ("New York", "N.Y."), ("North Carolina", "N.C."), ("North Dakota", "N.D."), ("Oklahoma", "Okla."),
        ("Oregon", "Ore.|Oreg."), ("Pennsylvania", "Pa.|Penn."), ("Rhode Island", "R.I."), ("South Carolina", "S.C."),
        ("South Dakota", "S.D."), ("Tennessee", "Tenn."), ("Vermont", "Vt."), ("Virginia", "Va."),
        ("Washington", "Wash."), ("West Virginia", "W.Va.|W. Va."), ("Wisconsin", "Wis.|Wisc."), ("Wyoming", "Wyo."),
    ) for abbr in abbrs.split("|")
)
